import ChatWire

/// A parsed and checked config file: `default_profile`, `[defaults]` and `[profiles.NAME]` tables.
///
/// ```toml
/// default_profile = "work"
///
/// [defaults]
/// stats = true
///
/// [profiles.work]
/// url = "https://api.openai.com/v1"
/// model = "gpt-4o"
/// api_key_env = "WORK_OPENAI_KEY"
/// temperature = 0.2
/// headers = { "OpenAI-Organization" = "org-123" }
/// ```
/// Every value keeps the line it is on (`SettingSource.file`). See `ConfigSchema` for the keys a table may hold.
package struct ConfigFile: Sendable, Equatable {
    /// The file's path, as messages and `config show` name it.
    package var path: String
    /// The profile used when neither `-p` nor `SSECHAT_PROFILE` names one.
    package var defaultProfile: Sourced<String>?
    /// `[defaults]`: below every profile.
    package var defaults: SettingsLayer
    /// `[profiles.NAME]`, by name.
    package var profiles: [String: SettingsLayer]

    /// Creates a file's contents directly (tests; `parse` for text).
    package init(
        path: String,
        defaultProfile: Sourced<String>? = nil,
        defaults: SettingsLayer = SettingsLayer(),
        profiles: [String: SettingsLayer] = [:]
    ) {
        self.path = path
        self.defaultProfile = defaultProfile
        self.defaults = defaults
        self.profiles = profiles
    }

    /// The profiles' names, sorted.
    package var profileNames: [String] { profiles.keys.sorted() }

    /// The line of the first secret written in the file — a plain `api_key`, or a header such as `Authorization` —
    /// if it holds one (then the file must be private to its owner).
    package var plainKeyLine: Int? {
        let layers = [defaults] + profileNames.compactMap { profiles[$0] }
        var sources = layers.compactMap { layer -> SettingSource? in
            guard let key = layer.apiKey, case .value = key.value else { return nil }
            return key.source
        }
        sources += layers.flatMap { $0.headers.filter(\.value.isSecret).map(\.source) }
        return sources.compactMap { source -> Int? in
            guard case .file(_, let line) = source else { return nil }
            return line
        }
        .min()
    }

    /// Parses and checks a config file's text.
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - path: The file's path (for messages, sources, and to resolve a relative `system_file`).
    ///   - home: The home folder, for a `system_file` that starts with `~/`.
    /// - Returns: The file's settings.
    /// - Throws: `SettingsError` for a syntax error, an unknown key, a wrong type or a value out of range, naming
    ///   the file, the line and the key.
    package static func parse(_ text: String, path: String, home: String?) throws(SettingsError) -> ConfigFile {
        let members = try ConfigDocument.parse(text, path: path)
        let schema = ConfigSchema(path: path, locator: TOMLKeyLocator(text: text), home: home)
        return try schema.file(from: members)
    }
}
