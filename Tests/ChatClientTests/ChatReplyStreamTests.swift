import ChatClient
import ChatWire
import Foundation
import TestSupport
import Testing

@Suite("ChatReplyStream against loopback servers", .timeLimit(.minutes(1)))
struct ChatReplyStreamTests {
    @Test("a complete reply: text deltas, finish reason, usage, done, then .finished(.complete)")
    func completeReply() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["Hel", "lo", " wörld"])))
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server, key: "sk-test"),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == "Hel" + "lo" + " wörld")
        #expect(reply.updates.contains(.event(.finishReason("stop"))))
        #expect(reply.updates.contains(.event(.usage(ChatUsage(promptTokens: 5, completionTokens: 3, totalTokens: 8)))))
        #expect(reply.updates.last == .finished(.complete))
        #expect(reply.updates.filter { $0 == .finished(.complete) }.count == 1)

        let requests = server.requests
        try #require(requests.count == 1)
        #expect(requests[0].method == "POST")
        #expect(requests[0].target == "/v1/chat/completions")
        #expect(requests[0].header("Authorization") == "Bearer sk-test")
        #expect(requests[0].header("Accept") == "text/event-stream")
        let body = try #require(try JSONSerialization.jsonObject(with: requests[0].body) as? [String: Any])
        #expect(body["model"] as? String == "test-model")
        #expect(body["stream"] as? Bool == true)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "hello"]])
    }

    @Test("events after [DONE] in the same read are not shown, and the reply ends there (decoded as they are parsed)")
    func eventsAfterDoneInOneRead() async throws {
        let events = Transcript.openAI(["Hel", "lo"]) + [Transcript.openAIContent(" late")]
        let server = try TranscriptServer([
            .custom { _, writer in
                writer.writeEventStreamHead()
                _ = writer.write(events.joined())
            }
        ])
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == "Hello")
        #expect(reply.updates.last == .finished(.complete))
        #expect(reply.updates.filter { $0 == .finished(.complete) }.count == 1)
    }

    @Test("a drop mid-reply resumes with Last-Event-ID when the server gave ids; nothing lost or repeated")
    func resumesWithIDs() async throws {
        let events = Transcript.openAI(["One", " two", " three", " four"], withIDs: true)
        // events: 1 role, 2 One, 3 two, 4 three, 5 four, 6 finish, 7 usage, 8 [DONE]
        let server = try TranscriptServer([
            .events(Array(events[0..<3]) + ["id: 4\ndata: {\"choices\":[{\"delta\":{\"content\":\" thr"]),
            .custom { request, writer in
                let resumeFrom = Int(request.header("Last-Event-ID") ?? "") ?? 0
                writer.writeEventStreamHead()
                for event in events[resumeFrom...] { writer.write(event) }
            },
        ])
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == "One two three four")
        #expect(reply.resumeCount == 1)
        #expect(reply.updates.last == .finished(.complete))
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[0].header("Last-Event-ID") == nil)
        #expect(requests[1].header("Last-Event-ID") == "3")
        #expect(requests[1].body == requests[0].body)
    }

    @Test(
        "a resume sends the last event's id, whether it is kept in place or as a string",
        arguments: [
            "dea4703c360f21a2-12345", String(repeating: "a", count: 29), String(repeating: "b", count: 40), "réponse-3",
        ]
    )
    func resumesWithLongIDs(id: String) async throws {
        let events = Transcript.openAI(["One", " two", " three"], withIDs: true).enumerated().map { index, event in
            event.replacingOccurrences(of: "id: \(index + 1)\n", with: "id: \(id)-\(index + 1)\n")
        }
        let server = try TranscriptServer([
            .events(Array(events[0..<3])),
            .custom { request, writer in
                let last = request.header("Last-Event-ID") ?? ""
                let resumeFrom = Int(last.split(separator: "-").last ?? "") ?? 0
                writer.writeEventStreamHead()
                for event in events[resumeFrom...] { writer.write(event) }
            },
        ])
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == "One two three")
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[1].header("Last-Event-ID") == "\(id)-3")
    }

    @Test("the resume limit counts drops in a row: a reply that progresses between drops is resumed to the end")
    func resumeLimitResetsOnProgress() async throws {
        let words = (1...12).map { " w\($0)" }
        let events = Transcript.openAI(words, withIDs: true)
        // Every response sends two events and drops; twelve resumptions are needed, the limit is two in a row.
        let server = try LoopbackHTTPServer { request, writer in
            let from = Int(request.header("Last-Event-ID") ?? "") ?? 0
            writer.writeEventStreamHead()
            for event in events[from..<min(from + 2, events.count)] { writer.write(event) }
        }
        var options = immediateOptions()
        options.maxResumes = 2
        let reply = await collect(
            ChatReplyStream(
                endpoint: ChatEndpoint(provider: .openai, baseURL: server.url("/v1"), model: "test-model"),
                messages: helloMessages,
                options: options,
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == words.joined())
        #expect(reply.updates.last == .finished(.complete))
        #expect(reply.resumeCount > 2)
    }

    @Test("without event ids a drop mid-reply is not resumed: incomplete, exactly one request")
    func noResumeWithoutIDs() async throws {
        let server = try TranscriptServer(.events(Array(Transcript.openAI(["Partial", " reply", " lost"]).prefix(3))))
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == "Partial reply")
        #expect(reply.outcome == .incomplete("the server ended the reply before its end marker"))
        #expect(reply.resumeCount == 0)
        #expect(reply.retryDelays.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test("a failure before the first token is retried after the server's Retry-After", arguments: [429, 503])
    func retryHonoursRetryAfter(status: Int) async throws {
        let server = try TranscriptServer([
            .status(
                status,
                headers: [("Retry-After", "7"), ("Content-Type", "application/json")],
                body: #"{"error":{"message":"slow down"}}"#
            ),
            .events(Transcript.openAI(["after", " retry"])),
        ])
        let clock = ImmediateClock()
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server),
                messages: helloMessages,
                options: immediateOptions(),
                clock: clock
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == "after retry")
        #expect(reply.retryDelays == [.seconds(7)])
        #expect(clock.sleeps.contains(.seconds(7)))
        #expect(reply.updates.last == .finished(.complete))
        #expect(server.requests.count == 2)
    }

    @Test("without Retry-After the retries back off from retryDelay, then the reply fails with the error")
    func retryBackoffThenFail() async throws {
        let server = try TranscriptServer(.status(500, body: #"{"error":{"message":"boom"}}"#))
        var options = immediateOptions()
        options.retryDelay = .milliseconds(100)
        options.maxRetriesBeforeFirstToken = 2
        let clock = ImmediateClock()
        let reply = await collect(
            ChatReplyStream(endpoint: openAIEndpoint(server), messages: helloMessages, options: options, clock: clock)
        )
        #expect(reply.retryDelays == [.milliseconds(100), .milliseconds(200)])
        #expect(clock.sleeps.starts(with: [.milliseconds(100), .milliseconds(200)]))
        #expect(reply.clientError?.kind == .server)
        #expect(reply.clientError?.message.contains("boom") == true)
        #expect(server.requests.count == 3)
    }

    @Test("401 is not retried: an authentication error quoting the server's message")
    func authenticationNotRetried() async throws {
        let server = try TranscriptServer(
            .status(
                401,
                headers: [("Content-Type", "application/json")],
                body: #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#
            )
        )
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server, key: "sk-secret-401"),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.clientError?.kind == .authentication)
        #expect(reply.clientError?.message.contains("Incorrect API key provided") == true)
        #expect(reply.clientError?.message.contains("sk-secret-401") == false)
        #expect(server.requests.count == 1)
    }

    @Test("after a token a stall is not retried: incomplete(.stalled), exactly one request")
    func noRetryAfterToken() async throws {
        let release = Gate()
        defer { release.open() }
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write(Transcript.openAIContent("first"))
                release.wait(timeout: 20)
            }
        )
        var options = ChatReplyOptions()
        options.idleTimeout = .milliseconds(300)
        let reply = await collect(
            ChatReplyStream(endpoint: openAIEndpoint(server), messages: helloMessages, options: options)
        )
        #expect(reply.error == nil)
        #expect(reply.text == "first")
        #expect(reply.isStalled)
        #expect(reply.retryDelays.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test(
        "a resume refused by the server (expired id) leaves the reply incomplete, not an error",
        arguments: [404, 410, 204]
    )
    func expiredResumeID(status: Int) async throws {
        let events = Transcript.openAI(["kept", " text", " more"], withIDs: true)
        let server = try TranscriptServer([
            .events(Array(events[0..<3])),
            .status(
                status,
                headers: [("Content-Type", "application/json")],
                body: status == 204 ? "" : #"{"error":{"message":"unknown generation"}}"#
            ),
        ])
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        #expect(reply.text == "kept text")
        #expect(reply.isIncomplete)
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.last?.header("Last-Event-ID") == "3")
    }

    @Test("an error object inside the stream fails the reply as a server error with its message")
    func inStreamError() async throws {
        let server = try TranscriptServer(
            .events([
                Transcript.openAIContent("before"),
                #"data: {"error":{"message":"The model is overloaded","type":"server_error"}}"# + "\n\n",
            ])
        )
        let reply = await collect(
            ChatReplyStream(
                endpoint: openAIEndpoint(server),
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.text == "before")
        #expect(reply.clientError?.kind == .server)
        #expect(reply.clientError?.message.contains("The model is overloaded") == true)
        #expect(server.requests.count == 1)
    }

    @Test("cancelling the iterating task closes the connection at once")
    func cancellationClosesConnection() async throws {
        let closed = ClosedFlag()
        let firstSent = Gate()
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write(Transcript.openAIContent("token"))
                firstSent.open()
                closed.set(writer.waitForClientClose(timeout: .seconds(10)))
            }
        )
        let task = Task {
            await collect(ChatReplyStream(endpoint: openAIEndpoint(server), messages: helloMessages))
        }
        await firstSent.waitAsync()
        try await waitUntil { server.requests.count == 1 }
        task.cancel()
        try await waitUntil(timeout: .seconds(5)) { closed.value != nil }
        #expect(closed.value == true)
        _ = await task.value
    }
}
