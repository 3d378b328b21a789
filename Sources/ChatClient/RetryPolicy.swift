import SSEClient

/// Decides, without I/O, whether a failed request is sent again before any token was shown.
///
/// Only failures that may pass are retried: network errors, 429, 500, 502, 503 and 504. A `Retry-After` header
/// (seconds, or an HTTP date is treated as "not soon") sets the wait; otherwise it doubles from `retryDelay`.
package struct RetryPolicy: Sendable {
    private let options: ChatReplyOptions
    /// Retries made so far.
    package private(set) var retries = 0

    /// Creates the policy.
    package init(options: ChatReplyOptions) {
        self.options = options
    }

    /// The wait before the next attempt, or `nil` to give up.
    /// - Parameter error: Why the attempt failed.
    /// - Returns: The delay, or `nil`.
    package mutating func delay(after error: EventSourceError) -> Duration? {
        guard retries < options.maxRetriesBeforeFirstToken, Self.isRetryable(error) else { return nil }
        let wait: Duration
        if let header = error.retryAfter {
            guard let seconds = Int(header.trimmingCharacters(in: " ")), seconds >= 0 else { return nil }
            wait = .seconds(seconds)
            guard wait <= options.maxRetryAfter else { return nil }
        } else {
            wait = options.retryDelay * (1 << retries)
        }
        retries += 1
        return wait
    }

    /// Whether a failure may pass on its own.
    package static func isRetryable(_ error: EventSourceError) -> Bool {
        switch error.code {
        case .network, .idleTimeout: true
        case .badStatus(let status): [429, 500, 502, 503, 504].contains(status)
        default: false
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
