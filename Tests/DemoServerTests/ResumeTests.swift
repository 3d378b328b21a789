import DemoServerKit
import Foundation
import SSE
import SSEClient
import TestSupport
import Testing

@Suite("Resumable replies: Last-Event-ID after drops, vanished clients, expired ids", .timeLimit(.minutes(1)))
struct ResumeTests {
    private static let prompt = "Resume me, please"

    /// The reply as an undisturbed client sees it.
    private static func undisturbed(replyTokens: Int) async throws -> StreamedReply {
        try await withDemoServer(testConfiguration(replyTokens: replyTokens)) { server in
            try await readOpenAIReply(chatSource(server, prompt: prompt))
        }
    }

    @Test(
        "a drop at every event boundary, or in the middle of every event, loses and repeats nothing",
        arguments: [false, true]
    )
    func dropEverywhere(midEvent: Bool) async throws {
        let expected = try await Self.undisturbed(replyTokens: 40)
        let faults = DemoFaults(dropAfterEvents: 1, dropMidEvent: midEvent)
        try await withDemoServer(testConfiguration(replyTokens: 40, faults: faults)) { server in
            let reply = try await readOpenAIReply(chatSource(server, prompt: Self.prompt))
            #expect(reply.done)
            #expect(reply.text == expected.text)
            #expect(reply.events.map(\.data).count == expected.events.count)
            #expect(reply.connections == expected.events.count)  // one event per connection
            try expectSequentialIDs(reply.events)
        }
    }

    @Test("drops after N events for several N reassemble the same reply", arguments: [2, 3, 7, 20])
    func dropAfterN(count: Int) async throws {
        let expected = try await Self.undisturbed(replyTokens: 30)
        let configuration = testConfiguration(replyTokens: 30, faults: DemoFaults(dropAfterEvents: count))
        try await withDemoServer(configuration) { server in
            let reply = try await readOpenAIReply(chatSource(server, prompt: Self.prompt))
            #expect(reply.text == expected.text)
            #expect(reply.connections == (expected.events.count + count - 1) / count)
            try expectSequentialIDs(reply.events)
        }
    }

    @Test("random drops with a seed still reassemble the reply")
    func randomDrops() async throws {
        let expected = try await Self.undisturbed(replyTokens: 60)
        let faults = DemoFaults(dropProbability: 0.1, seed: 42)
        try await withDemoServer(testConfiguration(replyTokens: 60, faults: faults)) { server in
            let reply = try await readOpenAIReply(chatSource(server, prompt: Self.prompt))
            #expect(reply.text == expected.text)
            #expect(reply.connections > 1)
            try expectSequentialIDs(reply.events)
        }
    }

    @Test("a client that vanished mid-reply resumes later from its last id and gets exactly the rest")
    func vanishedClient() async throws {
        var configuration = testConfiguration(replyTokens: 30)
        configuration.tokensPerSecond = 200
        let produced = ClosedFlag()
        configuration.log = { line in if line.contains("produced all") { produced.set(true) } }
        try await withDemoServer(configuration) { server in
            // Read the first events, then go away while the reply is still being generated.
            var firstPart: [ServerSentEvent] = []
            for try await event in chatSource(server, prompt: Self.prompt).events() {
                firstPart.append(event)
                if firstPart.count == 4 { break }
            }
            let lastID = try #require(firstPart.last?.lastEventID)
            try await waitUntil { produced.value == true }  // the reply goes on to its end with nobody reading
            let url = server.baseURL.appendingPathComponent("v1/chat/completions")
            var configuration = EventSourceConfiguration(url: url)
            configuration.method = "POST"
            configuration.lastEventID = lastID
            configuration.maxReconnects = 0
            let rest = try await readOpenAIReply(EventSource(configuration))
            #expect(rest.done)
            let all = firstPart + rest.events
            try expectSequentialIDs(all)
            let expected = try await Self.undisturbed(replyTokens: 30)
            #expect(try contentText(of: all) == expected.text)
            #expect(all.count == expected.events.count)
        }
    }

    @Test("the plain endpoint resumes too")
    func plainResume() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 12, faults: DemoFaults(dropAfterEvents: 2))) { server in
            var events: [ServerSentEvent] = []
            for try await event in plainSource(server, prompt: "plain resume").events() {
                events.append(event)
                if event.type == "end" { break }
            }
            try expectSequentialIDs(events)
            #expect(events.count == 14)
        }
    }

    @Test("resuming at the end of a finished reply gets 204, which stops an EventSource")
    func resumeAtEnd() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 3)) { server in
            let reply = try await readOpenAIReply(chatSource(server, prompt: "end"))
            let lastID = try #require(reply.events.last?.lastEventID)
            let url = server.baseURL.appendingPathComponent("v1/chat/completions")
            var configuration = EventSourceConfiguration(url: url)
            configuration.method = "POST"
            configuration.lastEventID = lastID
            var count = 0
            for try await _ in EventSource(configuration).events() { count += 1 }
            #expect(count == 0)
        }
    }

    @Test("unknown, malformed and foreign ids get a clear 404, not a new reply")
    func unknownIDs() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 3)) { server in
            let url = server.baseURL.appendingPathComponent("v1/chat/completions")
            for id in ["0123456789abcdef-3", "garbage", "-1"] {
                let headers = ["Last-Event-ID": id]
                let response = try await httpRequest(url, method: "POST", body: chatBody("x"), headers: headers)
                #expect(response.status == 404)
                #expect(try errorFields(response.body).code == "unknown_event_id")
            }
            let reply = try await readOpenAIReply(chatSource(server, prompt: "x"))
            let firstID = try #require(reply.events.first?.lastEventID)
            let plain = try await RawHTTPExchange.get(
                "/chat?q=x",
                port: UInt16(server.baseURL.port ?? 0),
                headers: ["Last-Event-ID": firstID]
            )
            #expect(plain.status == 400)
        }
    }

    @Test("an id whose reply has expired gets 410")
    func expiredID() async throws {
        let clock = ManualClock()
        var configuration = testConfiguration(replyTokens: 3)
        configuration.clock = clock
        configuration.retention = .seconds(60)
        try await withDemoServer(configuration) { server in
            let reply = try await readOpenAIReply(chatSource(server, prompt: "expire me"))
            let firstID = try #require(reply.events.first?.lastEventID)
            let url = server.baseURL.appendingPathComponent("v1/chat/completions")
            let before = try await httpRequest(url, method: "POST", headers: ["Last-Event-ID": firstID])
            #expect(before.status == 200)
            await clock.waitForSleepers(1)
            clock.advance(by: .seconds(59))
            let kept = try await httpRequest(url, method: "POST", headers: ["Last-Event-ID": firstID])
            #expect(kept.status == 200)
            clock.advance(by: .seconds(1))
            var after = try await httpRequest(url, method: "POST", headers: ["Last-Event-ID": firstID])
            for _ in 0..<1000 where after.status == 200 {  // the retention task runs right after the advance
                try await Task.sleep(for: .milliseconds(2))
                after = try await httpRequest(url, method: "POST", headers: ["Last-Event-ID": firstID])
            }
            #expect(after.status == 410)
            #expect(try errorFields(after.body).code == "expired_event_id")
        }
    }
}
