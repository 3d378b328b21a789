import Foundation
import Synchronization

/// A one-shot signal usable from threads (blocking `wait`) and tasks (`waitAsync`).
package final class Gate: Sendable {
    private let condition = NSCondition()
    private let isOpen = Mutex(false)

    package init() {}

    /// Opens the gate; every waiter proceeds. Idempotent.
    package func open() {
        condition.lock()
        isOpen.withLock { $0 = true }
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks the calling thread until the gate opens (at most `timeout`).
    package func wait(timeout: TimeInterval = 30) {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        while !isOpen.withLock({ $0 }) {
            if !condition.wait(until: deadline) { break }
        }
        condition.unlock()
    }

    /// Suspends until the gate opens (polling lightly; for tests).
    package func waitAsync(timeout: Duration = .seconds(30)) async {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !isOpen.withLock({ $0 }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}

/// A value set once from any thread.
package final class ClosedFlag: Sendable {
    private let stored = Mutex<Bool?>(nil)
    package init() {}
    package func set(_ value: Bool) { stored.withLock { $0 = value } }
    package var value: Bool? { stored.withLock { $0 } }
}

/// Polls `condition` until it holds.
/// - Throws: `WaitTimeout` when `timeout` passes first.
package func waitUntil(
    timeout: Duration = .seconds(10),
    _ condition: @Sendable () -> Bool
) async throws {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw WaitTimeout() }
        try await Task.sleep(for: .milliseconds(1))
    }
}

/// A condition did not hold in time.
package struct WaitTimeout: Error, CustomStringConvertible {
    package init() {}
    package var description: String { "condition not met in time" }
}
