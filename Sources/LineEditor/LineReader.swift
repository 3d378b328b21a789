/// Something that reads the user's input one line at a time: ``LibEditLineReader`` on a terminal,
/// ``PlainLineReader`` on a pipe or file, a scripted fake in tests.
package protocol LineReader: Sendable {
    /// Reads one line (without its newline). Blocking work happens off the cooperative thread pool.
    /// - Parameter prompt: The prompt to show; ignored by readers that do not echo.
    /// - Returns: The line, `.interrupted` (Ctrl-C) or `.endOfInput` (Ctrl-D on an empty line, end of file).
    func readLine(prompt: String) async -> LineReadResult

    /// Adds an entry to history (and persists it) unless it starts with a space or is empty/duplicate of the last.
    /// - Parameter line: The line as the user submitted it.
    func addHistory(_ line: String)
}
