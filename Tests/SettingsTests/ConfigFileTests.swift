import ChatWire
import Settings
import Testing

@Suite("Config file schema")
struct ConfigFileTests {
    private let path = "/home/me/.config/ssechat/config.toml"

    private func parse(_ text: String) throws(SettingsError) -> ConfigFile {
        try ConfigFile.parse(text, path: path, home: "/home/me")
    }

    private func error(_ text: String) throws -> SettingsError {
        do {
            _ = try parse(text)
        } catch {
            return error
        }
        Issue.record("no error for \(text)")
        throw SettingsError(.syntax, "none")
    }

    @Test("Every key of a profile is read, with its line")
    func everyKey() throws {
        let file = try parse(
            """
            default_profile = "work"
            [defaults]
            color = "never"
            markdown = "always"
            [profiles.work]
            provider = "anthropic"
            url = "https://api.anthropic.com"
            model = "claude-sonnet-4-5"
            system_file = "prompts/work.txt"
            api_key_cmd = ["pass", "show", "work"]
            headers = { "X-Team" = "docs" }
            temperature = 0.2
            top_p = 1
            max_tokens = 300
            seed = 7
            stop = ["END"]
            reasoning_effort = "low"
            extra_body = { keep_alive = "5m", options = { num_ctx = 4096 } }
            pace = 400
            stats = true
            timeout = 30.5
            max_reconnects = 0
            preconnect = false
            """
        )
        let work = try #require(file.profiles["work"])
        #expect(file.defaultProfile == Sourced("work", from: .file(path: path, line: 1)))
        #expect(file.defaults.color == Sourced("never", from: .file(path: path, line: 3)))
        #expect(file.defaults.markdown?.value == "always")
        #expect(work.provider == Sourced(.anthropic, from: .file(path: path, line: 6)))
        #expect(work.url?.value == "https://api.anthropic.com")
        #expect(work.model == Sourced("claude-sonnet-4-5", from: .file(path: path, line: 8)))
        #expect(
            work.system == Sourced(.file("/home/me/.config/ssechat/prompts/work.txt"), from: .file(path: path, line: 9))
        )
        #expect(work.apiKey == Sourced(.command(["pass", "show", "work"]), from: .keyCommand(path: path, line: 10)))
        #expect(
            work.headers == [Sourced(ChatHTTPHeader(name: "X-Team", value: "docs"), from: .file(path: path, line: 11))]
        )
        #expect(work.maxTokens == Sourced(300, from: .file(path: path, line: 14)))
        #expect(
            work.bodyParameters.map(\.value) == [
                .init("temperature", .double(0.2)), .init("top_p", .int(1)), .init("seed", .int(7)),
                .init("stop", .array([.string("END")])), .init("reasoning_effort", .string("low")),
                .init("keep_alive", .string("5m")), .init("options", .object([.init("num_ctx", .int(4096))])),
            ]
        )
        #expect(work.bodyParameters.map(\.source).contains(.file(path: path, line: 18)))
        #expect(work.pace?.value == 400)
        #expect(work.stats?.value == true)
        #expect(work.timeout?.value == 30.5)
        #expect(work.maxReconnects?.value == 0)
        #expect(work.preconnect == Sourced(false, from: .file(path: path, line: 23)))
        #expect(file.plainKeyLine == nil)
    }

    @Test("A secret header counts as a key written in the file")
    func secretHeader() throws {
        let file = try parse(
            "[defaults]\nheaders = { X-Team = \"a\" }\n[profiles.a]\nheaders.Authorization = \"Bearer x\"\n"
        )
        #expect(file.plainKeyLine == 4)
    }

    @Test("system_file: ~ is the home folder, an absolute path stays")
    func systemFile() throws {
        let file = try parse("[defaults]\nsystem_file = \"~/p.txt\"\n[profiles.a]\nsystem_file = \"/etc/p\"")
        #expect(file.defaults.system?.value == .file("/home/me/p.txt"))
        #expect(file.profiles["a"]?.system?.value == .file("/etc/p"))
    }

    @Test("A plain api_key is found with its line")
    func plainKey() throws {
        let file = try parse("[profiles.a]\nurl = \"http://x\"\n\n[profiles.b]\napi_key = \"sk-1\"\n")
        #expect(file.plainKeyLine == 5)
        #expect(file.profiles["b"]?.apiKey?.value == .value("sk-1"))
    }

    @Test(
        "Mistakes name the file, the line and the key",
        arguments: [
            ("[profiles.a]\nmodel = \"x\"\nmodle = \"y\"\n", "config.toml:3: unknown key 'profiles.a.modle'"),
            ("colour = \"auto\"\n", "config.toml:1: unknown key 'colour'"),
            ("[defaults]\n\ncolor = 1\n", "config.toml:3: 'defaults.color' must be a string, not an integer"),
            ("[defaults]\nstats = \"yes\"", "config.toml:2: 'defaults.stats' must be a boolean, not a string"),
            ("[defaults]\npreconnect = 0", "config.toml:2: 'defaults.preconnect' must be a boolean, not an integer"),
            (
                "[profiles.a]\ntemperature = \"hot\"",
                "config.toml:2: 'profiles.a.temperature' must be a number, not a string"
            ),
            (
                "[profiles.a]\nheaders = { X = 1 }",
                "config.toml:2: 'profiles.a.headers.X' must be a string, not an integer"
            ),
            (
                "[profiles.a]\napi_key_cmd = \"pass show\"",
                "config.toml:2: 'profiles.a.api_key_cmd' must be an array of strings, not a string"
            ),
            ("profiles = 3", "config.toml:1: 'profiles' must be a table, not an integer"),
            ("[profiles]\na = 1", "config.toml:2: 'profiles.a' must be a table, not an integer"),
            (
                "[profiles.a]\nprovider = \"mistral\"",
                "config.toml:2: 'profiles.a.provider' must be one of openai, responses, anthropic, gemini, sse, not 'mistral'"
            ),
            (
                "[defaults]\ncolor = \"sometimes\"",
                "config.toml:2: 'defaults.color' must be auto, always or never, not 'sometimes'"
            ),
            ("[defaults]\ntimeout = 0", "config.toml:2: 'defaults.timeout' must be more than 0"),
            ("[defaults]\nmax_reconnects = -1", "config.toml:2: 'defaults.max_reconnects' must be 0 or more"),
            ("[defaults]\ntemperature = nan", "config.toml:2: 'defaults.temperature' must be a finite number"),
            (
                "[profiles.a]\napi_key_env = \"A\"\napi_key_cmd = [\"x\"]",
                "config.toml:3: 'profiles.a.api_key_cmd' cannot be set together with 'api_key_env'"
            ),
            (
                "[profiles.a]\nsystem = \"a\"\nsystem_file = \"b\"",
                "config.toml:3: 'profiles.a.system_file' cannot be set together with 'system'"
            ),
            (
                "[profiles.a]\napi_key_cmd = []",
                "config.toml:2: 'profiles.a.api_key_cmd' must name a program to run, as [\"program\", \"argument\", …]"
            ),
            (
                "default_profile = \"b\"\n[profiles.a]\n",
                "config.toml:1: 'default_profile' names no profile 'b' (known: a)"
            ),
        ]
    )
    func mistakes(text: String, message: String) throws {
        let error = try error(text)
        #expect(error.description == "/home/me/.config/ssechat/" + message)
        #expect(error.code != .syntax)
    }

    @Test("A syntax error names the file, line and column")
    func syntax() throws {
        let error = try error("[defaults]\nstats = true\nmodel = \"unterminated\n")
        #expect(error.code == .syntax)
        #expect(error.description.hasPrefix(path + ":3:"))
        #expect(error.description.contains("syntax error"))
        #expect(!error.description.contains("\n"))
    }

    @Test("A syntax error on a line holding a key does not quote the parser's view of it")
    func syntaxNearKey() throws {
        let error = try error("[defaults]\napi_key = \"sk-SE\\qCRET\"\n")
        #expect(error.description == path + ":2:18: syntax error: (details left out: the line may hold a key)")
    }

    @Test("A key redefined is a syntax error on its line")
    func duplicate() throws {
        let error = try error("[defaults]\nstats = true\nstats = false\n")
        #expect(error.description.hasPrefix(path + ":3:"))
    }

    @Test("A missing profile table body is an empty profile")
    func emptyProfile() throws {
        let file = try parse("[profiles.empty]\n")
        #expect(file.profiles["empty"] == SettingsLayer())
        #expect(file.profileNames == ["empty"])
    }
}
