#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// When to use colour and other SGR styles (`--color auto|always|never`).
///
/// ```
///  always                         colour, whatever NO_COLOR says (a flag beats the environment)
///  never                          no colour
///  auto    NO_COLOR set, non-empty  no colour
///          TERM=dumb                no colour
///          output is a TTY          colour
///          otherwise                no colour
/// ```
package enum ColorMode: String, CaseIterable, Sendable {
    /// Colour when the output is a terminal and the environment does not forbid it.
    case auto
    /// Always colour.
    case always
    /// Never colour.
    case never

    /// Decides whether to use colour (pure).
    /// - Parameters:
    ///   - isTerminal: Whether the output is a TTY.
    ///   - noColor: The value of `NO_COLOR`, or `nil` when unset.
    ///   - term: The value of `TERM`, or `nil` when unset.
    /// - Returns: `true` when styles should be written.
    package func isEnabled(isTerminal: Bool, noColor: String?, term: String? = nil) -> Bool {
        switch self {
        case .always:
            return true
        case .never:
            return false
        case .auto:
            if let noColor, !noColor.isEmpty {
                return false
            }
            if term == "dumb" {
                return false
            }
            return isTerminal
        }
    }

    /// Decides whether to use colour for a file descriptor, reading `isatty`, `NO_COLOR` and `TERM`.
    /// - Parameter fileDescriptor: The descriptor the styled text goes to (1 for stdout).
    /// - Returns: `true` when styles should be written.
    package func isEnabled(forFileDescriptor fileDescriptor: Int32) -> Bool {
        isEnabled(
            isTerminal: isatty(fileDescriptor) == 1,
            noColor: Self.environment("NO_COLOR"),
            term: Self.environment("TERM")
        )
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
