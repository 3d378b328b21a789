import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the line-discipline settings of the terminal a process has as its standard input, so a test can tell
/// whether a line editor is reading right now (raw mode: `ICANON` off) or the terminal is in its normal mode.
///
/// libedit prints its prompt *before* it switches the terminal to raw mode, so a key sent the moment the prompt
/// appears may still meet the normal mode: Ctrl-C raises SIGINT instead of reaching the editor, and Ctrl-D is lost.
/// Waiting for ``waitForRawMode(processID:timeout:)`` after the prompt closes that window.
///
/// Linux only: the terminal is found through `/proc/<pid>/fd/0`, opened (without becoming a controlling
/// terminal) and closed again on each look, so the test never keeps the terminal open after the program ends.
package enum PTYTerminalMode {
    /// The settings of the terminal on `processID`'s standard input, or `nil` when they cannot be read.
    /// - Parameter processID: A process whose standard input is the terminal.
    /// - Returns: The terminal's settings.
    package static func settings(processID: pid_t) -> termios? {
        let descriptor = open("/proc/\(processID)/fd/0", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return nil }
        return settings
    }

    /// Whether the terminal is in canonical (line-by-line, cooked) mode; `nil` when it cannot be read.
    /// - Parameter processID: A process whose standard input is the terminal.
    /// - Returns: `true` in the normal mode, `false` in raw mode.
    package static func isCanonical(processID: pid_t) -> Bool? {
        settings(processID: processID).map { $0.c_lflag & tcflag_t(ICANON) != 0 }
    }

    /// Whether the terminal is in its normal (canonical) mode with echo off, as while a reply streams in the REPL
    /// (keys typed then are kept for the next prompt, not echoed); `nil` when it cannot be read.
    /// - Parameter processID: A process whose standard input is the terminal.
    /// - Returns: `true` in canonical mode without `ECHO`.
    package static func isQuiet(processID: pid_t) -> Bool? {
        settings(processID: processID).map {
            $0.c_lflag & tcflag_t(ICANON) != 0 && $0.c_lflag & tcflag_t(ECHO) == 0
        }
    }

    /// Waits until the terminal is in canonical mode with echo off (see ``isQuiet(processID:)``).
    /// - Parameters:
    ///   - processID: A process whose standard input is the terminal.
    ///   - timeout: How long to wait.
    /// - Throws: `WaitTimeout` when it does not get there in time.
    package static func waitForQuietMode(processID: pid_t, timeout: Duration = .seconds(10)) async throws {
        try await waitUntil(timeout: timeout) { isQuiet(processID: processID) == true }
    }

    /// Waits until the terminal is in raw mode (a line editor is reading keys).
    /// - Parameters:
    ///   - processID: A process whose standard input is the terminal.
    ///   - timeout: How long to wait.
    /// - Throws: `WaitTimeout` when the terminal stays in canonical mode.
    package static func waitForRawMode(processID: pid_t, timeout: Duration = .seconds(10)) async throws {
        try await waitUntil(timeout: timeout) { isCanonical(processID: processID) == false }
    }
}
