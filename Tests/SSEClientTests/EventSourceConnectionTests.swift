import Foundation
import SSE
import SSEClient
import TestSupport
import Testing

@Suite("EventSource redirects, stalls and cancellation", .timeLimit(.minutes(1)))
struct EventSourceConnectionTests {
    @Test("GET redirects are followed to the stream", arguments: [301, 302, 303, 307, 308])
    func followsRedirects(status: Int) async throws {
        let server = try LoopbackHTTPServer { request, writer in
            if request.target == "/old" {
                writer.writeHead(status: status, headers: [("Location", "/new"), ("Content-Length", "0")])
            } else {
                writer.writeEventStreamHead()
                writer.write("data: at \(request.target)\n\n")
            }
        }
        var configuration = EventSourceConfiguration(url: server.url("/old"))
        configuration.maxReconnects = 0
        let result = await collect(configuration)
        #expect(result.error == nil)
        #expect(result.events.map(\.data) == ["at /new"])
        let response = try #require(result.openResponses.first, "no open update")
        #expect(response.url.hasSuffix("/new"))
    }

    @Test("a 307/308 of a POST is re-issued with its body", arguments: [307, 308])
    func postRedirectKeepsBody(status: Int) async throws {
        let server = try LoopbackHTTPServer { request, writer in
            if request.target == "/old" {
                writer.writeHead(status: status, headers: [("Location", "/new"), ("Content-Length", "0")])
            } else {
                writer.writeEventStreamHead()
                writer.write("data: \(request.method) \(String(decoding: request.body, as: UTF8.self))\n\n")
            }
        }
        var configuration = EventSourceConfiguration(url: server.url("/old"))
        configuration.method = "POST"
        configuration.body = Data("payload".utf8)
        configuration.maxReconnects = 0
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == ["POST payload"])
    }

    @Test("a redirect without Location fails with a clear error")
    func redirectWithoutLocation() async throws {
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeHead(status: 302, headers: [("Content-Length", "0")])
        }
        let result = await collect(EventSourceConfiguration(url: server.url()))
        #expect(result.sourceError?.code == .redirectWithoutLocation(302))
        #expect(result.sourceError?.description.contains("Location") == true)
    }

    @Test("a stream that stalls longer than the idle timeout counts as dropped and reconnects")
    func idleTimeout() async throws {
        let release = Gate()
        let counter = Counter()
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead()
            if counter.next() == 0 {
                writer.write("id: s1\ndata: before stall\n\n")
                release.wait()
            } else {
                writer.write("data: after\n\n")
            }
        }
        defer { release.open() }
        let clock = ManualClock()
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.idleTimeout = .seconds(5)
        configuration.reconnectionTime = .milliseconds(10)
        configuration.maxReconnects = 1
        let seen = Counter()
        let task = Task {
            await collect(configuration, clock: clock) { update in
                if case .event = update { _ = seen.next() }
                return false
            }
        }
        // The first event has reached the consumer and the watchdog sleeps: now let time pass without bytes.
        try await waitUntil { seen.value == 1 }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(4))
        await clock.waitForSleepers(1)
        #expect(server.requests.count == 1)
        clock.advance(by: .seconds(1))
        // The reconnection wait runs on the same clock (beside the new connection's watchdog).
        try await waitUntil { clock.pendingDeadlines.contains(ManualClock.Instant(offset: .milliseconds(5010))) }
        clock.advance(by: .milliseconds(10))
        let result = await task.value
        #expect(result.events.map(\.data) == ["before stall", "after"])
        #expect(
            result.closeReasons.first.map {
                if case .failed(let error) = $0 { error.code == .idleTimeout } else { false }
            } == true
        )
        #expect(server.requests.last?.header("Last-Event-ID") == "s1")
    }

    @Test("cancelling the consuming task closes the TCP connection within milliseconds")
    func cancellationClosesConnection() async throws {
        let closedWithin = ClosedFlag()
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead()
            writer.write("data: hello\n\n")
            closedWithin.set(writer.waitForClientClose(timeout: .seconds(5)))
        }
        let source = EventSource(EventSourceConfiguration(url: server.url()))
        let firstEvent = Gate()
        let task = Task {
            for try await _ in source.events() {
                firstEvent.open()
            }
        }
        await firstEvent.waitAsync()
        task.cancel()
        // The server waits up to 5 s for the close and the stream has no idle timeout: `true` means the
        // cancellation closed the connection.
        try await waitUntil { closedWithin.value != nil }
        #expect(closedWithin.value == true)
    }

    @Test("a line longer than the limit fails the stream instead of buffering")
    func lineTooLong() async throws {
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead()
            let block = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
            writer.write("data: ")
            for _ in 0..<64 where writer.write(block) {}
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxLineLength = 64 * 1024
        let result = await collect(configuration)
        #expect(result.sourceError?.code == .streamTooLarge)
    }
}
