import Synchronization

/// Holds a stream's first request until the caller says it may go, while the connection is set up meanwhile.
///
/// The chat keeps the user's message in its log before the request goes out; with a gate it does that while
/// URLSession sets itself up (about 2 ms for the first session in a process on Linux) instead of before it.
/// `open()` is idempotent; waiting on an open gate returns at once.
package final class RequestGate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Creates a closed gate.
    package init() {}

    /// Lets the request go, and every later one.
    package func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until the gate is open.
    package func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.isOpen { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
