import Foundation

/// Runs blocking work (`el_gets`, `read(2)`) on a thread of its own, never on the cooperative pool.
enum DedicatedThread {
    /// Runs `work` on a new thread and suspends the caller until it finishes.
    /// - Parameters:
    ///   - name: The thread's name, as shown by debuggers.
    ///   - work: The blocking work.
    /// - Returns: What `work` returned.
    static func run<Result: Sendable>(name: String, _ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.name = name
            thread.start()
        }
    }
}
