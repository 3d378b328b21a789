import ChatWire

/// Applies precedence to every setting: a pure function of the flags, the continued conversation, the environment
/// and the config file.
///
/// For each value the first of these that sets it wins:
///
/// | # | layer | source shown |
/// |---|---|---|
/// | 1 | a flag | `flag` |
/// | 2 | the continued conversation (`-c`) | `the continued conversation` |
/// | 3 | the environment | the variable's name |
/// | 4 | the selected profile (`-p`, `SSECHAT_PROFILE`, `default_profile`) | `FILE:LINE` |
/// | 5 | `[defaults]` | `FILE:LINE` |
/// | 6 | ssechat's own default | `built-in default` |
///
/// The variables: `OPENAI_BASE_URL` (alias `OPENAI_API_BASE`; `ANTHROPIC_BASE_URL` when the provider is set to
/// `anthropic`, none for `gemini`), `OPENAI_API_KEY` / `ANTHROPIC_API_KEY` / `GEMINI_API_KEY`, else `GOOGLE_API_KEY`
/// (by provider), `SSECHAT_MODEL`, `SSECHAT_PROFILE`.
///
/// One exception, so that a key is never sent to a server it does not belong to: a selected profile that names its
/// own key (`api_key_env`, `api_key_cmd` or `api_key`) comes before the provider's key variables. An
/// `api_key_env` naming an unset variable counts as not set. `headers` and request-body parameters merge by name,
/// the higher layer's value replacing the lower's.
package struct SettingsResolver: Sendable {
    /// The defaults and inferences that are ssechat's own.
    package struct BuiltIns: Sendable {
        /// The provider for a URL when no layer names one.
        package var inferProvider: @Sendable (String) -> ChatProviderKind
        /// The model for a provider when no layer names one.
        package var defaultModel: @Sendable (ChatProviderKind) -> String?

        /// Creates the built-ins.
        package init(
            inferProvider: @escaping @Sendable (String) -> ChatProviderKind,
            defaultModel: @escaping @Sendable (ChatProviderKind) -> String?
        ) {
            self.inferProvider = inferProvider
            self.defaultModel = defaultModel
        }
    }

    /// The built-in defaults of the output and network settings.
    package static let defaultColor = "auto"
    package static let defaultMarkdown = "auto"
    package static let defaultTimeout = 120.0
    package static let defaultMaxReconnects = 5

    /// What the flags set (sources `.flag`).
    package var flags: SettingsLayer
    /// `-p/--profile`.
    package var profileFlag: String?
    /// What the continued conversation set, when one is continued.
    package var continuedConversation: SettingsLayer?
    /// The process's environment.
    package var environment: [String: String]
    /// The config file looked for, and where its path came from.
    package var configPath: Sourced<String>
    /// The config file, `nil` when there is none.
    package var config: ConfigFile?
    /// ssechat's own defaults.
    package var builtIns: BuiltIns

    /// Creates a resolver.
    package init(
        flags: SettingsLayer,
        profileFlag: String?,
        continuedConversation: SettingsLayer? = nil,
        environment: [String: String],
        configPath: Sourced<String>,
        config: ConfigFile?,
        builtIns: BuiltIns
    ) {
        self.flags = flags
        self.profileFlag = profileFlag
        self.continuedConversation = continuedConversation
        self.environment = environment
        self.configPath = configPath
        self.config = config
        self.builtIns = builtIns
    }

    /// Resolves every setting.
    /// - Returns: The settings and their sources.
    /// - Throws: `SettingsError` (`.unknownProfile`) when `-p` or `SSECHAT_PROFILE` names no profile.
    package func resolve() throws(SettingsError) -> ResolvedSettings {
        let profile = try selectedProfile()
        let profileLayer = profile.flatMap { config?.profiles[$0.value] }
        let fileLayers = [profileLayer, config?.defaults].compactMap { $0 }
        let aboveEnvironment = [flags, continuedConversation].compactMap { $0 }

        let explicitProvider = first(aboveEnvironment + fileLayers, \.provider)
        var environmentLayer = SettingsLayer()
        environmentLayer.url = baseURLVariable(provider: explicitProvider?.value)
        environmentLayer.model = variable("SSECHAT_MODEL")
        let layers = aboveEnvironment + [environmentLayer] + fileLayers

        let url = first(layers, \.url)
        let provider =
            explicitProvider ?? url.map { Sourced(builtIns.inferProvider($0.value), from: .builtIn) }
            ?? providerByKey() ?? Sourced(.openai, from: .builtIn)
        let model = first(layers, \.model) ?? builtIns.defaultModel(provider.value).map { Sourced($0, from: .builtIn) }
        return ResolvedSettings(
            configPath: configPath,
            configExists: config != nil,
            profile: profile,
            provider: provider,
            url: url,
            model: model,
            system: first(layers, \.system),
            apiKey: apiKey(provider: provider.value, profile: profileLayer),
            headers: merged(layers.map(\.headers)) { $0.name.lowercased() },
            maxTokens: first(layers, \.maxTokens),
            bodyParameters: merged(layers.map(\.bodyParameters)) { $0.key },
            markdown: first(layers, \.markdown) ?? Sourced(Self.defaultMarkdown, from: .builtIn),
            color: first(layers, \.color) ?? Sourced(Self.defaultColor, from: .builtIn),
            pace: first(layers, \.pace),
            stats: first(layers, \.stats) ?? Sourced(false, from: .builtIn),
            timeout: first(layers, \.timeout) ?? Sourced(Self.defaultTimeout, from: .builtIn),
            maxReconnects: first(layers, \.maxReconnects) ?? Sourced(Self.defaultMaxReconnects, from: .builtIn),
            background: first(layers, \.background) ?? Sourced(false, from: .builtIn),
            preconnect: first(layers, \.preconnect) ?? Sourced(true, from: .builtIn)
        )
    }

    // MARK: - Profile

    private func selectedProfile() throws(SettingsError) -> Sourced<String>? {
        let chosen: Sourced<String>? =
            if let profileFlag { Sourced(profileFlag, from: .flag) } else { variable("SSECHAT_PROFILE") }
        guard let chosen else { return config?.defaultProfile }
        guard let config else {
            throw SettingsError(
                .unknownProfile,
                "unknown profile '\(chosen.value)' (from \(chosen.source)): there is no config file at \(configPath.value)"
            )
        }
        guard config.profiles[chosen.value] == nil else { return chosen }
        let known =
            config.profileNames.isEmpty
            ? "\(config.path) has no profiles" : "known profiles: " + config.profileNames.joined(separator: ", ")
        throw SettingsError(.unknownProfile, "unknown profile '\(chosen.value)' (from \(chosen.source)); \(known)")
    }

    // MARK: - Environment

    private func variable(_ name: String) -> Sourced<String>? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return Sourced(value, from: .environment(name))
    }

    private func baseURLVariable(provider: ChatProviderKind?) -> Sourced<String>? {
        switch provider {
        case .anthropic: variable("ANTHROPIC_BASE_URL")
        case .gemini: nil
        default: variable("OPENAI_BASE_URL") ?? variable("OPENAI_API_BASE")
        }
    }

    /// When nothing else decided: `anthropic` when `ANTHROPIC_API_KEY` is set and `OPENAI_API_KEY` is not, `gemini`
    /// when `GEMINI_API_KEY` is the only one of the three set.
    private func providerByKey() -> Sourced<ChatProviderKind>? {
        guard variable("OPENAI_API_KEY") == nil else { return nil }
        if variable("ANTHROPIC_API_KEY") != nil { return Sourced(.anthropic, from: .environment("ANTHROPIC_API_KEY")) }
        if variable("GEMINI_API_KEY") != nil { return Sourced(.gemini, from: .environment("GEMINI_API_KEY")) }
        return nil
    }

    /// The variables that hold a provider's key, the first set one winning.
    private static func keyVariables(for provider: ChatProviderKind) -> [String] {
        switch provider {
        case .anthropic: ["ANTHROPIC_API_KEY"]
        case .gemini: ["GEMINI_API_KEY", "GOOGLE_API_KEY"]
        case .openai, .responses, .sse: ["OPENAI_API_KEY"]
        }
    }

    // MARK: - Key

    private func apiKey(provider: ChatProviderKind, profile: SettingsLayer?) -> Sourced<KeySource>? {
        let fromEnvironment = Self.keyVariables(for: provider).lazy.compactMap(variable).first
        let candidates: [Sourced<KeySource>?] = [
            flags.apiKey, continuedConversation?.apiKey, profile?.apiKey,
            fromEnvironment.map { $0.map(KeySource.value) }, config?.defaults.apiKey,
        ]
        for candidate in candidates {
            guard let candidate else { continue }
            if case .variable(let name) = candidate.value {
                guard let value = variable(name) else { continue }
                return value.map(KeySource.value)
            }
            return candidate
        }
        return nil
    }

    // MARK: - Layers

    private func first<Value>(_ layers: [SettingsLayer], _ key: KeyPath<SettingsLayer, Sourced<Value>?>)
        -> Sourced<Value>?
    {
        for layer in layers {
            if let value = layer[keyPath: key] { return value }
        }
        return nil
    }

    /// The lowest layer's entries first; an entry of a higher layer replaces the one of the same name in place, or
    /// is appended.
    private func merged<Value>(_ highestFirst: [[Sourced<Value>]], name: (Value) -> String) -> [Sourced<Value>] {
        var result: [Sourced<Value>] = []
        var index: [String: Int] = [:]
        for layer in highestFirst.reversed() {
            for entry in layer {
                let key = name(entry.value)
                if let position = index[key] {
                    result[position] = entry
                } else {
                    index[key] = result.count
                    result.append(entry)
                }
            }
        }
        return result
    }
}
