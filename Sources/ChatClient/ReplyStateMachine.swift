import ChatWire
import SSE
import SSEClient

/// Every decision of one chat reply, with no I/O: the only place that decides to resume, retry or give up.
///
/// The shell (`ChatReplyStream`) makes one `EventSource` connection at a time, which never reconnects on its own,
/// feeds what happens to it in here, and carries out the actions that come back:
///
/// ```
///  inputs                               actions
///  opened()                          ─► (none)
///  eventReceived(at: resume point)   ─► (none; progress: the resume count starts again)
///  retryReceived(…)                  ─► (none; the server's `retry:` becomes the resume wait)
///  decoded(chat event)               ─► .emit(event), and after `.done`: .finish(.complete), or
///                                       .finish(.failed(server)) when the finish reason says the server stopped it;
///                                       .finish(.incomplete) after the format's `.incomplete`
///  closed(reason)                    ─► .resume(after: D, from: point)     a resumable point, a resumable drop,
///                                                                          limit not hit
///                                       .retry(after: D)                   nothing received yet, a failure that may pass
///                                       .finish(.incomplete | .stalled | .failed)   (a line over the limit,
///                                       TLS: failed even after events)
///  failed(error)                     ─► .finish(.failed(error))
/// ```
/// LLM requests are POSTs, and sending one again starts a new, separately billed generation (DESIGN.md). So a drop
/// mid-reply is resumed only from a resume point: the server gave event ids (the same request with `Last-Event-ID`),
/// or the format has its own cursor into a reply the server keeps (a background Responses reply, resumed with
/// `GET …/responses/{id}?starting_after=N`). The point is opaque here: the wire format builds the request. A request
/// is sent again from scratch only when no event at all has arrived, and only for failures that may pass (network
/// errors, idle timeouts, 429, 500, 502, 503, 504), honouring `Retry-After`. `ChatReplyOptions.maxResumes` counts
/// drops in a row without a new event, so a long reply over a flaky link still completes. Every wait comes from
/// `Backoff`: a resume after a connection that delivered events waits the reconnection time (the server's `retry:`),
/// further failures in a row double it with jitter; retries start at `retryDelay` and double the same way.
package struct ReplyStateMachine: Sendable {
    /// What the shell does next.
    package enum Action: Sendable, Equatable {
        /// Hand this event to the consumer.
        case emit(ChatEvent)
        /// Wait, then send the format's resume request from `point` (the reply continues).
        case resume(after: Duration, from: ChatResumePoint, reason: String)
        /// Wait, then send the request again from scratch (nothing was received).
        case retry(after: Duration, reason: String)
        /// The reply is over.
        case finish(ReplyEnd)
    }

    private let options: ChatReplyOptions
    private var reconnectionTime: Duration
    private var resumePoint = ChatResumePoint()
    private var sawEvent = false
    private var connectionDeliveredEvents = false
    private var resumesInARow = 0
    private var failuresInARow = 0
    private var retries = 0
    /// What the last finish reason means (`ChatFinishReason`): a reply the server stopped fails at its end marker.
    private var finishOutcome = ChatFinishReason.Outcome.complete
    /// Whether the reply has ended (`finish` was returned); later inputs are ignored.
    package private(set) var isFinished = false

    /// Creates the machine for one reply.
    /// - Parameter options: Limits and waits.
    package init(options: ChatReplyOptions) {
        self.options = options
        self.reconnectionTime = options.resumeDelay
    }

    /// A connection opened (HTTP 200, an event stream).
    package mutating func opened() {
        connectionDeliveredEvents = false
    }

    /// An SSE event arrived and was decoded.
    /// - Parameter point: Where the reply could be resumed from after this event (its last event ID and the
    ///   decoder's cursor).
    package mutating func eventReceived(at point: ChatResumePoint) {
        sawEvent = true
        resumePoint = point
        connectionDeliveredEvents = true
        resumesInARow = 0
        failuresInARow = 0
    }

    /// The server's `retry:` field set a new reconnection time.
    package mutating func retryReceived(_ time: Duration) {
        reconnectionTime = time
    }

    /// A chat event was decoded.
    /// - Parameters:
    ///   - event: The event.
    ///   - act: Called with each action, in order (`.emit`, then `.finish` after `.done` or `.incomplete`); called
    ///     per event rather than filling an array, so a fast reply's events are handed on without copies.
    package mutating func decoded(_ event: consuming ChatEvent, _ act: (consuming Action) -> Void) {
        guard !isFinished else { return }
        let end: Action?
        switch event {
        case .finishReason(let reason):
            finishOutcome = ChatFinishReason.outcome(of: reason)
            end = nil
        case .done:
            if case .stopped(let why) = finishOutcome {
                end = finish(.failed(ChatClientError(.server, "the server stopped the reply: \(why)")))
            } else {
                end = finish(.complete)
            }
        case .incomplete(let reason):
            end = finish(.incomplete("the server ended the reply early (\(reason))"))
        default:
            end = nil
        }
        act(.emit(event))
        if let end { act(end) }
    }

    /// The connection closed (the `EventSource` does not reconnect by itself).
    /// - Parameters:
    ///   - reason: Why.
    ///   - jitter: A random number in [0, 1) for the backoff.
    /// - Returns: What to do next, or `nil` when the reply had already ended.
    package mutating func closed(_ reason: EventSourceCloseReason, jitter: Double) -> Action? {
        guard !isFinished else { return nil }
        let delivered = connectionDeliveredEvents
        connectionDeliveredEvents = false
        if !delivered { failuresInARow += 1 }
        let because: String
        switch reason {
        case .endOfStream: because = "the server ended the reply before its end marker"
        case .noContent: because = "the server answered 204 No Content"
        case .failed(let error): because = ChatClientError(error).message
        }
        if resumePoint.isResumable, resumesInARow < options.maxResumes, Self.isResumable(reason) {
            resumesInARow += 1
            let wait = Backoff.delay(
                consecutiveFailures: delivered ? 0 : max(0, failuresInARow - 1),
                base: reconnectionTime,
                cap: max(options.maxReconnectionDelay, reconnectionTime),
                jitter: jitter
            )
            return .resume(after: wait, from: resumePoint, reason: because)
        }
        if !sawEvent, case .failed(let error) = reason {
            if let wait = retryDelay(after: error, jitter: jitter) {
                retries += 1
                return .retry(after: wait, reason: because)
            }
            return finish(.failed(ChatClientError(error)))
        }
        if case .failed(let error) = reason, error.code == .idleTimeout {
            return finish(.stalled(because))
        }
        if case .failed(let error) = reason, Self.isBrokenStream(error) {
            // Not a drop: what the server sends cannot be read (a line over the limit, a failed TLS check).
            return finish(.failed(ChatClientError(error)))
        }
        return finish(.incomplete(because))
    }

    /// The reply cannot go on: the request could not be built, or the stream carried an error or a malformed chunk.
    /// - Parameter error: What went wrong.
    /// - Returns: `.finish(.failed(error))`, or `nil` when the reply had already ended.
    package mutating func failed(_ error: ChatClientError) -> Action? {
        guard !isFinished else { return nil }
        return finish(.failed(error))
    }

    private mutating func finish(_ end: ReplyEnd) -> Action {
        isFinished = true
        return .finish(end)
    }

    /// The wait before sending the request again, or `nil` to give up: only failures that may pass, only while
    /// retries are left, and only when a `Retry-After` (in seconds; a date counts as "not soon") is not too long.
    private func retryDelay(after error: EventSourceError, jitter: Double) -> Duration? {
        guard retries < options.maxRetriesBeforeFirstToken, Self.isRetryable(error) else { return nil }
        guard let header = error.retryAfter else {
            return Backoff.delay(
                consecutiveFailures: retries,
                base: options.retryDelay,
                cap: max(options.maxRetryAfter, options.retryDelay),
                jitter: jitter
            )
        }
        let digits = header.trimmingSpaces
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int(digits)
        else { return nil }
        let wait = Duration.seconds(seconds)
        return wait <= options.maxRetryAfter ? wait : nil
    }

    /// Whether a failure before any event may pass on its own.
    private static func isRetryable(_ error: EventSourceError) -> Bool {
        switch error.code {
        case .network, .idleTimeout: true
        case .badStatus(let status): [429, 500, 502, 503, 504].contains(status)
        default: false
        }
    }

    /// Failures that break the stream itself, whatever arrived before: the reply fails rather than stays incomplete.
    private static func isBrokenStream(_ error: EventSourceError) -> Bool {
        switch error.code {
        case .streamTooLarge, .tls, .invalidURL, .redirectWithoutLocation, .tooManyRedirects, .badContentType: true
        default: false
        }
    }

    /// A clean end without the marker, a dropped connection or a stall may be resumed; a refusal may not.
    private static func isResumable(_ reason: EventSourceCloseReason) -> Bool {
        switch reason {
        case .endOfStream: true
        case .noContent: false
        case .failed(let error): [.network, .idleTimeout, .hostUnreachable].contains(error.code)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
