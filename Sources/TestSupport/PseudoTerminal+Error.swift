#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a ``PseudoTerminal`` operation failed. Descriptions carry the terminal's output (escapes stripped), so a
/// failing test shows what the program printed.
package enum PseudoTerminalError: Error, CustomStringConvertible {
    /// `forkpty` or `execve` setup failed with this `errno`.
    case spawnFailed(Int32)
    /// The awaited text did not appear in time.
    case timedOut(waitingFor: String, output: String)
    /// The terminal closed (the program exited) without printing the awaited text.
    case outputEnded(waitingFor: String, output: String)
    /// The program was still running when the wait for its exit ran out.
    case didNotExit(output: String)

    package var description: String {
        switch self {
        case .spawnFailed(let code):
            return "cannot start the program on a pseudo-terminal: \(String(cString: strerror(code)))"
        case .timedOut(let text, let output):
            return "timed out waiting for \(String(reflecting: text)); output so far:\n"
                + PseudoTerminal.strippingEscapes(output)
        case .outputEnded(let text, let output):
            return "the terminal closed before \(String(reflecting: text)) appeared; output:\n"
                + PseudoTerminal.strippingEscapes(output)
        case .didNotExit(let output):
            return "the program did not exit in time; output so far:\n" + PseudoTerminal.strippingEscapes(output)
        }
    }
}
