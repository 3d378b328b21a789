/// Somewhere rendered bytes go: a terminal, a pipe, or a recording in tests.
///
/// Writes may be buffered; `flush()` pushes them out. Renderers call `flush()` after each delta so text appears
/// as it streams.
package protocol TerminalSink: Sendable {
    /// Queues bytes for output.
    /// - Parameter bytes: The bytes, written as they are.
    func write(_ bytes: some Collection<UInt8>)

    /// Writes out everything queued so far.
    func flush()
}

extension TerminalSink {
    /// Queues a string's UTF-8 bytes for output.
    /// - Parameter text: The text, written as it is (sanitise untrusted text first).
    package func write(_ text: String) {
        write(text.utf8)
    }
}
