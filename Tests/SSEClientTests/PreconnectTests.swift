import Foundation
import SSE
import SSEClient
import Synchronization
import TestSupport
import Testing

/// `preconnects`: the request goes out on a connection an `OPTIONS` request opened, and a server that answers that
/// `OPTIONS` oddly costs at most `preconnectLimit`, never the stream.
@Suite("EventSource: the connection opened ahead", .timeLimit(.minutes(1)))
struct PreconnectTests {
    @Test("the request follows one OPTIONS to the same URL, on the connection it opened")
    func optionsFirst() async throws {
        let server = try streamServer { _, _ in ["data: one\n\n"] }
        var configuration = EventSourceConfiguration(url: server.url("/stream?x=1"))
        configuration.maxReconnects = 0
        configuration.preconnects = true
        let result = await collect(configuration)
        #expect(result.events == [ServerSentEvent(data: "one")])
        // The test server answers OPTIONS itself and then reads the next request on the same connection.
        #expect(server.preconnects == 1)
        #expect(server.requests.map(\.method) == ["GET"])
    }

    @Test("a server that streams in answer to OPTIONS is given up at once (not after the limit)")
    func streamingAnswerGivenUp() async throws {
        let order = Mutex<[String]>([])
        let server = try LoopbackHTTPServer(answersOptions: false) { request, writer in
            writer.writeEventStreamHead()
            writer.write("data: \(request.method)\n\n")
            if request.method == "OPTIONS" {
                let closed = writer.waitForClientClose(timeout: .seconds(20))
                order.withLock { $0.append(closed ? "OPTIONS closed by the client" : "OPTIONS timed out") }
            } else {
                order.withLock { $0.append(request.method) }
            }
        }
        var configuration = EventSourceConfiguration(url: server.url("/stream"))
        configuration.maxReconnects = 0
        configuration.preconnects = true
        configuration.preconnectLimit = .seconds(30)
        let result = await collect(configuration)
        #expect(result.events == [ServerSentEvent(data: "GET")])
        try await waitUntil { order.withLock { $0.count } == 2 }
        // Had the client waited on the OPTIONS stream, the server would have closed it after 20 s ("timed out").
        #expect(Set(order.withLock { $0 }) == ["OPTIONS closed by the client", "GET"])
    }

    @Test("a server that never answers OPTIONS: the request goes anyway once the limit has passed")
    func unansweredOptions() async throws {
        let server = try LoopbackHTTPServer(answersOptions: false) { request, writer in
            if request.method == "OPTIONS" {
                _ = writer.waitForClientClose(timeout: .seconds(20))
                return
            }
            writer.writeEventStreamHead()
            writer.write("data: late but there\n\n")
        }
        var configuration = EventSourceConfiguration(url: server.url("/stream"))
        configuration.maxReconnects = 0
        configuration.preconnects = true
        configuration.preconnectLimit = .milliseconds(200)
        let result = await collect(configuration)
        #expect(result.events == [ServerSentEvent(data: "late but there")])
        #expect(server.requests.map(\.method) == ["OPTIONS", "GET"])
    }
}
