import ChatWire
import Settings
import Testing

@Suite("Settings precedence")
struct SettingsResolverTests {
    private static let path = "/c/config.toml"
    private let builtIns = SettingsResolver.BuiltIns(
        inferProvider: { $0.contains("anthropic.com") ? .anthropic : .openai },
        defaultModel: { $0 == .anthropic ? "claude-default" : "gpt-default" }
    )

    private func file(line: Int) -> SettingSource { .file(path: Self.path, line: line) }

    /// A file with `[defaults]` (lines 10…) and a `work` profile (lines 20…) that set the same things.
    private var config: ConfigFile {
        var defaults = SettingsLayer()
        defaults.url = Sourced("http://defaults/v1", from: file(line: 10))
        defaults.model = Sourced("defaults-model", from: file(line: 11))
        defaults.color = Sourced("never", from: file(line: 12))
        defaults.timeout = Sourced(30, from: file(line: 13))
        defaults.apiKey = Sourced(.variable("DEFAULTS_KEY"), from: file(line: 14))
        defaults.headers = [
            Sourced(ChatHTTPHeader(name: "X-A", value: "defaults"), from: file(line: 15)),
            Sourced(ChatHTTPHeader(name: "X-B", value: "defaults"), from: file(line: 15)),
        ]
        defaults.bodyParameters = [Sourced(.init("temperature", .double(1)), from: file(line: 16))]
        var work = SettingsLayer()
        work.url = Sourced("http://work/v1", from: file(line: 20))
        work.model = Sourced("work-model", from: file(line: 21))
        work.color = Sourced("always", from: file(line: 22))
        work.apiKey = Sourced(.variable("WORK_KEY"), from: file(line: 24))
        work.headers = [Sourced(ChatHTTPHeader(name: "x-b", value: "work"), from: file(line: 25))]
        work.bodyParameters = [
            Sourced(.init("top_p", .double(0.5)), from: file(line: 26)),
            Sourced(.init("temperature", .double(0.1)), from: file(line: 27)),
        ]
        return ConfigFile(path: Self.path, defaults: defaults, profiles: ["work": work, "home": SettingsLayer()])
    }

    private func resolve(
        flags: SettingsLayer = SettingsLayer(),
        profile: String? = nil,
        continued: SettingsLayer? = nil,
        environment: [String: String] = [:],
        config: ConfigFile?
    ) throws(SettingsError) -> ResolvedSettings {
        try SettingsResolver(
            flags: flags,
            profileFlag: profile,
            continuedConversation: continued,
            environment: environment,
            configPath: Sourced(Self.path, from: .builtIn),
            config: config,
            builtIns: builtIns
        )
        .resolve()
    }

    @Test("With nothing set: built-in defaults and the demo server")
    func builtInDefaults() throws {
        let settings = try resolve(config: nil)
        #expect(settings.usesDemoServer)
        #expect(settings.provider == Sourced(.openai, from: .builtIn))
        #expect(settings.model == Sourced("gpt-default", from: .builtIn))
        #expect(settings.color == Sourced("auto", from: .builtIn))
        #expect(settings.markdown == Sourced("auto", from: .builtIn))
        #expect(settings.stats == Sourced(false, from: .builtIn))
        #expect(settings.timeout == Sourced(120, from: .builtIn))
        #expect(settings.maxReconnects == Sourced(5, from: .builtIn))
        #expect(settings.preconnect == Sourced(true, from: .builtIn))
        #expect(settings.profile == nil && settings.apiKey == nil && settings.pace == nil)
    }

    @Test("URL and model: flag > continued conversation > environment > profile > [defaults] > built-in")
    func urlAndModelLayers() throws {
        var flags = SettingsLayer()
        flags.url = Sourced("http://flag/v1", from: .flag)
        flags.model = Sourced("flag-model", from: .flag)
        var continued = SettingsLayer()
        continued.url = Sourced("http://continued/v1", from: .continuedConversation)
        continued.model = Sourced("continued-model", from: .continuedConversation)
        let environment = ["OPENAI_BASE_URL": "http://env/v1", "SSECHAT_MODEL": "env-model"]

        var settings = try resolve(
            flags: flags,
            profile: "work",
            continued: continued,
            environment: environment,
            config: config
        )
        #expect(settings.url == Sourced("http://flag/v1", from: .flag))
        #expect(settings.model == Sourced("flag-model", from: .flag))
        settings = try resolve(profile: "work", continued: continued, environment: environment, config: config)
        #expect(settings.url == Sourced("http://continued/v1", from: .continuedConversation))
        #expect(settings.model == Sourced("continued-model", from: .continuedConversation))
        settings = try resolve(profile: "work", environment: environment, config: config)
        #expect(settings.url == Sourced("http://env/v1", from: .environment("OPENAI_BASE_URL")))
        #expect(settings.model == Sourced("env-model", from: .environment("SSECHAT_MODEL")))
        settings = try resolve(profile: "work", config: config)
        #expect(settings.url == Sourced("http://work/v1", from: file(line: 20)))
        #expect(settings.model == Sourced("work-model", from: file(line: 21)))
        settings = try resolve(config: config)
        #expect(settings.url == Sourced("http://defaults/v1", from: file(line: 10)))
        #expect(settings.model == Sourced("defaults-model", from: file(line: 11)))
    }

    @Test("OPENAI_API_BASE is the alias; ANTHROPIC_BASE_URL counts when the provider is set to anthropic")
    func baseURLVariables() throws {
        #expect(
            try resolve(environment: ["OPENAI_API_BASE": "http://alias/v1"], config: nil).url?.source
                == .environment("OPENAI_API_BASE")
        )
        var flags = SettingsLayer()
        flags.provider = Sourced(.anthropic, from: .flag)
        let environment = [
            "ANTHROPIC_BASE_URL": "http://a", "OPENAI_BASE_URL": "http://o/v1", "ANTHROPIC_API_KEY": "k",
        ]
        let settings = try resolve(flags: flags, environment: environment, config: nil)
        #expect(settings.url == Sourced("http://a", from: .environment("ANTHROPIC_BASE_URL")))
        #expect(settings.apiKey == Sourced(.value("k"), from: .environment("ANTHROPIC_API_KEY")))
        #expect(settings.model == Sourced("claude-default", from: .builtIn))
    }

    @Test("Provider: a layer's, else inferred from the URL, else anthropic for a lone ANTHROPIC_API_KEY, else openai")
    func provider() throws {
        var profile = SettingsLayer()
        profile.provider = Sourced(.sse, from: file(line: 3))
        let config = ConfigFile(path: Self.path, profiles: ["p": profile])
        #expect(try resolve(profile: "p", config: config).provider == Sourced(.sse, from: file(line: 3)))
        var flags = SettingsLayer()
        flags.url = Sourced("https://api.anthropic.com", from: .flag)
        #expect(try resolve(flags: flags, config: nil).provider == Sourced(.anthropic, from: .builtIn))
        #expect(
            try resolve(environment: ["ANTHROPIC_API_KEY": "k"], config: nil).provider
                == Sourced(.anthropic, from: .environment("ANTHROPIC_API_KEY"))
        )
        #expect(
            try resolve(environment: ["ANTHROPIC_API_KEY": "k", "OPENAI_API_KEY": "o"], config: nil).provider.value
                == .openai
        )
    }

    @Test("Gemini: a lone GEMINI_API_KEY picks it; its key is GEMINI_API_KEY, else GOOGLE_API_KEY; no OpenAI base URL")
    func gemini() throws {
        #expect(
            try resolve(environment: ["GEMINI_API_KEY": "g"], config: nil).provider
                == Sourced(.gemini, from: .environment("GEMINI_API_KEY"))
        )
        for others in [["OPENAI_API_KEY": "o"], ["ANTHROPIC_API_KEY": "a"]] {
            let environment = others.merging(["GEMINI_API_KEY": "g"]) { $1 }
            #expect(try resolve(environment: environment, config: nil).provider.value != .gemini)
        }
        #expect(try resolve(environment: ["GOOGLE_API_KEY": "g"], config: nil).provider.value == .openai)
        var flags = SettingsLayer()
        flags.provider = Sourced(.gemini, from: .flag)
        let both = ["GEMINI_API_KEY": "g", "GOOGLE_API_KEY": "google", "OPENAI_API_KEY": "o"]
        let settings = try resolve(
            flags: flags,
            environment: both.merging(["OPENAI_BASE_URL": "http://o/v1"]) { $1 },
            config: nil
        )
        #expect(settings.apiKey == Sourced(.value("g"), from: .environment("GEMINI_API_KEY")))
        #expect(settings.url == nil)
        #expect(
            try resolve(flags: flags, environment: ["GOOGLE_API_KEY": "google", "OPENAI_API_KEY": "o"], config: nil)
                .apiKey == Sourced(.value("google"), from: .environment("GOOGLE_API_KEY"))
        )
        #expect(try resolve(flags: flags, environment: ["OPENAI_API_KEY": "o"], config: nil).apiKey == nil)
    }

    @Test("Key: flag > the profile's own key > OPENAI_API_KEY > [defaults]; api_key_env is looked up")
    func keyLayers() throws {
        var flags = SettingsLayer()
        flags.apiKey = Sourced(.value("flag-key"), from: .flag)
        let environment = ["OPENAI_API_KEY": "env-key", "WORK_KEY": "work-key", "DEFAULTS_KEY": "defaults-key"]
        #expect(
            try resolve(flags: flags, profile: "work", environment: environment, config: config).apiKey
                == Sourced(.value("flag-key"), from: .flag)
        )
        #expect(
            try resolve(profile: "work", environment: environment, config: config).apiKey
                == Sourced(.value("work-key"), from: .environment("WORK_KEY"))
        )
        #expect(
            try resolve(profile: "home", environment: environment, config: config).apiKey
                == Sourced(.value("env-key"), from: .environment("OPENAI_API_KEY"))
        )
        #expect(
            try resolve(profile: "home", environment: ["DEFAULTS_KEY": "d"], config: config).apiKey
                == Sourced(.value("d"), from: .environment("DEFAULTS_KEY"))
        )
    }

    @Test("An api_key_env naming an unset or empty variable counts as not set")
    func unsetKeyVariable() throws {
        #expect(
            try resolve(profile: "work", environment: ["WORK_KEY": "", "OPENAI_API_KEY": "e"], config: config).apiKey?
                .source == .environment("OPENAI_API_KEY")
        )
        #expect(try resolve(profile: "work", config: config).apiKey == nil)
    }

    @Test("api_key_cmd is handed on to be run, with its source")
    func keyCommand() throws {
        var profile = SettingsLayer()
        profile.apiKey = Sourced(.command(["pass", "show", "x"]), from: .keyCommand(path: Self.path, line: 4))
        let config = ConfigFile(path: Self.path, profiles: ["p": profile])
        let settings = try resolve(profile: "p", environment: ["OPENAI_API_KEY": "e"], config: config)
        #expect(
            settings.apiKey == Sourced(.command(["pass", "show", "x"]), from: .keyCommand(path: Self.path, line: 4))
        )
        #expect(!settings.usesDemoServer)
    }

    @Test("Profile: -p > SSECHAT_PROFILE > default_profile")
    func profileSelection() throws {
        var config = config
        config.defaultProfile = Sourced("home", from: file(line: 1))
        #expect(
            try resolve(profile: "work", environment: ["SSECHAT_PROFILE": "home"], config: config).profile
                == Sourced("work", from: .flag)
        )
        #expect(
            try resolve(environment: ["SSECHAT_PROFILE": "work"], config: config).profile
                == Sourced("work", from: .environment("SSECHAT_PROFILE"))
        )
        #expect(try resolve(config: config).profile == Sourced("home", from: file(line: 1)))
    }

    @Test("An unknown profile is one line naming the known ones")
    func unknownProfile() {
        #expect(
            throws: SettingsError(.unknownProfile, "unknown profile 'wrok' (from flag); known profiles: home, work")
        ) {
            try resolve(profile: "wrok", config: config)
        }
        #expect(
            throws: SettingsError(
                .unknownProfile,
                "unknown profile 'x' (from SSECHAT_PROFILE); /c/config.toml has no profiles"
            )
        ) {
            try resolve(environment: ["SSECHAT_PROFILE": "x"], config: ConfigFile(path: Self.path))
        }
        #expect(
            throws: SettingsError(
                .unknownProfile,
                "unknown profile 'x' (from flag): there is no config file at /c/config.toml"
            )
        ) {
            try resolve(profile: "x", config: nil)
        }
    }

    @Test("Output and network settings: flag > profile > [defaults] > built-in")
    func outputLayers() throws {
        var flags = SettingsLayer()
        flags.color = Sourced("auto", from: .flag)
        flags.stats = Sourced(true, from: .flag)
        flags.preconnect = Sourced(false, from: .flag)
        var settings = try resolve(flags: flags, profile: "work", config: config)
        #expect(settings.color == Sourced("auto", from: .flag))
        #expect(settings.stats == Sourced(true, from: .flag))
        #expect(settings.preconnect == Sourced(false, from: .flag))
        #expect(settings.timeout == Sourced(30, from: file(line: 13)))
        settings = try resolve(profile: "work", config: config)
        #expect(settings.color == Sourced("always", from: file(line: 22)))
        settings = try resolve(config: config)
        #expect(settings.color == Sourced("never", from: file(line: 12)))
    }

    @Test("Headers and body parameters merge by name, the profile's replacing [defaults]'")
    func merging() throws {
        let settings = try resolve(profile: "work", config: config)
        #expect(
            settings.headers == [
                Sourced(ChatHTTPHeader(name: "X-A", value: "defaults"), from: file(line: 15)),
                Sourced(ChatHTTPHeader(name: "x-b", value: "work"), from: file(line: 25)),
            ]
        )
        #expect(
            settings.bodyParameters == [
                Sourced(.init("temperature", .double(0.1)), from: file(line: 27)),
                Sourced(.init("top_p", .double(0.5)), from: file(line: 26)),
            ]
        )
    }
}
