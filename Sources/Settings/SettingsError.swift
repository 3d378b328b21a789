/// Why the settings cannot be used: a broken config file, an unknown profile, a key that may not be read.
///
/// Every message is one line, names the file and line where there is one, and never holds a key's value.
package struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of problem.
    package enum Code: Sendable, Equatable {
        /// The file is not valid TOML.
        case syntax
        /// A key the schema does not know.
        case unknownKey
        /// A key whose value has the wrong TOML type.
        case wrongType
        /// A value of the right type that is not allowed (an unknown provider, a negative timeout…).
        case invalidValue
        /// `-p`, `SSECHAT_PROFILE` or `default_profile` names no profile of the file.
        case unknownProfile
        /// The file holds a plain `api_key` but others may read it.
        case openPermissions
        /// A file (the config named by `--config`, a `system_file`) cannot be read.
        case unreadable
        /// `api_key_cmd` failed, timed out or printed nothing.
        case keyCommand
    }

    /// The class of problem.
    package var code: Code
    /// The one line to show (without the program's name).
    package var description: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The class of problem.
    ///   - description: The one line to show.
    package init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    static func syntax(path: String, line: Int, column: Int, message: String) -> SettingsError {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        return SettingsError(.syntax, "\(path):\(line):\(column): syntax error: \(firstLine)")
    }

    static func unknownKey(path: String, line: Int, key: [String]) -> SettingsError {
        SettingsError(.unknownKey, "\(path):\(line): unknown key '\(key.joined(separator: "."))'")
    }

    static func wrongType(path: String, line: Int, key: [String], expected: String, found: ConfigValue)
        -> SettingsError
    {
        SettingsError(
            .wrongType,
            "\(path):\(line): '\(key.joined(separator: "."))' must be \(expected), not \(found.typeName)"
        )
    }

    static func invalidValue(path: String, line: Int, key: [String], problem: String) -> SettingsError {
        SettingsError(.invalidValue, "\(path):\(line): '\(key.joined(separator: "."))' \(problem)")
    }
}
