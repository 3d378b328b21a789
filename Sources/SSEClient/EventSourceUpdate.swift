import Foundation
import SSE

/// Something that happened to an `EventSource`: a connection state change or an event.
package enum EventSourceUpdate: Sendable, Equatable {
    /// A request is being made; `attempt` is 0 for the first connection, then counts reconnections.
    case connecting(attempt: Int, lastEventID: String)
    /// The server accepted the stream (HTTP 200, `text/event-stream`).
    case open(EventSourceResponse)
    /// An event was dispatched.
    case event(ServerSentEvent)
    /// Events were handed to the iterator's lender as they were parsed, in place of `.event` updates
    /// (`EventSourceUpdates.Iterator.lendEvents(to:)`); one comes after each read that lent any.
    case eventsLent
    /// The server's `retry:` field set a new reconnection time.
    case retry(Duration)
    /// The server answered 200 with a complete JSON document instead of a stream (only with
    /// `EventSourceConfiguration.acceptsJSONDocument`); `.closed(.endOfStream)` follows.
    case document(EventSourceResponse, Data)
    /// The connection closed; a `.reconnecting` or the end of the sequence follows.
    case closed(EventSourceCloseReason)
    /// The client waits this long before reconnecting.
    case reconnecting(after: Duration)
}

/// What the server answered when a stream opened.
package struct EventSourceResponse: Sendable, Equatable {
    /// The final URL, after redirects.
    package var url: String
    /// The HTTP status (200).
    package var status: Int
    /// Response headers, names lower-cased.
    package var headers: [String: String]

    /// Creates a response description.
    package init(url: String, status: Int, headers: [String: String]) {
        self.url = url
        self.status = status
        self.headers = headers
    }
}

/// Why a connection closed.
package enum EventSourceCloseReason: Sendable, Equatable {
    /// The server ended the response.
    case endOfStream
    /// HTTP 204: the server asked the client to stop.
    case noContent
    /// The connection failed (network error, idle timeout, …).
    case failed(EventSourceError)
}
