import Foundation
import SSE
import SSEClient
import Synchronization
import Testing
import TestSupport

@Suite("EventSource backpressure", .timeLimit(.minutes(1)))
struct EventSourceBackpressureTests {
    @Test("a fast server is held back while the consumer is slow, and every event still arrives")
    func slowConsumerBoundsBuffering() async throws {
        let eventCount = 200_000
        let event = Array("data: \(String(repeating: "x", count: 300))\n\n".utf8)
        let batch = Array([[UInt8]](repeating: event, count: 200).joined())
        let written = Atomic<Int>(0)
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead()
            for _ in 0..<(eventCount / 200) {
                guard writer.write(batch) else { return }
                written.add(batch.count, ordering: .relaxed)
            }
        }
        var configuration = EventSourceConfiguration(url: server.url())
        configuration.maxReconnects = 0
        configuration.highWaterMark = 256 * 1024
        var iterator = EventSource(configuration).events().makeAsyncIterator()
        _ = try await iterator.next()
        // The consumer stalls; without backpressure the whole 61 MB would be read into memory meanwhile.
        try await Task.sleep(for: .milliseconds(400))
        let writtenWhileStalled = written.load(ordering: .relaxed)
        let total = eventCount * event.count
        #expect(writtenWhileStalled < 24 << 20, "server wrote \(writtenWhileStalled) of \(total) bytes")
        var received = 1
        while try await iterator.next() != nil { received += 1 }
        #expect(received == eventCount)
    }
}
