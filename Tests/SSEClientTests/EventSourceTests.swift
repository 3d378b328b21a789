import Foundation
import SSE
import SSEClient
import TestSupport
import Testing

@Suite("EventSource against a loopback server", .timeLimit(.minutes(1)))
struct EventSourceTests {
    @Test("a GET stream sends the SSE headers and yields typed events with their ids")
    func basicStream() async throws {
        let server = try streamServer { _, _ in
            ["data: one\n\n", "event: update\nid: 7\ndata: two\ndata: lines\n\n", ": comment\n\ndata: three\n\n"]
        }
        var configuration = EventSourceConfiguration(url: server.url("/stream"))
        configuration.maxReconnects = 0
        let result = await collect(configuration)
        #expect(result.error == nil)
        #expect(
            result.events == [
                ServerSentEvent(data: "one"),
                ServerSentEvent(type: "update", data: "two\nlines", lastEventID: "7"),
                ServerSentEvent(data: "three", lastEventID: "7"),
            ]
        )
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/stream")
        #expect(request.header("Accept") == "text/event-stream")
        #expect(request.header("Cache-Control") == "no-cache")
        #expect(request.header("Last-Event-ID") == nil)
    }

    @Test("a POST carries its body, extra headers and the caller's Last-Event-ID")
    func postWithBody() async throws {
        let server = try streamServer { _, request in
            ["data: got \(String(decoding: request.body, as: UTF8.self))\n\n"]
        }
        var configuration = EventSourceConfiguration(url: server.url("/post"))
        configuration.method = "POST"
        configuration.body = Data(#"{"q":"hi"}"#.utf8)
        configuration.headers = ["Authorization": "Bearer secret", "Content-Type": "application/json"]
        configuration.lastEventID = "gen-41"
        configuration.maxReconnects = 0
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == [#"got {"q":"hi"}"#])
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.header("Authorization") == "Bearer secret")
        #expect(request.header("Last-Event-ID") == "gen-41")
    }

    @Test("after the end of a response it reconnects, waiting the server's retry, with Last-Event-ID")
    func reconnectsWithLastEventID() async throws {
        let server = try streamServer { index, _ in
            index == 0 ? ["retry: 1500\nid: a1\ndata: first\n\n"] : ["id: a2\ndata: second\n\n"]
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 1
        let clock = ImmediateClock()
        let result = await collect(configuration, clock: clock)
        #expect(result.error == nil)
        #expect(result.events.map(\.data) == ["first", "second"])
        #expect(result.reconnectDelays == [.milliseconds(1500)])
        #expect(clock.sleeps == [.milliseconds(1500)])
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests[0].header("Last-Event-ID") == nil)
        #expect(requests[1].header("Last-Event-ID") == "a1")
    }

    @Test("a non-ASCII last event ID is sent back as UTF-8")
    func unicodeLastEventID() async throws {
        let server = try streamServer { index, _ in
            index == 0 ? ["id: ünï-✓\ndata: one\n\n"] : ["data: two\n\n"]
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 1
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == ["one", "two"])
        #expect(server.requests.last?.header("Last-Event-ID") == "ünï-✓")
    }

    @Test("a drop in the middle of an event discards it; the next request carries the last complete id")
    func dropMidEvent() async throws {
        let server = try streamServer { index, _ in
            index == 0 ? ["id: 1\ndata: whole\n\n", "id: 2\ndata: part"] : ["id: 3\ndata: after\n\n"]
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 1
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == ["whole", "after"])
        #expect(server.requests.last?.header("Last-Event-ID") == "1")
    }

    @Test("a drop right after a CR: the CR ended the line, and the next stream's leading LF is a fresh blank line")
    func dropMidCRLF() async throws {
        let server = try streamServer { index, _ in
            index == 0 ? ["id: 1\r\ndata: a\r\n\r"] : ["\ndata: b\r\n\r\n"]
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 1
        let result = await collect(configuration)
        #expect(
            result.events == [
                ServerSentEvent(data: "a", lastEventID: "1"), ServerSentEvent(data: "b", lastEventID: "1"),
            ]
        )
        #expect(server.requests.last?.header("Last-Event-ID") == "1")
    }

    @Test("a drop in the middle of a UTF-8 character discards the partial event and resumes from the last id")
    func dropMidCharacter() async throws {
        let counter = Counter()
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead()
            if counter.next() == 0 {
                writer.write("id: 1\ndata: ok\n\nid: 2\ndata: caf")
                writer.write([0xC3])
            } else {
                writer.write("id: 2\ndata: café\n\n")
            }
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 1
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == ["ok", "café"])
        #expect(server.requests.last?.header("Last-Event-ID") == "1")
    }

    @Test("a drop between CR and LF, and a UTF-8 character split across writes, parse correctly")
    func splitsAtAwkwardPlaces() async throws {
        let euro = Array("€".utf8)
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead()
            writer.write("data: price ")
            writer.write([euro[0]])
            writer.write([euro[1], euro[2]])
            writer.write("\r")
            writer.write("\n\r")
            writer.write("\ndata: cut\r")
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 0
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == ["price €"])
    }

    @Test("the retry field changes the reconnection time; only all-digit values count")
    func retryChanges() async throws {
        let server = try streamServer { index, _ in
            switch index {
            case 0: ["retry: 200\ndata: a\n\n"]
            case 1: ["retry: +5\nretry: 70\nretry: 9x\ndata: b\n\n"]
            default: ["data: c\n\n"]
            }
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 2
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == ["a", "b", "c"])
        #expect(result.reconnectDelays == [.milliseconds(200), .milliseconds(70)])
    }

    @Test("HTTP 204 on a reconnect stops the source without another request")
    func noContentStops() async throws {
        let counter = Counter()
        let server = try LoopbackHTTPServer { _, writer in
            if counter.next() == 0 {
                writer.writeEventStreamHead()
                writer.write("id: x\ndata: only\n\n")
            } else {
                writer.writeHead(status: 204)
            }
        }
        let configuration = EventSourceConfiguration(url: server.url())
        let result = await collect(configuration)
        #expect(result.error == nil)
        #expect(result.events.map(\.data) == ["only"])
        #expect(result.closeReasons.last == .noContent)
        #expect(server.requests.count == 2)
    }

    @Test(
        "a status other than 200 fails without reconnecting and keeps the body",
        arguments: [401, 404, 429, 500, 503]
    )
    func badStatusFails(status: Int) async throws {
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeHead(status: status, headers: [("Content-Type", "application/json"), ("Retry-After", "7")])
            writer.write(#"{"error":{"message":"nope"}}"#)
        }
        let result = await collect(EventSourceConfiguration(url: server.url()))
        let error = try #require(result.sourceError)
        #expect(error.code == .badStatus(status))
        #expect(error.responseBody?.contains("nope") == true)
        #expect(error.retryAfter == "7")
        #expect(server.requests.count == 1)
        #expect(result.events.isEmpty)
    }

    @Test("a Content-Type other than text/event-stream fails, delivering no events from that response")
    func wrongContentType() async throws {
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeHead(headers: [("Content-Type", "text/html")])
            writer.write("<html>data: not an event\n\n</html>")
        }
        let result = await collect(EventSourceConfiguration(url: server.url()))
        let error = try #require(result.sourceError)
        #expect(error.code == .badContentType("text/html"))
        #expect(result.events.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test("a content type with parameters and odd case is accepted")
    func contentTypeParameters() async throws {
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeHead(headers: [("Content-Type", "Text/Event-Stream; charset=utf-8")])
            writer.write("data: ok\n\n")
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 0
        let result = await collect(configuration)
        #expect(result.events.map(\.data) == ["ok"])
    }

    @Test("a first connection to a closed port fails at once as unreachable")
    func unreachable() async throws {
        let url = URL(string: "http://127.0.0.1:\(try refusingLoopbackPort())/")!
        let result = await collect(EventSourceConfiguration(url: url))
        #expect(result.sourceError?.code == .hostUnreachable)
        #expect(result.reconnectDelays.isEmpty, "reconnected after \(result.reconnectDelays)")
    }

    @Test("max reconnects ends a source that keeps dropping, with the last error")
    func maxReconnects() async throws {
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead(chunked: true)
            writer.writeChunk(Array("data: x\n\n".utf8))
            // No terminating chunk: the connection drops mid-body, a network error.
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 3
        let result = await collect(configuration)
        #expect(result.events.count == 4)
        #expect(server.requests.count == 4)
        #expect(result.sourceError?.code == .network)
    }

    @Test("failures in a row back off; a connection that delivered events resets the backoff")
    func backoffGrowsAndResets() async throws {
        let server = try streamServer { index, _ in
            index == 3 ? ["data: good\n\n"] : []
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.reconnectionTime = .seconds(1)
        configuration.maxReconnects = 5
        let result = await collect(configuration)
        let delays = result.reconnectDelays
        #expect(delays.count == 5)
        #expect(delays[0] == .seconds(1))
        #expect(delays[1] >= .seconds(1) && delays[1] <= .seconds(2))
        #expect(delays[2] >= .seconds(2) && delays[2] <= .seconds(4))
        #expect(delays[3] == .seconds(1))
    }
}
