import SSE
import Testing

@Suite("SSEEncoder")
struct SSEEncoderTests {
    private static let samples: [String] = [
        "hello",
        "",
        " leading space",
        "  two leading spaces",
        "line one\nline two",
        "crlf\r\nends",
        "bare\rcr",
        "trailing newline\n",
        "\n",
        "\n\n",
        "mixed\r\n\r\n\n\rends\r",
        "data: looks like a field",
        ": looks like a comment",
        "日本語のテキスト 🚀 and ✨",
        "{\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}",
    ]

    /// What the parser gives back for `data`: every CR, LF or CRLF becomes one LF.
    private static func normalised(_ data: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in data.unicodeScalars {
            switch scalar {
            case "\r":
                result.append("\n")
                previousWasCR = true
            case "\n":
                if !previousWasCR { result.append("\n") }
                previousWasCR = false
            default:
                result.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        return result
    }

    private static func parseAll(_ bytes: [UInt8]) throws -> (events: [ServerSentEvent], parser: SSEParser) {
        var parser = SSEParser()
        let events = try parser.parse(bytes)
        return (events, parser)
    }

    @Test("data round-trips through SSEParser with every line ending", arguments: SSEEncoder.LineEnding.allCases)
    func roundTripsData(lineEnding: SSEEncoder.LineEnding) throws {
        let encoder = SSEEncoder(lineEnding: lineEnding)
        var bytes: [UInt8] = []
        for (index, sample) in Self.samples.enumerated() {
            encoder.append(data: sample, event: index.isMultiple(of: 2) ? nil : "delta", id: "g-\(index)", to: &bytes)
        }
        let (events, parser) = try Self.parseAll(bytes)
        #expect(events.count == Self.samples.count)
        for (index, event) in events.enumerated() {
            #expect(event.data == Self.normalised(Self.samples[index]))
            #expect(event.type == (index.isMultiple(of: 2) ? "message" : "delta"))
            #expect(event.lastEventID == "g-\(index)")
        }
        #expect(parser.lastEventID == "g-\(Self.samples.count - 1)")
    }

    @Test("the parser gives the same events whatever the chunking", arguments: SSEEncoder.LineEnding.allCases)
    func chunkingDoesNotMatter(lineEnding: SSEEncoder.LineEnding) throws {
        let encoder = SSEEncoder(lineEnding: lineEnding)
        var bytes: [UInt8] = []
        encoder.appendRetry(milliseconds: 250, to: &bytes)
        for (index, sample) in Self.samples.enumerated() {
            encoder.append(data: sample, id: "id-\(index)", to: &bytes)
            encoder.appendComment("keep-alive", to: &bytes)
        }
        let (whole, _) = try Self.parseAll(bytes)
        for split in 0...bytes.count {
            var parser = SSEParser()
            var events = try parser.parse(bytes[0..<split])
            events += try parser.parse(bytes[split...])
            #expect(events == whole, "split at \(split)")
            #expect(parser.reconnectionTimeMilliseconds == 250)
        }
    }

    @Test("fields come out in a fixed, readable order")
    func exactBytes() {
        let encoder = SSEEncoder()
        let bytes = encoder.encode(data: "a\r\nb", event: "delta", id: "g-7", retry: 1000)
        #expect(String(decoding: bytes, as: UTF8.self) == "id: g-7\nevent: delta\nretry: 1000\ndata: a\ndata: b\n\n")
        let crlf = SSEEncoder(lineEnding: .crlf).encode(data: "x")
        #expect(String(decoding: crlf, as: UTF8.self) == "data: x\r\n\r\n")
    }

    @Test("line ends in id and event are dropped so they cannot break framing")
    func singleLineFields() throws {
        let bytes = SSEEncoder().encode(data: "payload", event: "bad\ntype", id: "g\r\n-1")
        let (events, _) = try Self.parseAll(bytes)
        #expect(events == [ServerSentEvent(type: "badtype", data: "payload", lastEventID: "g-1")])
    }

    @Test("comments and retry lines dispatch nothing but set the reconnection time")
    func commentsAndRetry() throws {
        let encoder = SSEEncoder()
        var bytes = encoder.encodeComment("keep-alive\nsecond line")
        #expect(String(decoding: bytes, as: UTF8.self) == ": keep-alive\n: second line\n")
        encoder.appendRetry(milliseconds: 1500, to: &bytes)
        encoder.appendComment("", to: &bytes)
        let (events, parser) = try Self.parseAll(bytes)
        #expect(events.isEmpty)
        #expect(parser.reconnectionTimeMilliseconds == 1500)
    }

    @Test("an empty id resets the last event ID")
    func emptyIDResets() throws {
        let encoder = SSEEncoder()
        var bytes = encoder.encode(data: "one", id: "1")
        encoder.append(data: "two", id: "", to: &bytes)
        let (events, parser) = try Self.parseAll(bytes)
        #expect(events.map(\.lastEventID) == ["1", ""])
        #expect(parser.lastEventID == "")
    }
}
