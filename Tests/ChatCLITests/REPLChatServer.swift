import Foundation
import Synchronization
import TestSupport

/// One reply the scripted server streams, in the OpenAI chat-completions format.
struct ScriptedReply: Sendable {
    /// `reasoning_content` deltas, sent before the text.
    var reasoning: [String] = []
    /// `content` deltas.
    var tokens: [String]
    /// When set, the server sends the response head and then waits for this gate before the first delta.
    var gate: Gate?
    /// When set, the reply stalls after its deltas (no end marker) until the client closes the connection;
    /// the flag then tells whether it did within 10 seconds.
    var stallUntilClosed: ClosedFlag?
    /// Every event in one `send(2)` (a burst) instead of one per event.
    var burst = false

    /// A reply made of `tokens`.
    init(_ tokens: [String], reasoning: [String] = [], gate: Gate? = nil, burst: Bool = false) {
        self.tokens = tokens
        self.reasoning = reasoning
        self.gate = gate
        self.burst = burst
    }

    /// A reply that stops after `tokens` and holds the connection open until the client closes it.
    static func stalling(_ tokens: [String], closed: ClosedFlag) -> ScriptedReply {
        var reply = ScriptedReply(tokens)
        reply.stallUntilClosed = closed
        return reply
    }
}

/// A chat request as the scripted server decoded it.
struct ChatRequestRecord: Sendable, Equatable {
    /// One message of the request.
    struct Message: Sendable, Equatable, CustomStringConvertible {
        var role: String
        var content: String
        var description: String { "\(role): \(String(reflecting: content))" }
    }

    var path: String
    var model: String?
    var messages: [Message]

    /// The last user message's text.
    var lastUserText: String? { messages.last { $0.role == "user" }?.content }
}

/// An OpenAI-compatible chat server on 127.0.0.1:0 for REPL tests: it streams scripted replies in order (then
/// "Reply number N." for the Nth request) and records what each request asked for.
final class REPLChatServer: Sendable {
    private final class Script: Sendable {
        let state: Mutex<(replies: [ScriptedReply], served: Int)>
        let streamStarts = Mutex<[ContinuousClock.Instant]>([])
        init(_ replies: [ScriptedReply]) { state = Mutex((replies, 0)) }
    }

    private let script: Script

    private let http: LoopbackHTTPServer

    /// Starts the server.
    /// - Parameter replies: The replies for the first requests, in order.
    init(_ replies: [ScriptedReply] = []) throws {
        let script = Script(replies)
        self.script = script
        http = try LoopbackHTTPServer { request, writer in
            if request.method == "GET", request.target == "/v1/models" {
                writer.writeHead(
                    status: 200,
                    headers: [("Content-Type", "application/json"), ("Content-Length", "\(Self.models.utf8.count)")]
                )
                writer.write(Self.models)
                return
            }
            let reply = script.state.withLock { state -> ScriptedReply in
                state.served += 1
                guard state.replies.isEmpty else { return state.replies.removeFirst() }
                return ScriptedReply(["Reply ", "number ", "\(state.served)", "."])
            }
            Self.stream(reply, to: writer) { script.streamStarts.withLock { $0.append(.now) } }
        }
    }

    deinit {
        http.stop()
    }

    /// The base URL to put in `OPENAI_BASE_URL`.
    var baseURL: String { "http://127.0.0.1:\(http.port)/v1" }

    /// The model list `GET /v1/models` answers.
    static let models = #"{"object":"list","data":[{"id":"model-one","object":"model"},{"id":"model-two"}]}"#

    /// The chat requests received so far, decoded.
    var requests: [ChatRequestRecord] {
        http.requests.filter { $0.method == "POST" }.map(Self.decode)
    }

    /// How many times the model list was asked for.
    var modelListRequests: Int {
        http.requests.count { $0.method == "GET" }
    }

    /// Waits until at least `count` requests arrived.
    /// - Returns: The requests so far.
    @discardableResult
    func waitForRequests(_ count: Int, timeout: Duration = .seconds(10)) async throws -> [ChatRequestRecord] {
        let http = self.http
        try await waitUntil(timeout: timeout) { http.requests.count { $0.method == "POST" } >= count }
        return requests
    }

    /// When each reply's first event was about to be sent (after its gate), in order.
    var streamStarts: [ContinuousClock.Instant] { script.streamStarts.withLock { $0 } }

    private static func stream(
        _ reply: ScriptedReply,
        to writer: LoopbackResponseWriter,
        starting: () -> Void
    ) {
        writer.writeEventStreamHead()
        reply.gate?.wait(timeout: 20)
        starting()
        var events = reply.reasoning.map { event(delta: ["reasoning_content": $0]) }
        events += reply.tokens.map { event(delta: ["content": $0]) }
        if let closed = reply.stallUntilClosed {
            send(events, burst: reply.burst, to: writer)
            closed.set(writer.waitForClientClose(timeout: .seconds(10)))
            return
        }
        events.append(event(delta: [:], finishReason: "stop"))
        events.append("data: [DONE]\n\n")
        send(events, burst: reply.burst, to: writer)
    }

    private static func send(_ events: [String], burst: Bool, to writer: LoopbackResponseWriter) {
        if burst {
            writer.write(events.joined())
        } else {
            for event in events { writer.write(event) }
        }
    }

    /// `data: {"choices":[{"index":0,"delta":{…},"finish_reason":…}]}` and a blank line.
    private static func event(delta: [String: String], finishReason: String? = nil) -> String {
        let members = delta.sorted { $0.key < $1.key }.map {
            Transcript.jsonString($0.key) + ":" + Transcript.jsonString($0.value)
        }
        let finish = finishReason.map(Transcript.jsonString) ?? "null"
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{"
            + members.joined(separator: ",") + "},\"finish_reason\":\(finish)}]}\n\n"
    }

    private static func decode(_ request: RecordedRequest) -> ChatRequestRecord {
        let object = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
        let messages = (object["messages"] as? [[String: Any]] ?? []).map {
            ChatRequestRecord.Message(role: $0["role"] as? String ?? "?", content: $0["content"] as? String ?? "")
        }
        return ChatRequestRecord(path: request.target, model: object["model"] as? String, messages: messages)
    }
}
