/// The reconnection policy of an `EventSource`, with no I/O: connection outcomes in, actions out.
///
/// Per WHATWG HTML §9.2: a network error or the end of the response reconnects after the reconnection time;
/// HTTP 204 stops; any other status or a wrong content type fails. On top of the standard: failures in a row back
/// off (`Backoff`), an optional cap on reconnections and on failures in a row ends the stream, and a first
/// connection that cannot reach its host fails at once rather than retrying an address that was probably mistyped.
package struct ReconnectStateMachine: Sendable {
    /// What the client should do next.
    package enum Action: Sendable, Equatable {
        /// Wait, then connect again.
        case reconnect(after: Duration)
        /// Stop quietly.
        case finish
        /// Stop with this error.
        case fail(EventSourceError)
    }

    /// The current reconnection time.
    package private(set) var reconnectionTime: Duration
    /// Reconnections made so far.
    package private(set) var reconnects = 0
    /// Attempts in a row that connected to nothing or delivered no event.
    package private(set) var consecutiveFailures = 0
    /// Whether any connection has opened so far.
    package private(set) var hasEverConnected = false

    private let maxReconnects: Int?
    private let maxConsecutiveFailures: Int?
    private let maxDelay: Duration
    private var currentConnectionDeliveredEvents = false

    /// Creates the policy.
    /// - Parameters:
    ///   - reconnectionTime: The initial reconnection time.
    ///   - maxDelay: The longest backoff wait.
    ///   - maxReconnects: Reconnections allowed; `nil` for no limit.
    ///   - maxConsecutiveFailures: Failed attempts in a row allowed; `nil` for no limit.
    package init(reconnectionTime: Duration, maxDelay: Duration, maxReconnects: Int?, maxConsecutiveFailures: Int?) {
        self.reconnectionTime = reconnectionTime
        self.maxDelay = maxDelay
        self.maxReconnects = maxReconnects
        self.maxConsecutiveFailures = maxConsecutiveFailures
    }

    /// The server's `retry:` field set a new reconnection time.
    package mutating func retryReceived(milliseconds: Int) {
        reconnectionTime = .milliseconds(milliseconds)
    }

    /// A connection opened with HTTP 200 and an event stream.
    package mutating func opened() {
        hasEverConnected = true
        currentConnectionDeliveredEvents = false
    }

    /// The open connection dispatched an event: the next drop starts backoff from scratch.
    package mutating func eventDelivered() {
        if !currentConnectionDeliveredEvents {
            currentConnectionDeliveredEvents = true
            consecutiveFailures = 0
        }
    }

    /// The server answered with something other than a stream (204, another status, a wrong content type).
    /// - Parameter error: The failure, or `nil` for HTTP 204.
    /// - Returns: `.finish` for 204, else `.fail`.
    package mutating func rejected(_ error: EventSourceError?) -> Action {
        guard let error else { return .finish }
        return .fail(error)
    }

    /// The connection ended, or could not be made.
    /// - Parameters:
    ///   - error: `nil` when the server ended the response normally.
    ///   - fatal: The error cannot be cured by reconnecting (TLS, an oversized stream, …).
    ///   - jitter: A random number in [0, 1) for the backoff.
    /// - Returns: What to do next.
    package mutating func ended(error: EventSourceError?, fatal: Bool = false, jitter: Double) -> Action {
        let delivered = currentConnectionDeliveredEvents
        currentConnectionDeliveredEvents = false
        if let error {
            if fatal { return .fail(error) }
            if !hasEverConnected, error.code == .hostUnreachable { return .fail(error) }
        }
        if !delivered { consecutiveFailures += 1 }
        if let maxReconnects, reconnects >= maxReconnects {
            return error.map(Action.fail) ?? .finish
        }
        if let maxConsecutiveFailures, consecutiveFailures > maxConsecutiveFailures {
            return error.map(Action.fail) ?? .finish
        }
        reconnects += 1
        // The first failure after a good connection waits the plain reconnection time.
        let failuresForBackoff = delivered ? 0 : max(0, consecutiveFailures - 1)
        let wait = Backoff.delay(
            consecutiveFailures: failuresForBackoff,
            base: reconnectionTime,
            cap: max(maxDelay, reconnectionTime),
            jitter: jitter
        )
        return .reconnect(after: wait)
    }
}
