import SSE
import TestSupport
import Testing

@testable import ChatWire

/// The chat client decodes events from the parser's buffer (`decode(lent:)`), where the data is raw bytes, not a
/// `String` repaired as UTF-8. Whatever the bytes, each decoder must emit or throw exactly what it does for the event
/// made into a value, chunk after chunk (the OpenAI decoder keeps the last chunk's prefix between events).
@Suite("Decoding lent events equals decoding values")
struct LentEventTests {
    /// Chunks from the equivalence tests' generator, a share with bytes that are not UTF-8 put in at random places
    /// (inside strings and out), and a few other event types.
    private static func events(seed: UInt64, count: Int) -> [(type: String, data: [UInt8])] {
        var generator = ChunkGenerator(seed: seed)
        var random = SeededGenerator(seed: seed &+ 0x5EED)
        return (0..<count).map { _ in
            var data = Array(generator.openAIChunk().utf8)
            if random.chance(25), !data.isEmpty {
                let broken: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
                data.insert(contentsOf: random.pick(broken), at: Int.random(in: 0...data.count, using: &random))
            }
            let type = random.chance(5) ? random.pick(["error", "ping", "message"]) : "message"
            return (type, random.chance(3) ? Array("[DONE]".utf8) : data)
        }
    }

    private static func lent(_ type: String, _ data: [UInt8], _ body: (SSELentEvent) -> Void) {
        data.withUnsafeBytes { body(SSELentEvent(type: type, data: $0, eventID: SSEEventID())) }
    }

    @Test("OpenAI: the same events or error, chunk after chunk", arguments: [1, 2, 3] as [UInt64])
    func openAI(seed: UInt64) {
        var byValue = OpenAIStreamDecoder()
        var byLent = OpenAIStreamDecoder()
        var mismatches: [String] = []
        for (type, data) in Self.events(seed: seed, count: 3000) {
            let event = ServerSentEvent(type: type, data: String(decoding: data, as: UTF8.self))
            let expected = FastPathOutcome.of { try byValue.decode(event, emit: $0) }
            var got = FastPathOutcome.events([])
            Self.lent(type, data) { lent in got = FastPathOutcome.of { try byLent.decode(lent: lent, emit: $0) } }
            if got != expected { mismatches.append("\(got) ≠ \(expected) for \(event.data.debugDescription)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(3))")
    }

    @Test("The other formats decode a lent event as its value (the default)")
    func otherFormats() {
        let decoders: [() -> any ChatStreamDecoder] = [
            { AnthropicStreamDecoder() }, { GeminiStreamDecoder() }, { ResponsesStreamDecoder() },
            { PlainSSEStreamDecoder() },
        ]
        let data =
            Array(#"{"type":"content_block_delta","delta":{"type":"text_delta","text":"h\#u{e9}"}}"#.utf8) + [0xFF]
        for make in decoders {
            var byValue = make()
            var byLent = make()
            let event = ServerSentEvent(type: "message", data: String(decoding: data, as: UTF8.self))
            let expected = FastPathOutcome.of { try byValue.decode(event, emit: $0) }
            var got = FastPathOutcome.events([])
            Self.lent("message", data) { lent in got = FastPathOutcome.of { try byLent.decode(lent: lent, emit: $0) } }
            #expect(got == expected, "\(type(of: byValue))")
        }
    }
}
