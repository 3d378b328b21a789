/// How a reply is fetched: timeouts, resumption and retries (decided by `ReplyStateMachine`).
package struct ChatReplyOptions: Sendable {
    /// A reply silent for this long counts as dropped (`nil`: never).
    package var idleTimeout: Duration? = .seconds(120)
    /// How many drops in a row, without a new event in between, are resumed with `Last-Event-ID` (only when the
    /// server gave event ids). A resumption that brings events starts the count again.
    package var maxResumes = 5
    /// How many times a request that failed before any token is sent again.
    package var maxRetriesBeforeFirstToken = 2
    /// The first wait before such a retry; it doubles (with jitter, see `Backoff`) each time unless the server sent
    /// `Retry-After`.
    package var retryDelay: Duration = .seconds(1)
    /// The longest `Retry-After` honoured; a longer one fails at once.
    package var maxRetryAfter: Duration = .seconds(60)
    /// The reconnection time used when resuming, until the server's `retry:` replaces it.
    package var resumeDelay: Duration = .milliseconds(250)
    /// The longest wait between resumptions once backoff has grown.
    package var maxReconnectionDelay: Duration = .seconds(30)
    /// The random number in [0, 1) that spreads backoff waits (tests fix it).
    package var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// The longest `data`, `event`, `id` or `retry` line a reply's stream may send (`--max-line-bytes`), applied
    /// with `EventSourceConfiguration.limitLines(to:)`; `nil` keeps the `EventSource` default (128 MiB).
    package var maxLineLength: Int?
    /// Whether each connection is opened ahead with an `OPTIONS` request (`EventSourceConfiguration.preconnects`).
    package var preconnects = true

    /// The defaults.
    package init() {}
}
