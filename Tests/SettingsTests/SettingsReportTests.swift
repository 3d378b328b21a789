import ChatWire
import Foundation
import Settings
import Testing

@Suite("config show report")
struct SettingsReportTests {
    private let key = "sk-report-SECRET"

    private var settings: ResolvedSettings {
        ResolvedSettings(
            configPath: Sourced("/c/config.toml", from: .environment("SSECHAT_CONFIG")),
            configExists: true,
            profile: Sourced("work", from: .flag),
            provider: Sourced(.openai, from: .builtIn),
            url: Sourced("http://127.0.0.1:1/v1", from: .file(path: "/c/config.toml", line: 4)),
            model: Sourced("m", from: .environment("SSECHAT_MODEL")),
            system: Sourced(.text("Be \"brief\".\nReally."), from: .file(path: "/c/config.toml", line: 5)),
            apiKey: Sourced(.value(key), from: .environment("OPENAI_API_KEY")),
            headers: [
                Sourced(
                    ChatHTTPHeader(name: "Authorization", value: "Bearer " + key),
                    from: .file(path: "/c/config.toml", line: 6)
                ),
                Sourced(ChatHTTPHeader(name: "X-Team", value: "docs"), from: .file(path: "/c/config.toml", line: 7)),
            ],
            maxTokens: Sourced(99, from: .file(path: "/c/config.toml", line: 8)),
            bodyParameters: [
                Sourced(.init("temperature", .double(0.25)), from: .file(path: "/c/config.toml", line: 9))
            ],
            markdown: Sourced("auto", from: .builtIn),
            color: Sourced("never", from: .flag),
            pace: nil,
            stats: Sourced(true, from: .continuedConversation),
            timeout: Sourced(120, from: .builtIn),
            maxReconnects: Sourced(5, from: .builtIn)
        )
    }

    @Test("Text: one line per setting with its source; the key only as set")
    func text() {
        let text = SettingsReport(settings).text
        #expect(!text.contains(key))
        #expect(!text.contains("SECRET"))
        for line in [
            "api_key            set (from OPENAI_API_KEY)",
            "headers.Authorization  set (from /c/config.toml:6)",
            "model              m (from SSECHAT_MODEL)",
            "url                http://127.0.0.1:1/v1 (from /c/config.toml:4)",
            "config             /c/config.toml (from SSECHAT_CONFIG)",
            "color              never (from flag)",
            "stats              true (from the continued conversation)",
            "timeout            120 (built-in default)",
            "pace               not set",
            "temperature        0.25 (from /c/config.toml:9)",
            "system             \"Be \\\"brief\\\".\\nReally.\" (from /c/config.toml:5)",
        ] {
            #expect(
                text.split(separator: "\n").contains {
                    $0.replacingOccurrences(of: " ", with: "") == line.replacingOccurrences(of: " ", with: "")
                },
                "\(line)\n\(text)"
            )
        }
    }

    @Test("With no URL and no key, the demo server's URL and model are shown as such")
    func demo() {
        var settings = settings
        settings.url = nil
        settings.apiKey = nil
        settings.model = Sourced("gpt-default", from: .builtIn)
        let text = SettingsReport(settings).text
        #expect(text.contains("not set (the built-in demo server)"))
        #expect(text.contains("not set (the built-in demo server's)"))
        #expect(!text.contains("gpt-default"))
    }

    @Test("A key from api_key_cmd shows as set (from api_key_cmd)")
    func keyCommand() {
        var settings = settings
        settings.apiKey = Sourced(.command(["pass"]), from: .keyCommand(path: "/c/config.toml", line: 3))
        #expect(SettingsReport(settings).text.contains("set (from api_key_cmd)"))
    }

    @Test("JSON: value and source per setting; secrets only as set")
    func json() throws {
        let json = SettingsReport(settings).json
        #expect(!json.contains(key))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let apiKey = try #require(object["api_key"] as? [String: Any])
        #expect(apiKey["set"] as? Bool == true)
        #expect(apiKey["source"] as? String == "OPENAI_API_KEY")
        #expect(apiKey["value"] == nil)
        let url = try #require(object["url"] as? [String: Any])
        #expect(url["value"] as? String == "http://127.0.0.1:1/v1")
        #expect(url["file"] as? String == "/c/config.toml")
        #expect(url["line"] as? Int == 4)
        let headers = try #require(object["headers"] as? [String: [String: Any]])
        #expect(headers["Authorization"]?["set"] as? Bool == true)
        #expect(headers["X-Team"]?["value"] as? String == "docs")
        #expect((object["temperature"] as? [String: Any])?["value"] as? Double == 0.25)
        #expect((object["pace"] as? [String: Any])?["source"] is NSNull)
    }
}
