import Foundation

/// An OpenAI-compatible server that relay mode forwards `POST /v1/chat/completions` to (`DemoRelay`'s
/// `UpstreamRelay` reaches one through the EventSource client). The demo server wraps what it answers: a streamed
/// reply is re-emitted with this server's event ids into a generation, so it gets the same retention and
/// `Last-Event-ID` resumes as a demo reply.
///
/// An upstream is asked once per client request and never re-requested (that would start a new, separately billed
/// reply).
package protocol DemoUpstream: Sendable {
    /// Streams the upstream's reply to one chat request into `receive`, returning when the upstream's stream ends.
    ///
    /// `receive` gets `.opened` once the upstream accepted, then its events; a failure after `.opened` arrives as a
    /// last `.event` holding an in-stream error chunk. Returning without `.opened` means the upstream closed
    /// without answering.
    /// - Parameters:
    ///   - body: The client's request body.
    ///   - receive: Called for each step, in order.
    /// - Throws: `DemoUpstreamFailure` when the upstream refused or failed before `.opened`.
    func stream(body: Data, receive: (DemoUpstreamEvent) -> Void) async throws(DemoUpstreamFailure)

    /// Answers a non-streaming request: the upstream's reply collected into one `chat.completion` body.
    /// - Parameter body: The client's request body.
    /// - Returns: The completion's JSON text.
    /// - Throws: `DemoUpstreamFailure` when the upstream refused or failed.
    func complete(body: Data) async throws(DemoUpstreamFailure) -> String

    /// The upstream's model list (`GET …/models`), passed on as it is.
    /// - Returns: The list's JSON text.
    /// - Throws: `DemoUpstreamFailure` when the upstream refused or failed.
    func models() async throws(DemoUpstreamFailure) -> String
}

/// One step of an upstream's streamed reply.
package enum DemoUpstreamEvent: Sendable, Equatable {
    /// The upstream accepted the request and its event stream is open.
    case opened
    /// An event to pass on: its data and type (`nil` for `message`).
    case event(data: String, type: String?)
}

/// Why an upstream gave no reply: the HTTP response the client gets instead.
package struct DemoUpstreamFailure: Error, Sendable, Equatable {
    /// The status to answer with.
    package var status: Int
    /// One readable sentence, sent in an OpenAI-style error body when `body` is `nil`.
    package var message: String
    /// The error body's machine-readable code, if any.
    package var code: String?
    /// The upstream's own OpenAI-style error body, passed on as it is.
    package var body: String?
    /// The upstream's `Retry-After`, passed on.
    package var retryAfter: String?

    /// Creates a failure.
    /// - Parameters:
    ///   - status: The status to answer with.
    ///   - message: One readable sentence.
    ///   - code: The error body's code, e.g. `upstream_error`.
    ///   - body: The upstream's own error body to pass on instead of one built from `message`.
    ///   - retryAfter: The upstream's `Retry-After`.
    package init(status: Int, message: String, code: String? = nil, body: String? = nil, retryAfter: String? = nil) {
        self.status = status
        self.message = message
        self.code = code
        self.body = body
        self.retryAfter = retryAfter
    }
}
