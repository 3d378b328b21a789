import Foundation
import Synchronization

/// How a `TranscriptServer` answers one request.
package enum TranscriptReply: Sendable {
    /// `200 text/event-stream`, then each piece as one `send(2)`, then the connection closes (end of response).
    case events([String])
    /// A plain response with this status, headers and body (`Content-Length` is added).
    case status(Int, headers: [(String, String)] = [], body: String = "")
    /// Anything else: the handler writes the response itself (it may block, e.g. on a `Gate`).
    case custom(@Sendable (RecordedRequest, LoopbackResponseWriter) -> Void)
}

/// A loopback HTTP server that plays a script: the first request gets the first reply, the second the second, and
/// so on; requests past the end get the last reply again. Every request is recorded.
package final class TranscriptServer: Sendable {
    /// The underlying server.
    package let http: LoopbackHTTPServer

    /// Starts a server on 127.0.0.1 with an ephemeral port.
    /// - Parameter replies: The replies, in request order (at least one).
    /// - Throws: When the socket cannot be bound.
    package init(_ replies: [TranscriptReply]) throws {
        let counter = Counter()
        http = try LoopbackHTTPServer { request, writer in
            guard !replies.isEmpty else { return }
            let index = min(counter.next(), replies.count - 1)
            Self.play(replies[index], request: request, writer: writer)
        }
    }

    /// Convenience for one reply to every request.
    /// - Parameter reply: The reply.
    /// - Throws: When the socket cannot be bound.
    package convenience init(_ reply: TranscriptReply) throws {
        try self.init([reply])
    }

    /// The bound port.
    package var port: UInt16 { http.port }

    /// `http://127.0.0.1:PORT` + `path`, as text.
    package func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, in order.
    package var requests: [RecordedRequest] { http.requests }

    /// The request bodies received so far, as UTF-8 text.
    package var bodies: [String] { requests.map { String(decoding: $0.body, as: UTF8.self) } }

    /// Stops the server.
    package func stop() { http.stop() }

    private static func play(_ reply: TranscriptReply, request: RecordedRequest, writer: LoopbackResponseWriter) {
        switch reply {
        case .events(let pieces):
            writer.writeEventStreamHead()
            for piece in pieces { writer.write(piece) }
        case .status(let status, let headers, let body):
            writer.writeHead(status: status, headers: headers + [("Content-Length", "\(body.utf8.count)")])
            writer.write(body)
        case .custom(let handler):
            handler(request, writer)
        }
    }

    /// A thread-safe counter.
    private final class Counter: Sendable {
        private let value = Mutex(0)

        func next() -> Int {
            value.withLock { value in
                defer { value += 1 }
                return value
            }
        }
    }
}
