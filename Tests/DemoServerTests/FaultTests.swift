import DemoServerKit
import Foundation
import SSE
import SSEClient
import TestSupport
import Testing

@Suite("Fault injection over loopback", .timeLimit(.minutes(1)))
struct FaultTests {
    private static func port(_ server: DemoServer) -> UInt16 { UInt16(server.baseURL.port ?? 0) }

    private static func parse(_ chunks: [[UInt8]]) throws -> [ServerSentEvent] {
        var parser = SSEParser()
        var events: [ServerSentEvent] = []
        for chunk in chunks { events += try parser.parse(chunk) }
        return events
    }

    @Test("--status answers every request with that status and an error body", arguments: [429, 500, 503])
    func status(code: Int) async throws {
        try await withDemoServer(testConfiguration(faults: DemoFaults(status: code))) { server in
            let error = await #expect(throws: EventSourceError.self) {
                _ = try await readOpenAIReply(chatSource(server, prompt: "hi"))
            }
            #expect(error?.status == code)
            #expect(error?.retryAfter == (code == 500 ? nil : "1"))
            let models = try await httpRequest(server.baseURL.appendingPathComponent("v1/models"))
            #expect(models.status == code)
            #expect(try errorFields(models.body).code == "injected_fault")
        }
    }

    @Test("--drop-after closes the response after N events, without the final chunk")
    func dropAtBoundary() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 10, faults: DemoFaults(dropAfterEvents: 3))) { server in
            let exchange = try await RawHTTPExchange.get("/chat?q=drop", port: Self.port(server))
            #expect(!exchange.complete)
            #expect(try Self.parse(exchange.chunks).count == 3)
            #expect(String(decoding: exchange.body, as: UTF8.self).hasSuffix("\n\n"))
        }
    }

    @Test("--drop-mid-event closes the response in the middle of an event")
    func dropMidEvent() async throws {
        let faults = DemoFaults(dropAfterEvents: 3, dropMidEvent: true)
        try await withDemoServer(testConfiguration(replyTokens: 10, faults: faults)) { server in
            let exchange = try await RawHTTPExchange.get("/chat?q=drop", port: Self.port(server))
            #expect(!exchange.complete)
            #expect(try Self.parse(exchange.chunks).count == 3)
            let text = String(decoding: exchange.body, as: UTF8.self)
            #expect(!text.hasSuffix("\n\n"))
            #expect(text.components(separatedBy: "id: ").count == 5)  // the retry line, 3 events and half of one
        }
    }

    @Test("--stall-ms goes silent mid-reply; a client with an idle timeout reconnects and still gets all of it")
    func stall() async throws {
        let faults = DemoFaults(stallMilliseconds: 600, stallAfterEvents: 2)
        let expected = try await withDemoServer(testConfiguration(replyTokens: 8)) { server in
            try await readOpenAIReply(chatSource(server, prompt: "stall"))
        }
        try await withDemoServer(testConfiguration(replyTokens: 8, faults: faults)) { server in
            let started = ContinuousClock.now
            let patient = try await readOpenAIReply(chatSource(server, prompt: "stall"))
            #expect(ContinuousClock.now - started >= .milliseconds(600))
            #expect(patient.connections == 1)
            #expect(patient.text == expected.text)

            // Under load a reconnection may itself time out before its first event; allow for that.
            let source = chatSource(
                server,
                prompt: "stall",
                idleTimeout: .milliseconds(200),
                maxConsecutiveFailures: 50
            )
            let impatient = try await readOpenAIReply(source)
            #expect(impatient.connections > 1)
            #expect(impatient.text == expected.text)
            try expectSequentialIDs(impatient.events)
        }
    }

    @Test(
        "--chunking splits writes where it says, and clients still read the same events",
        arguments: DemoChunking.allCases
    )
    func chunking(mode: DemoChunking) async throws {
        let faults = DemoFaults(seed: 9, chunking: mode)
        let expected = try await withDemoServer(testConfiguration(replyTokens: 30)) { server in
            try await RawHTTPExchange.get("/chat?q=split%20me", port: Self.port(server))
        }
        try await withDemoServer(testConfiguration(replyTokens: 30, faults: faults)) { server in
            let exchange = try await RawHTTPExchange.get("/chat?q=split%20me", port: Self.port(server))
            #expect(exchange.complete)
            let events = try Self.parse(exchange.chunks)
            #expect(events.map(\.data) == (try Self.parse(expected.chunks)).map(\.data))
            let edges = exchange.chunks.dropLast().map { $0.last ?? 0 }
            switch mode {
            case .none:
                #expect(exchange.chunks.count <= 5)
            case .midLine:
                #expect(edges.contains { $0 != 0x0A })
            case .midCRLF:
                #expect(edges.filter { $0 == 0x0D }.count >= 32)
                for index in exchange.chunks.indices.dropLast() where exchange.chunks[index].last == 0x0D {
                    #expect(exchange.chunks[index + 1].first == 0x0A)  // every CRLF is split between CR and LF
                }
            case .midUTF8:
                #expect(edges.contains { $0 >= 0xC0 })  // a chunk ends right after a UTF-8 lead byte
            case .random:
                #expect(exchange.chunks.count > 32)
            }
            // The project's client reads the split stream into the same reply.
            var received: [ServerSentEvent] = []
            for try await event in plainSource(server, prompt: "split me").events() {
                received.append(event)
                if event.type == "end" { break }
            }
            #expect(received.map(\.data) == events.map(\.data))
        }
    }

    @Test("--coalesce false sends every event as its own HTTP chunk; the default coalesces")
    func coalescing() async throws {
        var separate = testConfiguration(replyTokens: 500)
        separate.coalesce = false
        try await withDemoServer(separate) { server in
            let exchange = try await RawHTTPExchange.get("/chat?q=chunks", port: Self.port(server))
            let events = try Self.parse(exchange.chunks)
            #expect(events.count == 502)
            #expect(exchange.chunks.count == 1 + 502)  // the retry line, then one chunk per event
        }
        try await withDemoServer(testConfiguration(replyTokens: 500)) { server in
            let exchange = try await RawHTTPExchange.get("/chat?q=chunks", port: Self.port(server))
            #expect(try Self.parse(exchange.chunks).count == 502)
            #expect(exchange.chunks.count < 100)
        }
    }

    @Test("a quiet stream gets `: keep-alive` comments")
    func keepAlive() async throws {
        let clock = ManualClock()
        var configuration = testConfiguration(replyTokens: 1)
        configuration.clock = clock
        configuration.tokensPerSecond = 1
        configuration.keepAliveInterval = .milliseconds(100)
        try await withDemoServer(configuration) { server in
            async let exchange = RawHTTPExchange.get("/chat?q=slow", port: Self.port(server))
            for _ in 0..<3 {
                await clock.waitForSleepers(2)  // the token's pacing and the stream's keep-alive timer
                clock.advance(by: .milliseconds(100))
            }
            await clock.waitForSleepers(2)
            clock.advance(by: .seconds(1))
            let text = String(decoding: try await exchange.body, as: UTF8.self)
            #expect(text.components(separatedBy: ": keep-alive\n").count - 1 >= 3)
            #expect(try Self.parse(try await exchange.chunks).count == 3)
        }
    }
}
