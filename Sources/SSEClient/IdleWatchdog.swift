import Synchronization

/// Fires once when no activity has been recorded for `timeout`, measured on an injected clock.
///
/// `touch()` is called for every chunk (cheap: one clock read under a lock). The watchdog sleeps until the last
/// activity plus the timeout, re-checks, and sleeps again when activity moved the deadline.
final class IdleWatchdog<C: Clock<Duration>>: Sendable {
    private let clock: C
    private let timeout: Duration
    private let lastActivity: Mutex<C.Instant>

    init(clock: C, timeout: Duration) {
        self.clock = clock
        self.timeout = timeout
        self.lastActivity = Mutex(clock.now)
    }

    /// Records activity now.
    func touch() {
        let now = clock.now
        lastActivity.withLock { $0 = now }
    }

    /// Waits until the connection has been idle for the timeout; returns early only when cancelled.
    func waitForIdle() async throws {
        while true {
            let deadline = lastActivity.withLock { $0 }.advanced(by: timeout)
            if clock.now >= deadline { return }
            try await clock.sleep(until: deadline, tolerance: nil)
        }
    }
}

/// Type-erased handle so the non-generic connection code can touch a watchdog of any clock.
struct IdleWatch: Sendable {
    let touch: @Sendable () -> Void
    let task: Task<Void, Never>

    /// Starts watching; `onIdle` runs once if the connection goes idle before `cancel()`.
    static func start<C: Clock<Duration>>(
        clock: C,
        timeout: Duration,
        onIdle: @escaping @Sendable () -> Void
    ) -> IdleWatch {
        let watchdog = IdleWatchdog(clock: clock, timeout: timeout)
        let task = Task {
            do {
                try await watchdog.waitForIdle()
                onIdle()
            } catch {}
        }
        return IdleWatch(touch: { watchdog.touch() }, task: task)
    }

    func cancel() {
        task.cancel()
    }
}

extension Clock where Duration == Swift.Duration {
    /// Starts an idle watch on this clock (a member, so an `any Clock<Duration>` opens to its concrete type).
    func startIdleWatch(timeout: Duration, onIdle: @escaping @Sendable () -> Void) -> IdleWatch {
        IdleWatch.start(clock: self, timeout: timeout, onIdle: onIdle)
    }
}
