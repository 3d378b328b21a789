import Synchronization

/// Tells a signal handler whether a turn (request, reply and keeping it in the log) is under way, and lets it ask
/// the loop to stop once that turn is over instead of leaving at once.
///
/// The REPL's SIGTERM handler uses it: at the prompt it leaves straight away; during a turn it cancels the reply
/// and the loop leaves with 143 after the partial reply is kept.
final class TurnLatch: Sendable {
    private struct State {
        var busy = false
        var stopRequested = false
    }

    private let state = Mutex(State())

    /// Runs a turn, marked busy from start to end.
    func during<T>(_ turn: () async -> T) async -> T {
        state.withLock { $0.busy = true }
        let result = await turn()
        state.withLock { $0.busy = false }
        return result
    }

    /// Asks the loop to stop after the turn under way.
    /// - Returns: `false` when no turn is under way (the caller should leave itself).
    func requestStop() -> Bool {
        state.withLock { state in
            guard state.busy else { return false }
            state.stopRequested = true
            return true
        }
    }

    /// Whether a stop was asked for.
    var stopRequested: Bool { state.withLock { $0.stopRequested } }
}
