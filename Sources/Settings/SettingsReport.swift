import ChatWire
import Foundation

/// What `ssechat config show` prints: every resolved setting, its value and its source, as text or JSON.
///
/// A key, and a secret header's value (`Authorization`, `x-api-key`…), appear only as `set (from SOURCE)`:
/// ```
/// provider        openai (built-in default)
/// url             http://localhost:11434/v1 (from /home/me/.config/ssechat/config.toml:12)
/// api_key         set (from OPENAI_API_KEY)
/// pace            not set
/// ```
package struct SettingsReport: Sendable {
    /// One setting.
    package struct Row: Sendable, Equatable {
        /// The setting's name (`model`, `headers.X-Team`, `temperature`…).
        package var name: String
        /// The value, `nil` when not set; a secret's is never here.
        package var value: JSONValue?
        /// The value as text, or `set` for a secret.
        package var text: String
        /// Where it came from, `nil` when not set.
        package var source: SettingSource?
        /// Whether the value is a secret (only whether it is set may be shown).
        package var isSecret = false
    }

    /// The rows, in display order.
    package var rows: [Row]

    /// Makes the report.
    /// - Parameter settings: The resolved settings.
    package init(_ settings: ResolvedSettings) {
        var rows: [Row] = []
        func add(_ name: String, _ value: JSONValue?, _ text: String, _ source: SettingSource?) {
            rows.append(Row(name: name, value: value, text: text, source: source))
        }
        func add(_ name: String, _ string: Sourced<String>?) {
            add(name, string.map { .string($0.value) }, string?.value ?? "not set", string?.source)
        }
        let config = settings.configPath
        add(
            "config",
            .string(config.value),
            config.value + (settings.configExists ? "" : " (no such file)"),
            config.source
        )
        add("profile", settings.profile)
        add("provider", settings.provider.map(\.rawValue))
        if let url = settings.url {
            add("url", url)
        } else {
            add(
                "url",
                nil,
                settings.usesDemoServer ? "not set (the built-in demo server)" : "not set (the provider's default)",
                nil
            )
        }
        if settings.usesDemoServer, settings.model?.source == .builtIn {
            add("model", nil, "not set (the built-in demo server's)", nil)
        } else {
            add("model", settings.model)
        }
        switch settings.system?.value {
        case .text(let text):
            add("system", .string(text), Self.abbreviated(text), settings.system?.source)
        case .file(let path):
            add("system_file", .string(path), path, settings.system?.source)
        case nil:
            add("system", nil, "not set", nil)
        }
        rows.append(
            Row(
                name: "api_key",
                value: nil,
                text: settings.apiKey == nil ? "not set" : "set",
                source: settings.apiKey?.source,
                isSecret: true
            )
        )
        for header in settings.headers {
            let secret = header.value.isSecret
            rows.append(
                Row(
                    name: "headers.\(header.value.name)",
                    value: secret ? nil : .string(header.value.value),
                    text: secret ? "set" : header.value.value,
                    source: header.source,
                    isSecret: secret
                )
            )
        }
        if let maxTokens = settings.maxTokens {
            add("max_tokens", .int(maxTokens.value), String(maxTokens.value), maxTokens.source)
        }
        for parameter in settings.bodyParameters {
            add(parameter.value.key, parameter.value.value, Self.text(of: parameter.value.value), parameter.source)
        }
        add("markdown", settings.markdown)
        add("color", settings.color)
        add(
            "pace",
            settings.pace.map { .double($0.value) },
            settings.pace.map { Self.number($0.value) } ?? "not set",
            settings.pace?.source
        )
        add("stats", .bool(settings.stats.value), settings.stats.value ? "true" : "false", settings.stats.source)
        add("timeout", .double(settings.timeout.value), Self.number(settings.timeout.value), settings.timeout.source)
        add(
            "max_reconnects",
            .int(settings.maxReconnects.value),
            String(settings.maxReconnects.value),
            settings.maxReconnects.source
        )
        add(
            "background",
            .bool(settings.background.value),
            settings.background.value ? "true" : "false",
            settings.background.source
        )
        add(
            "preconnect",
            .bool(settings.preconnect.value),
            settings.preconnect.value ? "true" : "false",
            settings.preconnect.source
        )
        self.rows = rows
    }

    /// One line per setting: the name, the value (`set` for a secret) and `(from SOURCE)`.
    package var text: String {
        let width = (rows.map(\.name.count).max() ?? 0) + 2
        return rows.map { row in
            let name = row.name.padding(toLength: width, withPad: " ", startingAt: 0)
            guard let source = row.source else { return name + row.text }
            let origin = source == .builtIn ? "(built-in default)" : "(from \(source))"
            return name + row.text + " " + origin
        }
        .joined(separator: "\n") + "\n"
    }

    /// One JSON object: each setting's name maps to `{"value": …, "source": …}` (`{"set": true, "source": …}` for a
    /// secret; `"file"` and `"line"` too when the source is the config file); headers under `"headers"`.
    package var json: String {
        var members: [JSONValue.Member] = []
        var headers: [JSONValue.Member] = []
        for row in rows {
            var entry: [JSONValue.Member] = []
            if row.isSecret {
                entry.append(.init("set", .bool(row.source != nil)))
            } else {
                entry.append(.init("value", row.value ?? .null))
            }
            entry.append(.init("source", row.source.map { .string($0.description) } ?? .null))
            if case .file(let path, let line) = row.source {
                entry += [.init("file", .string(path)), .init("line", .int(line))]
            } else if case .keyCommand(let path, let line) = row.source {
                entry += [.init("file", .string(path)), .init("line", .int(line))]
            }
            if row.name.hasPrefix("headers.") {
                headers.append(.init(String(row.name.dropFirst("headers.".count)), .object(entry)))
            } else {
                members.append(.init(row.name, .object(entry)))
            }
        }
        if let index = members.firstIndex(where: { $0.key == "api_key" }) {
            members.insert(.init("headers", .object(headers)), at: index + 1)
        }
        return String(decoding: JSONValue.object(members).serialized(), as: UTF8.self) + "\n"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func text(of value: JSONValue) -> String {
        String(decoding: value.serialized(), as: UTF8.self)
    }

    /// A system prompt on one line: quoted, newlines shown as `\n`, cut after 60 characters.
    private static func abbreviated(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
        let cut = flat.count > 60 ? String(flat.prefix(60)) + "…" : flat
        return "\"" + cut.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
