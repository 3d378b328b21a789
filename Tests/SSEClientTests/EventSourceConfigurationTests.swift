import Foundation
import SSE
import SSEClient
import Testing

@Suite("EventSourceConfiguration: line and event limits")
struct EventSourceConfigurationTests {
    private func configuration() throws -> EventSourceConfiguration {
        EventSourceConfiguration(url: try #require(URL(string: "http://127.0.0.1:1/stream")))
    }

    @Test("the defaults are the parser's, room for a data line of over 64 MiB")
    func defaults() throws {
        let configuration = try configuration()
        #expect(configuration.maxLineLength == SSEParser.defaultMaxLineLength)
        #expect(configuration.maxEventDataLength == SSEParser.defaultMaxEventDataLength)
        #expect(configuration.maxLineLength > 64 << 20)
    }

    @Test("limitLines(to:) sets the line limit and raises the event limit only when it is lower")
    func limitLines() throws {
        var small = try configuration()
        small.limitLines(to: 1024)
        #expect(small.maxLineLength == 1024)
        #expect(small.maxEventDataLength == SSEParser.defaultMaxEventDataLength)

        var large = try configuration()
        large.limitLines(to: 512 << 20)
        #expect(large.maxLineLength == 512 << 20)
        #expect(large.maxEventDataLength == 512 << 20)
    }
}
