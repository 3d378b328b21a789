/// Where a setting's value came from, as `ssechat config show` names it.
package enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    /// A command-line flag.
    case flag
    /// The conversation being continued (`-c`, `--conversation`).
    case continuedConversation
    /// An environment variable, by name.
    case environment(String)
    /// A line of the config file.
    case file(path: String, line: Int)
    /// The output of the config file's `api_key_cmd` (named at that line).
    case keyCommand(path: String, line: Int)
    /// ssechat's own default (or a value inferred from other settings).
    case builtIn

    /// `flag`, `the continued conversation`, the variable's name, `FILE:LINE`, `api_key_cmd` or `built-in default`.
    package var description: String {
        switch self {
        case .flag: "flag"
        case .continuedConversation: "the continued conversation"
        case .environment(let name): name
        case .file(let path, let line): "\(path):\(line)"
        case .keyCommand: "api_key_cmd"
        case .builtIn: "built-in default"
        }
    }
}

/// A value and where it came from.
package struct Sourced<Value: Sendable>: Sendable {
    /// The value.
    package var value: Value
    /// Its source.
    package var source: SettingSource

    /// Creates a sourced value.
    /// - Parameters:
    ///   - value: The value.
    ///   - source: Where it came from.
    package init(_ value: Value, from source: SettingSource) {
        self.value = value
        self.source = source
    }

    /// The same source with another value.
    /// - Parameter transform: Makes the new value.
    /// - Returns: The new sourced value.
    package func map<Other>(_ transform: (Value) throws -> Other) rethrows -> Sourced<Other> {
        Sourced<Other>(try transform(value), from: source)
    }
}

extension Sourced: Equatable where Value: Equatable {}
