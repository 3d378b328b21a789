/// The wait before a reconnection attempt, as a pure function.
///
/// After a connection that delivered events the wait is exactly the reconnection time (the server's `retry:`).
/// Each further attempt in a row that fails doubles it, up to `cap`, and "equal jitter" spreads clients out:
/// `wait = max(base, min(cap, base · 2ⁿ) · (0.5 + 0.5 · r))` with `n` consecutive failures and `r` in [0, 1).
///
/// | failures in a row | base 3 s, cap 30 s |
/// |-------------------|--------------------|
/// | 0                 | 3 s                |
/// | 1                 | 3–6 s              |
/// | 2                 | 6–12 s             |
/// | 3                 | 12–24 s            |
/// | 4 and more        | 15–30 s            |
package enum Backoff {
    /// The wait before the next attempt.
    /// - Parameters:
    ///   - consecutiveFailures: Attempts in a row that failed; 0 right after a good connection.
    ///   - base: The reconnection time.
    ///   - cap: The longest wait.
    ///   - jitter: A random number in [0, 1).
    /// - Returns: How long to wait.
    package static func delay(
        consecutiveFailures: Int,
        base: Duration,
        cap: Duration,
        jitter: Double
    ) -> Duration {
        guard consecutiveFailures > 0 else { return base }
        let exponent = min(consecutiveFailures, 30)
        let grown = base * (1 << exponent)
        let ceiling = max(base, min(cap, grown))
        let spread = ceiling * (0.5 + 0.5 * min(max(jitter, 0), 1))
        return max(base, spread)
    }
}
