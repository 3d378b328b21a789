import Foundation
import SSE

/// How an `EventSource` connects, reconnects and gives up.
package struct EventSourceConfiguration: Sendable {
    /// The stream's URL.
    package var url: URL
    /// The HTTP method; `GET` unless a body is sent.
    package var method: String = "GET"
    /// Extra request headers (`Accept`, `Cache-Control` and `Last-Event-ID` are set by the client).
    package var headers: [String: String] = [:]
    /// The request body, for POST streams.
    package var body: Data?
    /// A last event ID to send on the first request (then the stream's own takes over).
    package var lastEventID: String = ""
    /// The initial reconnection time; the server's `retry:` field replaces it.
    package var reconnectionTime: Duration = .seconds(3)
    /// The longest wait between reconnection attempts once backoff has grown.
    package var maxReconnectionDelay: Duration = .seconds(30)
    /// How many reconnections to make at most; `nil` reconnects forever.
    package var maxReconnects: Int?
    /// How many connection attempts in a row may fail (connect, or end without an event) before giving up;
    /// `nil` never gives up.
    package var maxConsecutiveFailures: Int?
    /// A connection that receives no bytes at all (comments included) for this long counts as dropped.
    package var idleTimeout: Duration?
    /// How many redirects to follow before failing.
    package var maxRedirects: Int = 10
    /// The longest `data`, `event`, `id` or `retry` line the parser buffers before failing the stream; comments
    /// and ignored fields are skipped whatever their length.
    package var maxLineLength: Int = SSEParser.defaultMaxLineLength
    /// The most data one event may accumulate before failing the stream.
    package var maxEventDataLength: Int = SSEParser.defaultMaxEventDataLength
    /// Whether a 200 response with a JSON body is read whole and delivered as `.document` instead of failing
    /// (for chat servers that ignore `stream: true`); it is capped by `maxEventDataLength`.
    package var acceptsJSONDocument = false
    /// Bytes buffered ahead of the consumer before the connection is paused (backpressure).
    package var highWaterMark: Int = 1 << 20
    /// When set, the first request waits for this gate to open, after the connection is set up.
    package var gate: RequestGate?
    /// Whether each connection attempt's request goes out on a connection opened just before by an `OPTIONS` request
    /// to the same URL, so that URLSession on Linux does not spin while the stream is idle (see
    /// `URLSessionTransport.preconnect`); it waits at most `preconnectLimit` for it.
    package var preconnects = false
    /// The longest wait for the preconnecting `OPTIONS` request.
    package var preconnectLimit: Duration = .seconds(2)

    /// Creates a configuration for a GET stream.
    /// - Parameter url: The stream's URL.
    package init(url: URL) {
        self.url = url
    }

    /// Sets the line limit (what `--max-line-bytes` means), raising the event limit to match when it is lower, so
    /// that one line of that size always fits in an event.
    /// - Parameter bytes: The longest line to accept.
    package mutating func limitLines(to bytes: Int) {
        maxLineLength = bytes
        maxEventDataLength = max(maxEventDataLength, bytes)
    }
}
