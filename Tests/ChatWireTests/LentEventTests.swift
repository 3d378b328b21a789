import SSE
import TestSupport
import Testing

@testable import ChatWire

/// The chat client decodes events from the parser's buffer (`decode(lent:)`), where the data is raw bytes, not a
/// `String` repaired as UTF-8. Whatever the bytes, each decoder must emit or throw exactly what it does for the event
/// made into a value, chunk after chunk (decoders keep state between events: the OpenAI prefix, usage, sequence
/// numbers).
@Suite("Decoding lent events equals decoding values")
struct LentEventTests {
    /// Chunks from the equivalence tests' generator (`chunk`), a share with bytes that are not UTF-8 put in at random
    /// places (inside strings and out), some `[DONE]` and blank data, and a few other event types.
    private static func events(
        seed: UInt64,
        count: Int,
        type: String,
        chunk: (inout ChunkGenerator) -> String
    ) -> [(type: String, data: [UInt8])] {
        var generator = ChunkGenerator(seed: seed)
        var random = SeededGenerator(seed: seed &+ 0x5EED)
        return (0..<count).map { _ in
            var data = Array(chunk(&generator).utf8)
            if random.chance(25), !data.isEmpty {
                let broken: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
                data.insert(contentsOf: random.pick(broken), at: Int.random(in: 0...data.count, using: &random))
            }
            if random.chance(3) { data = Array(random.pick(["[DONE]", " \n", ""]).utf8) }
            let eventType = random.chance(5) ? random.pick(["error", "ping", "message", "done"]) : type
            return (eventType, data)
        }
    }

    private static func lent(_ type: String, _ data: [UInt8], _ body: (SSELentEvent) -> Void) {
        data.withUnsafeBytes { body(SSELentEvent(type: type, data: $0, eventID: SSEEventID())) }
    }

    /// Feeds the same events to two decoders, one as values and one lent; the mismatches.
    private static func mismatches(
        _ make: () -> any ChatStreamDecoder,
        _ events: [(type: String, data: [UInt8])]
    ) -> [String] {
        var byValue = make()
        var byLent = make()
        var mismatches: [String] = []
        for (type, data) in events {
            let event = ServerSentEvent(type: type, data: String(decoding: data, as: UTF8.self))
            let expected = FastPathOutcome.of { try byValue.decode(event, emit: $0) }
            var got = FastPathOutcome.events([])
            Self.lent(type, data) { lent in got = FastPathOutcome.of { try byLent.decode(lent: lent, emit: $0) } }
            if got != expected { mismatches.append("\(got) ≠ \(expected) for \(type) \(event.data.debugDescription)") }
        }
        return mismatches
    }

    @Test("OpenAI: the same events or error, chunk after chunk", arguments: [1, 2, 3] as [UInt64])
    func openAI(seed: UInt64) {
        let events = Self.events(seed: seed, count: 3000, type: "message") { $0.openAIChunk() }
        let found = Self.mismatches({ OpenAIStreamDecoder() }, events)
        #expect(found.isEmpty, "\(found.count) mismatches: \(found.prefix(3))")
    }

    @Test(
        "Anthropic, Gemini and Responses: the same events or error, chunk after chunk",
        arguments: [1, 2] as [UInt64]
    )
    func otherFastPaths(seed: UInt64) {
        let anthropic = Self.events(seed: seed, count: 2000, type: "content_block_delta") { $0.anthropicDelta() }
        let gemini = Self.events(seed: seed, count: 2000, type: "message") { $0.geminiChunk() }
        let responses = Self.events(seed: seed, count: 2000, type: "response.output_text.delta") {
            $0.responsesTextDelta()
        }
        for (name, found) in [
            ("Anthropic", Self.mismatches({ AnthropicStreamDecoder() }, anthropic)),
            ("Gemini", Self.mismatches({ GeminiStreamDecoder() }, gemini)),
            ("Responses", Self.mismatches({ ResponsesStreamDecoder() }, responses)),
        ] {
            #expect(found.isEmpty, "\(name): \(found.count) mismatches: \(found.prefix(3))")
        }
    }

    @Test("Plain SSE decodes a lent event as its value (the default)")
    func plainSSE() {
        let events = Self.events(seed: 9, count: 500, type: "message") { $0.openAIChunk() }
        let found = Self.mismatches({ PlainSSEStreamDecoder() }, events)
        #expect(found.isEmpty, "\(found.count) mismatches: \(found.prefix(3))")
    }
}
