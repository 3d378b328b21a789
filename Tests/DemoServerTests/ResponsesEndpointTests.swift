import ChatWire
import DemoServerKit
import Foundation
import SSE
import SSEClient
import Synchronization
import TestSupport
import Testing

@Suite("/v1/responses: streaming, background resume with starting_after, cancel", .timeLimit(.minutes(1)))
struct ResponsesEndpointTests {
    /// What a client read of one Responses reply, through the real decoder.
    struct Read {
        var events: [ServerSentEvent] = []
        var chat: [ChatEvent] = []
        var connections = 0
        var cursor: ChatResumeCursor?

        var text: String {
            chat.map { if case .text(let text) = $0 { text } else { "" } }.joined()
        }
    }

    static func body(_ prompt: String, extra: String = "") -> Data {
        let message: String = #"{"role":"user","content":"# + Transcript.jsonString(prompt) + "}"
        let text: String = #"{"model":"any","stream":true,"input":["# + message + "]" + extra + "}"
        return Data(text.utf8)
    }

    static func source(_ url: URL, method: String = "GET", body: Data? = nil) -> EventSource {
        var configuration = EventSourceConfiguration(url: url)
        configuration.method = method
        configuration.body = body
        configuration.headers = ["Content-Type": "application/json"]
        configuration.maxReconnects = 0
        return EventSource(configuration)
    }

    /// Reads one connection to its end (or until `limit` events), decoding into `read`.
    static func read(
        _ source: EventSource,
        into read: inout Read,
        decoder: inout ResponsesStreamDecoder,
        limit: Int = .max,
        progress: (@Sendable (Int, ServerSentEvent) -> Void)? = nil
    ) async throws {
        var seen = 0
        do {
            for try await update in source.updates() {
                switch update {
                case .open: read.connections += 1
                case .event(let event):
                    read.events.append(event)
                    try decoder.decode(event) { read.chat.append($0) }
                    read.cursor = decoder.resumeCursor
                    seen += 1
                    progress?(seen, event)
                    if seen == limit { return }
                default: break
                }
            }
        } catch let error as EventSourceError where error.code == .network {
            // A dropped connection: the caller resumes.
        }
    }

    /// An event's data with its reply id and creation time blanked out.
    static func normalized(_ event: ServerSentEvent) -> String {
        event.data.replacingOccurrences(of: #"(resp|msg)_[0-9a-f]{16}"#, with: "$1_X", options: .regularExpression)
            .replacingOccurrences(of: #""created_at":[0-9]+"#, with: "", options: .regularExpression)
    }

    static func responses(_ server: DemoServer) -> URL { server.baseURL.appendingPathComponent("v1/responses") }

    static func again(_ server: DemoServer, _ cursor: ChatResumeCursor) throws -> URL {
        let url = responses(server).appendingPathComponent(cursor.replyID)
        var components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        components.queryItems = [
            .init(name: "stream", value: "true"), .init(name: "starting_after", value: "\(cursor.position)"),
        ]
        return try #require(components.url)
    }

    /// The whole reply, resuming with `GET …?starting_after=` after every drop.
    static func readResuming(_ server: DemoServer, prompt: String, extra: String = "") async throws -> Read {
        var read = Read()
        var decoder = ResponsesStreamDecoder()
        try await Self.read(
            source(responses(server), method: "POST", body: body(prompt, extra: extra)),
            into: &read,
            decoder: &decoder
        )
        while read.chat.last != .done, read.connections < 500 {
            let cursor = try #require(read.cursor, "no cursor to resume from")
            try await Self.read(source(again(server, cursor)), into: &read, decoder: &decoder)
        }
        return read
    }

    @Test("streaming: the documented lifecycle, sequence numbers from 0, no SSE ids, usage, the chat endpoint's text")
    func streaming() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 20)) { server in
            var read = Read()
            var decoder = ResponsesStreamDecoder()
            try await Self.read(
                Self.source(Self.responses(server), method: "POST", body: Self.body("Hi")),
                into: &read,
                decoder: &decoder
            )
            #expect(
                read.events.prefix(4).map(\.type) == [
                    "response.created", "response.in_progress", "response.output_item.added",
                    "response.content_part.added",
                ]
            )
            #expect(read.events.suffix(2).map(\.type) == ["response.output_text.done", "response.completed"])
            #expect(read.events.count == 26)
            #expect(read.events.allSatisfy { $0.lastEventID.isEmpty })
            let numbers = try read.events.map { try #require(jsonObject($0.data)["sequence_number"] as? Int) }
            #expect(numbers == Array(0..<26))
            #expect(read.cursor == nil)  // not in the background: nothing to resume
            let chat = try await readOpenAIReply(chatSource(server, prompt: "Hi"))
            #expect(read.text == chat.text)
            #expect(
                read.chat.suffix(2) == [
                    .usage(ChatUsage(promptTokens: 1, completionTokens: 20, totalTokens: 21)), .done,
                ]
            )
        }
    }

    @Test("max_output_tokens cuts the reply with response.incomplete; without stream the response object comes whole")
    func incompleteAndWhole() async throws {
        try await withDemoServer(testConfiguration()) { server in
            var read = Read()
            var decoder = ResponsesStreamDecoder()
            let body = Self.body("Hi", extra: #","max_output_tokens":5"#)
            try await Self.read(
                Self.source(Self.responses(server), method: "POST", body: body),
                into: &read,
                decoder: &decoder
            )
            #expect(read.chat.suffix(2) == [.finishReason("max_output_tokens"), .done])
            #expect(read.chat.filter { if case .text = $0 { true } else { false } }.count == 5)

            let whole = Data(#"{"model":"m","input":"Hi","stream":false}"#.utf8)
            let response = try await httpRequest(Self.responses(server), method: "POST", body: whole)
            #expect(response.status == 200)
            var events: [ChatEvent] = []
            try ResponsesWireFormat().decodeCompleteReply(Data(response.body.utf8)) { events.append($0) }
            #expect(events.last == .done)
            let stream = try await Self.readResuming(server, prompt: "Hi")
            #expect(events.first == .text(stream.text))
        }
    }

    @Test(
        "background: a drop after every event resumes with starting_after and loses and repeats nothing",
        arguments: [false, true]
    )
    func backgroundResume(midEvent: Bool) async throws {
        let expected = try await withDemoServer(testConfiguration(replyTokens: 30)) { server in
            try await Self.readResuming(server, prompt: "Resume me", extra: #","background":true"#)
        }
        #expect(expected.connections == 1)
        #expect(expected.chat.last == .done)
        let faults = DemoFaults(dropAfterEvents: 1, dropMidEvent: midEvent)
        try await withDemoServer(testConfiguration(replyTokens: 30, faults: faults)) { server in
            let read = try await Self.readResuming(server, prompt: "Resume me", extra: #","background":true"#)
            #expect(read.chat == expected.chat)
            // The same events, but for the reply's own id and creation time.
            #expect(read.events.map(Self.normalized) == expected.events.map(Self.normalized))
            #expect(read.connections == expected.events.count)  // one event per connection
        }
    }

    @Test("background: random drops with a seed (and chunks cut mid-line) still reassemble the reply")
    func backgroundRandomDrops() async throws {
        let expected = try await withDemoServer(testConfiguration(replyTokens: 60)) { server in
            try await Self.readResuming(server, prompt: "Resume me", extra: #","background":true"#)
        }
        var faults = DemoFaults(dropProbability: 0.2, seed: 7)
        faults.chunking = .midLine
        try await withDemoServer(testConfiguration(replyTokens: 60, faults: faults)) { server in
            let read = try await Self.readResuming(server, prompt: "Resume me", extra: #","background":true"#)
            #expect(read.chat == expected.chat)
            #expect(read.events.map(Self.normalized) == expected.events.map(Self.normalized))
            #expect(read.connections > 5)
        }
    }

    @Test("background: the created event says queued and background; the cursor is the response id")
    func backgroundCreated() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 3)) { server in
            let read = try await Self.readResuming(server, prompt: "x", extra: #","background":true"#)
            let created = try jsonObject(try #require(read.events.first).data)
            let response = try #require(created["response"] as? [String: Any])
            #expect(response["status"] as? String == "queued")
            #expect(response["background"] as? Bool == true)
            #expect(read.cursor?.replyID == response["id"] as? String)
            #expect(read.cursor?.position == read.events.count - 1)
        }
    }

    @Test("streaming again: unknown ids 404, a reply not in the background 400, a bad starting_after 400, the end 204")
    func refusals() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 3)) { server in
            let unknown = try await httpRequest(Self.responses(server).appendingPathComponent("resp_0123456789abcdef"))
            #expect(unknown.status == 404)
            var read = Read()
            var decoder = ResponsesStreamDecoder()
            try await Self.read(
                Self.source(Self.responses(server), method: "POST", body: Self.body("x")),
                into: &read,
                decoder: &decoder
            )
            let id = try #require((try jsonObject(read.events[0].data)["response"] as? [String: Any])?["id"] as? String)
            let foreground = try await httpRequest(try Self.again(server, ChatResumeCursor(replyID: id, position: 2)))
            #expect(foreground.status == 400)
            #expect(try errorFields(foreground.body).code == "not_background")
            let cancelForeground = try await httpRequest(
                Self.responses(server).appendingPathComponent(id).appendingPathComponent("cancel"),
                method: "POST"
            )
            #expect(cancelForeground.status == 400)

            let background = try await Self.readResuming(server, prompt: "x", extra: #","background":true"#)
            let cursor = try #require(background.cursor)
            let past = try await httpRequest(
                try Self.again(server, ChatResumeCursor(replyID: cursor.replyID, position: 999))
            )
            #expect(past.status == 400)
            let end = try await httpRequest(try Self.again(server, cursor))
            #expect(end.status == 204)
            let notStreamed = try await httpRequest(Self.responses(server).appendingPathComponent(cursor.replyID))
            #expect(notStreamed.status == 400)
        }
    }

    @Test("cancel stops a background reply: a reader gets the end of the stream without response.completed")
    func cancel() async throws {
        var configuration = testConfiguration(replyTokens: 2000)
        configuration.tokensPerSecond = 200
        let cancelled = ClosedFlag()
        configuration.log = { line in if line.hasSuffix("cancelled") { cancelled.set(true) } }
        try await withDemoServer(configuration) { server in
            let started = ClosedFlag()
            let firstEvent = Mutex<String?>(nil)
            let reader = Task {
                var read = Read()
                var decoder = ResponsesStreamDecoder()
                let body = Self.body("x", extra: #","background":true"#)
                let source = Self.source(Self.responses(server), method: "POST", body: body)
                try await Self.read(source, into: &read, decoder: &decoder) { seen, event in
                    if seen == 1 { firstEvent.withLock { $0 = event.data } }
                    if seen == 6 { started.set(true) }
                }
                return read
            }
            try await waitUntil { started.value == true }
            let created = try jsonObject(try #require(firstEvent.withLock { $0 }))
            let id = try #require((created["response"] as? [String: Any])?["id"] as? String)
            let url = Self.responses(server).appendingPathComponent(id).appendingPathComponent("cancel")
            let response = try await httpRequest(url, method: "POST")
            #expect(response.status == 200)
            #expect(try jsonObject(response.body)["status"] as? String == "cancelled")
            #expect(cancelled.value == true)
            let read = try await reader.value
            #expect(read.chat.last != .done)
            #expect(read.events.count < 2000)
            let again = try await httpRequest(try Self.again(server, ChatResumeCursor(replyID: id, position: 3)))
            #expect(again.status == 404)
        }
    }
}
