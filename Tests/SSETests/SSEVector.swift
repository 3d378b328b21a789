import SSE
import TestSupport
import Testing

/// One parser test vector: a byte stream and the events it must produce, however it is split.
struct SSEVector: Sendable, CustomTestStringConvertible {
    let name: String
    let input: [UInt8]
    let events: [ServerSentEvent]
    var lastEventID: String = ""
    var retry: Int? = nil

    var testDescription: String { name }

    init(_ name: String, _ input: String, _ events: [ServerSentEvent], lastEventID: String = "", retry: Int? = nil) {
        self.init(name, Array(input.utf8), events, lastEventID: lastEventID, retry: retry)
    }

    init(_ name: String, _ input: [UInt8], _ events: [ServerSentEvent], lastEventID: String = "", retry: Int? = nil) {
        self.name = name
        self.input = input
        self.events = events
        self.lastEventID = lastEventID
        self.retry = retry
    }
}

/// Shorthand for an expected event.
func ev(_ data: String, type: String = "message", id: String = "") -> ServerSentEvent {
    ServerSentEvent(type: type, data: data, lastEventID: id)
}

/// Runs a parser over `chunks` and finishes the stream.
func parseAll(
    _ chunks: [[UInt8]],
    maxLineLength: Int = SSEParser.defaultMaxLineLength
) throws -> (events: [ServerSentEvent], parser: SSEParser) {
    var parser = SSEParser(maxLineLength: maxLineLength)
    var events: [ServerSentEvent] = []
    for chunk in chunks {
        events += try parser.parse(chunk)
    }
    parser.finishStream()
    return (events, parser)
}

/// The same input split every way the verifier tries: whole, byte by byte, at every single offset, and in
/// pseudo-random pieces.
func splits(of input: [UInt8], seed: UInt64 = 0x5EED) -> [[[UInt8]]] {
    var result: [[[UInt8]]] = [[input], input.map { [$0] }]
    if input.count > 1 {
        for offset in 1..<input.count {
            result.append([Array(input[..<offset]), Array(input[offset...])])
        }
    }
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<8 {
        var chunks: [[UInt8]] = []
        var start = 0
        while start < input.count {
            let length = Int(generator.next() % 7) + 1
            let end = min(input.count, start + length)
            chunks.append(Array(input[start..<end]))
            start = end
        }
        result.append(chunks)
    }
    return result
}
