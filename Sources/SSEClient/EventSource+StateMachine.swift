import Foundation

/// Every decision of an `EventSource`, with no I/O: response heads and connection outcomes in, actions out.
///
/// Per WHATWG HTML §9.2: a response is a stream only when it is HTTP 200 with `text/event-stream`; HTTP 204 stops;
/// any other status or content type fails (after the body is read, so its message can be quoted); a network error
/// or the end of the response reconnects after the reconnection time. On top of the standard:
///
/// ```
///  response head ─► 3xx that URLSession left ─► .follow(next request)   (303 becomes a GET without body;
///                                                                         no Location or too many: .fail)
///                   200 text/event-stream     ─► .open
///                   200 JSON, when accepted   ─► .readDocument           (a server that ignored `stream: true`)
///                   204                       ─► .stop
///                   anything else             ─► .readBodyAndFail(error)
///  connection ended ─► .reconnect(after: Backoff…) | .finish | .fail
/// ```
/// Failures in a row back off (`Backoff`), optional caps on reconnections and on failures in a row end the stream,
/// and a first connection that cannot reach its host fails at once rather than retrying an address that was
/// probably mistyped. With `maxReconnects` 0 a client makes exactly one connection and leaves every further
/// decision to its caller (the chat reply does this; see `ReplyStateMachine`).
package struct EventSourceStateMachine: Sendable {
    /// What the client should do after a connection ended.
    package enum Action: Sendable, Equatable {
        /// Wait, then connect again.
        case reconnect(after: Duration)
        /// Stop quietly.
        case finish
        /// Stop with this error.
        case fail(EventSourceError)
    }

    /// What the client should do with a response head.
    package enum ResponseAction: Sendable, Equatable {
        /// Read the body as an event stream.
        case open
        /// Drop this response and send this request instead (a redirect URLSession did not follow).
        case follow(EventSourceRequest)
        /// Read the whole body: a complete JSON document the caller accepts in place of a stream.
        case readDocument
        /// HTTP 204: stop quietly.
        case stop
        /// Read a preview of the body into the error's `responseBody`, then stop with the error.
        case readBodyAndFail(EventSourceError)
        /// Stop with this error now.
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
    /// The request of the current attempt (after the redirects followed so far).
    package private(set) var request: EventSourceRequest

    private let initialRequest: EventSourceRequest
    private let limits: Limits
    private var redirectsFollowed = 0
    private var currentConnectionDeliveredEvents = false

    /// The caps that end a stream.
    package struct Limits: Sendable {
        /// The longest backoff wait.
        package var maxDelay: Duration
        /// Reconnections allowed; `nil` for no limit.
        package var maxReconnects: Int?
        /// Failed attempts in a row allowed; `nil` for no limit.
        package var maxConsecutiveFailures: Int?
        /// Redirects followed per attempt.
        package var maxRedirects: Int
        /// Whether a 200 JSON response is read as a document instead of failing.
        package var acceptsJSONDocument: Bool

        /// Creates the limits.
        package init(
            maxDelay: Duration,
            maxReconnects: Int?,
            maxConsecutiveFailures: Int?,
            maxRedirects: Int = 10,
            acceptsJSONDocument: Bool = false
        ) {
            self.maxDelay = maxDelay
            self.maxReconnects = maxReconnects
            self.maxConsecutiveFailures = maxConsecutiveFailures
            self.maxRedirects = maxRedirects
            self.acceptsJSONDocument = acceptsJSONDocument
        }
    }

    /// Creates the machine.
    /// - Parameters:
    ///   - request: What every attempt starts by sending.
    ///   - reconnectionTime: The initial reconnection time.
    ///   - limits: The caps.
    package init(request: EventSourceRequest, reconnectionTime: Duration, limits: Limits) {
        self.initialRequest = request
        self.request = request
        self.reconnectionTime = reconnectionTime
        self.limits = limits
    }

    /// Creates the machine for a configuration.
    package init(_ configuration: EventSourceConfiguration) {
        self.init(
            request: EventSourceRequest(url: configuration.url, method: configuration.method, body: configuration.body),
            reconnectionTime: configuration.reconnectionTime,
            limits: Limits(
                maxDelay: configuration.maxReconnectionDelay,
                maxReconnects: configuration.maxReconnects,
                maxConsecutiveFailures: configuration.maxConsecutiveFailures,
                maxRedirects: configuration.maxRedirects,
                acceptsJSONDocument: configuration.acceptsJSONDocument
            )
        )
    }

    /// The host and port of the current request, for error messages.
    package var endpoint: String { EventSourceError.endpoint(of: request.url) }

    /// A new attempt starts.
    /// - Returns: The request to send (the configured one: redirects are followed afresh on each attempt).
    package mutating func attemptStarted() -> EventSourceRequest {
        request = initialRequest
        redirectsFollowed = 0
        return request
    }

    /// The response head of the current request arrived.
    /// - Parameter head: Its status and the headers the decision needs.
    /// - Returns: What to do with the response.
    package mutating func responseReceived(_ head: EventSourceResponseHead) -> ResponseAction {
        let status = head.status
        if (300...399).contains(status) {
            guard let location = head.location, let target = URL(string: location, relativeTo: request.url)?.absoluteURL
            else {
                return .fail(EventSourceError(.redirectWithoutLocation(status), endpoint: endpoint))
            }
            redirectsFollowed += 1
            guard redirectsFollowed <= limits.maxRedirects else {
                return .fail(EventSourceError(.tooManyRedirects, endpoint: endpoint))
            }
            request.url = target
            if status == 303 {
                request.method = "GET"
                request.body = nil
            }
            return .follow(request)
        }
        if status == 204 { return .stop }
        let mediaType = head.mediaType
        if status == 200, mediaType == "text/event-stream" {
            opened()
            return .open
        }
        if status == 200, limits.acceptsJSONDocument, let mediaType,
            mediaType == "application/json" || mediaType.hasSuffix("+json")
        {
            return .readDocument
        }
        let code: EventSourceError.Code = status == 200 ? .badContentType(head.contentType) : .badStatus(status)
        return .readBodyAndFail(EventSourceError(code, endpoint: endpoint, retryAfter: head.retryAfter))
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
        if let maxReconnects = limits.maxReconnects, reconnects >= maxReconnects {
            return error.map(Action.fail) ?? .finish
        }
        if let maxConsecutiveFailures = limits.maxConsecutiveFailures, consecutiveFailures > maxConsecutiveFailures {
            return error.map(Action.fail) ?? .finish
        }
        reconnects += 1
        // The first failure after a good connection waits the plain reconnection time.
        let failuresForBackoff = delivered ? 0 : max(0, consecutiveFailures - 1)
        let wait = Backoff.delay(
            consecutiveFailures: failuresForBackoff,
            base: reconnectionTime,
            cap: max(limits.maxDelay, reconnectionTime),
            jitter: jitter
        )
        return .reconnect(after: wait)
    }
}

/// A request an `EventSource` sends: the configured one, or where a redirect pointed.
package struct EventSourceRequest: Sendable, Equatable {
    /// Where to send it.
    package var url: URL
    /// The HTTP method.
    package var method: String
    /// The body, if any.
    package var body: Data?

    /// Creates a request.
    package init(url: URL, method: String, body: Data?) {
        self.url = url
        self.method = method
        self.body = body
    }
}

/// The parts of a response head the `EventSourceStateMachine` decides on.
package struct EventSourceResponseHead: Sendable, Equatable {
    /// The HTTP status.
    package var status: Int
    /// The `Content-Type` header.
    package var contentType: String?
    /// The `Location` header.
    package var location: String?
    /// The `Retry-After` header.
    package var retryAfter: String?

    /// Creates a response head.
    package init(status: Int, contentType: String? = nil, location: String? = nil, retryAfter: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.location = location
        self.retryAfter = retryAfter
    }

    /// The media type of `contentType`, lower-cased, without parameters.
    var mediaType: String? {
        contentType?.split(separator: ";", omittingEmptySubsequences: false).first?
            .trimmingCharacters(in: .whitespaces).lowercased()
    }
}
