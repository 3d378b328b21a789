import ChatWire

/// The keys a config file may hold and the types they take; turns parsed TOML into a `ConfigFile`.
///
/// | key | type | notes |
/// |---|---|---|
/// | `default_profile` | string | top level only; must name a profile |
/// | `provider` | string | `openai`, `responses`, `anthropic`, `gemini`, `sse` |
/// | `url`, `model` | string | |
/// | `system` / `system_file` | string | one of the two; a relative file is under the config's folder |
/// | `api_key_env` / `api_key_cmd` / `api_key` | string / array of strings / string | at most one |
/// | `headers` | table of strings | |
/// | `max_tokens`, `seed`, `top_k` | integer | `max_tokens` > 0 |
/// | `temperature`, `top_p`, `frequency_penalty`, `presence_penalty` | number | |
/// | `stop` | string or array of strings | |
/// | `reasoning_effort` | string | |
/// | `extra_body` | table | any other request-body members, passed through as JSON |
/// | `markdown`, `color` | string | `auto`, `always`, `never` |
/// | `pace`, `timeout` | number | > 0 |
/// | `stats`, `background`, `preconnect` | boolean | `background`: Responses replies run in the background, resumable; `preconnect`: open each connection with an `OPTIONS` first |
/// | `max_reconnects` | integer | ≥ 0 |
struct ConfigSchema {
    let path: String
    let locator: TOMLKeyLocator
    let home: String?

    /// The request-body parameters with a key of their own, and the type each takes.
    static let bodyParameterKinds: [String: BodyKind] = [
        "temperature": .number, "top_p": .number, "frequency_penalty": .number, "presence_penalty": .number,
        "seed": .integer, "top_k": .integer, "stop": .stringOrStrings, "reasoning_effort": .string,
    ]

    enum BodyKind {
        case number, integer, string, stringOrStrings
    }

    static let choices = ["auto", "always", "never"]

    func file(from members: [(key: String, value: ConfigValue)]) throws(SettingsError) -> ConfigFile {
        var file = ConfigFile(path: path)
        for (key, value) in inFileOrder(members, at: []) {
            switch key {
            case "default_profile":
                file.defaultProfile = try string(value, at: [key])
            case "defaults":
                file.defaults = try layer(try table(value, at: [key]), at: [key])
            case "profiles":
                for (name, profile) in try table(value, at: [key]) {
                    file.profiles[name] = try layer(try table(profile, at: [key, name]), at: [key, name])
                }
            default:
                throw .unknownKey(path: path, line: line([key]), key: [key])
            }
        }
        if let name = file.defaultProfile, file.profiles[name.value] == nil {
            let known =
                file.profileNames.isEmpty ? "the file has none" : "known: " + file.profileNames.joined(separator: ", ")
            throw .invalidValue(
                path: path,
                line: line(["default_profile"]),
                key: ["default_profile"],
                problem: "names no profile '\(name.value)' (\(known))"
            )
        }
        return file
    }

    private func layer(_ members: [(key: String, value: ConfigValue)], at tablePath: [String]) throws(SettingsError)
        -> SettingsLayer
    {
        var layer = SettingsLayer()
        var keySetting: String?
        var systemSetting: String?
        for (key, value) in inFileOrder(members, at: tablePath) {
            let keyPath = tablePath + [key]
            switch key {
            case "provider":
                let name = try string(value, at: keyPath)
                guard let kind = ChatProviderKind(rawValue: name.value) else {
                    let known = ChatProviderKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw invalid(keyPath, "must be one of \(known), not '\(name.value)'")
                }
                layer.provider = name.map { _ in kind }
            case "url":
                layer.url = try string(value, at: keyPath)
            case "model":
                layer.model = try string(value, at: keyPath)
            case "system", "system_file":
                if let other = systemSetting { throw invalid(keyPath, "cannot be set together with '\(other)'") }
                systemSetting = key
                let text = try string(value, at: keyPath)
                layer.system = key == "system" ? text.map(SystemPrompt.text) : text.map { .file(resolve($0)) }
            case "api_key", "api_key_env", "api_key_cmd":
                if let other = keySetting { throw invalid(keyPath, "cannot be set together with '\(other)'") }
                keySetting = key
                layer.apiKey = try keySource(key, value, at: keyPath)
            case "headers":
                for (name, headerValue) in try table(value, at: keyPath) {
                    let text = try string(headerValue, at: keyPath + [name])
                    layer.headers.append(text.map { ChatHTTPHeader(name: name, value: $0) })
                }
            case "max_tokens":
                let count = try integer(value, at: keyPath)
                guard count.value > 0 else { throw invalid(keyPath, "must be more than 0") }
                layer.maxTokens = count
            case "extra_body":
                for (name, member) in try table(value, at: keyPath) {
                    guard let json = member.json else {
                        throw invalid(
                            keyPath + [name],
                            "cannot be sent as JSON (a date, or a number that is not finite)"
                        )
                    }
                    layer.bodyParameters.append(Sourced(.init(name, json), from: source(keyPath + [name])))
                }
            case "markdown", "color":
                let choice = try string(value, at: keyPath)
                guard Self.choices.contains(choice.value) else {
                    throw invalid(keyPath, "must be auto, always or never, not '\(choice.value)'")
                }
                if key == "markdown" { layer.markdown = choice } else { layer.color = choice }
            case "pace", "timeout":
                let seconds = try number(value, at: keyPath)
                guard seconds.value > 0 else { throw invalid(keyPath, "must be more than 0") }
                if key == "pace" { layer.pace = seconds } else { layer.timeout = seconds }
            case "stats", "background", "preconnect":
                guard case .bool(let flag) = value else { throw wrongType(keyPath, "a boolean", value) }
                let setting = Sourced(flag, from: source(keyPath))
                switch key {
                case "stats": layer.stats = setting
                case "background": layer.background = setting
                default: layer.preconnect = setting
                }
            case "max_reconnects":
                let count = try integer(value, at: keyPath)
                guard count.value >= 0 else { throw invalid(keyPath, "must be 0 or more") }
                layer.maxReconnects = count
            default:
                guard let kind = Self.bodyParameterKinds[key] else {
                    throw .unknownKey(path: path, line: line(keyPath), key: keyPath)
                }
                layer.bodyParameters.append(
                    Sourced(.init(key, try bodyValue(kind, value, at: keyPath)), from: source(keyPath))
                )
            }
        }
        return layer
    }

    private func keySource(_ key: String, _ value: ConfigValue, at keyPath: [String]) throws(SettingsError)
        -> Sourced<KeySource>
    {
        switch key {
        case "api_key":
            let text = try string(value, at: keyPath)
            guard !text.value.isEmpty else { throw invalid(keyPath, "is empty") }
            return text.map(KeySource.value)
        case "api_key_env":
            let name = try string(value, at: keyPath)
            guard !name.value.isEmpty, !name.value.contains("=") else {
                throw invalid(keyPath, "must name an environment variable")
            }
            return name.map(KeySource.variable)
        default:
            guard case .array(let elements) = value else { throw wrongType(keyPath, "an array of strings", value) }
            var argv: [String] = []
            for element in elements {
                guard case .string(let argument) = element else {
                    throw wrongType(keyPath, "an array of strings", element)
                }
                argv.append(argument)
            }
            guard let program = argv.first, !program.isEmpty else {
                throw invalid(keyPath, "must name a program to run, as [\"program\", \"argument\", …]")
            }
            return Sourced(.command(argv), from: .keyCommand(path: path, line: line(keyPath)))
        }
    }

    private func bodyValue(_ kind: BodyKind, _ value: ConfigValue, at keyPath: [String]) throws(SettingsError)
        -> JSONValue
    {
        switch (kind, value) {
        case (.number, .integer(let number)): return .int(number)
        case (.number, .float(let number)):
            guard number.isFinite else { throw invalid(keyPath, "must be a finite number") }
            return .double(number)
        case (.integer, .integer(let number)): return .int(number)
        case (.string, .string(let text)), (.stringOrStrings, .string(let text)): return .string(text)
        case (.stringOrStrings, .array(let elements)):
            var strings: [JSONValue] = []
            for element in elements {
                guard case .string(let text) = element else {
                    throw wrongType(keyPath, "a string or an array of strings", element)
                }
                strings.append(.string(text))
            }
            return .array(strings)
        case (.number, _): throw wrongType(keyPath, "a number", value)
        case (.integer, _): throw wrongType(keyPath, "an integer", value)
        case (.string, _): throw wrongType(keyPath, "a string", value)
        case (.stringOrStrings, _): throw wrongType(keyPath, "a string or an array of strings", value)
        }
    }

    // MARK: - Typed reads

    private func string(_ value: ConfigValue, at keyPath: [String]) throws(SettingsError) -> Sourced<String> {
        guard case .string(let text) = value else { throw wrongType(keyPath, "a string", value) }
        return Sourced(text, from: source(keyPath))
    }

    private func integer(_ value: ConfigValue, at keyPath: [String]) throws(SettingsError) -> Sourced<Int> {
        guard case .integer(let number) = value else { throw wrongType(keyPath, "an integer", value) }
        return Sourced(number, from: source(keyPath))
    }

    private func number(_ value: ConfigValue, at keyPath: [String]) throws(SettingsError) -> Sourced<Double> {
        guard let number = value.number else { throw wrongType(keyPath, "a number", value) }
        guard number.isFinite else { throw invalid(keyPath, "must be a finite number") }
        return Sourced(number, from: source(keyPath))
    }

    private func table(_ value: ConfigValue, at keyPath: [String]) throws(SettingsError)
        -> [(key: String, value: ConfigValue)]
    {
        guard case .table(let members) = value else { throw wrongType(keyPath, "a table", value) }
        return members
    }

    // MARK: - Lines and errors

    /// The members sorted by the line they are on (TOMLKit sorts keys by name), so the first problem reported is
    /// the first in the file.
    private func inFileOrder(_ members: [(key: String, value: ConfigValue)], at tablePath: [String])
        -> [(key: String, value: ConfigValue)]
    {
        members.enumerated()
            .sorted {
                (line(tablePath + [$0.element.key]), $0.offset) < (line(tablePath + [$1.element.key]), $1.offset)
            }
            .map(\.element)
    }

    private func line(_ keyPath: [String]) -> Int { locator.line(of: keyPath) ?? 1 }

    private func source(_ keyPath: [String]) -> SettingSource { .file(path: path, line: line(keyPath)) }

    private func wrongType(_ keyPath: [String], _ expected: String, _ found: ConfigValue) -> SettingsError {
        .wrongType(path: path, line: line(keyPath), key: keyPath, expected: expected, found: found)
    }

    private func invalid(_ keyPath: [String], _ problem: String) -> SettingsError {
        .invalidValue(path: path, line: line(keyPath), key: keyPath, problem: problem)
    }

    /// A `system_file` as an absolute path: `~/…` under the home folder, a relative path under the config's folder.
    private func resolve(_ file: String) -> String {
        if file.hasPrefix("~/"), let home { return home + file.dropFirst(1) }
        if file.hasPrefix("/") { return file }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return (folder.isEmpty && !path.hasPrefix("/") ? "." : folder) + "/" + file
    }
}
