#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps what the user types while a reply streams from being echoed into the reply.
///
/// Between prompts the terminal is in its normal (cooked) mode, so keys typed during a reply are echoed among the
/// model's text, and Ctrl-C shows as `^C`. `QuietInput` turns off `ECHO` and `ECHOCTL` on stdin for the duration of a
/// reply and puts the exact earlier settings back afterwards. The keys themselves are kept (the change is made with
/// `TCSANOW`, which discards nothing): they appear, editable, at the next prompt. Signals (`ISIG`) are untouched, so
/// Ctrl-C still interrupts the reply.
package enum QuietInput {
    /// Runs `body` with echo off on stdin when stdin is a terminal; otherwise just runs it.
    /// - Parameter body: The streaming work.
    /// - Returns: What `body` returns.
    package static func whileStreaming<T>(_ body: () async -> T) async -> T {
        var original = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &original) == 0 else { return await body() }
        var quiet = original
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHOCTL | ECHOE | ECHOK | ECHONL)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        let result = await body()
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
        return result
    }
}
