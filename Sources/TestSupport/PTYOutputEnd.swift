import Foundation

extension PseudoTerminal {
    /// Waits until the terminal's output has ended (every process holding the terminal exited and everything it
    /// wrote was read), so ``output`` is complete. Call it after ``waitForExit(timeout:)``: the exit can be seen
    /// before the last bytes are read.
    /// - Parameter timeout: How long to wait.
    /// - Returns: Whether the output ended in time (`false`: some process still holds the terminal open).
    @discardableResult
    package func waitForEndOfOutput(timeout: Duration = .seconds(10)) async -> Bool {
        // A needle that never appears: the wait ends only with the output.
        let needle = "\u{0}end-of-output-" + UUID().uuidString
        do {
            try await waitForOutput(containing: needle, after: outputMark, timeout: timeout)
            return false
        } catch PseudoTerminalError.outputEnded {
            return true
        } catch {
            return false
        }
    }
}
