import Foundation
import SSE
import Testing

@testable import ChatWire

/// The fast paths read chunks straight from bytes; the full decoders use Foundation. Whenever a fast path accepts a
/// chunk, its events must equal the full decoder's, and the public decoder must always equal the full decoder.
@Suite("Fast path equals the full decoder")
struct FastPathEquivalenceTests {
    private static func fast(
        _ data: String,
        _ decode: (UnsafeRawBufferPointer, (ChatEvent) throws -> Void) throws -> Bool
    ) -> [ChatEvent]? {
        var events: [ChatEvent] = []
        var copy = data
        let handled = copy.withUTF8 { buffer in
            (try? decode(UnsafeRawBufferPointer(buffer)) { events.append($0) }) ?? false
        }
        return handled ? events : nil
    }

    private struct Report {
        var cases = 0
        var fastHits = 0
        var mismatches: [String] = []

        mutating func check(_ data: String, fast: [ChatEvent]?, full: FastPathOutcome, decoder: FastPathOutcome) {
            cases += 1
            if let fast {
                fastHits += 1
                if full != .events(fast) {
                    mismatches.append("fast \(fast) ≠ full \(full) for \(data.debugDescription)")
                }
            }
            // The decoder skips blank data lines (keep-alives) that are no JSON at all.
            let expected = data.utf8.allSatisfy { [0x20, 0x0A, 0x0D, 0x09].contains($0) } ? .events([]) : full
            if decoder != expected {
                mismatches.append("decoder \(decoder) ≠ full \(full) for \(data.debugDescription)")
            }
        }
    }

    @Test("OpenAI chunks", arguments: [1, 2, 3, 4] as [UInt64])
    func openAI(seed: UInt64) {
        var generator = ChunkGenerator(seed: seed)
        var report = Report()
        for _ in 0..<2500 {
            let data = generator.openAIChunk()
            let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
            let fast = Self.fast(data) {
                var alone: OpenAIChunkFastPath.Prefix?
                return try OpenAIChunkFastPath.decode($0, prefix: &alone, emit: $1)
            }
            var decoder = OpenAIStreamDecoder()
            let viaDecoder = FastPathOutcome.of { try decoder.decode(ServerSentEvent(data: data), emit: $0) }
            report.check(data, fast: fast, full: full, decoder: viaDecoder)
        }
        #expect(report.mismatches.isEmpty, "\(report.mismatches.count) mismatches: \(report.mismatches.prefix(5))")
        // The fast path must actually carry the common shapes, not give up on everything.
        #expect(report.fastHits * 2 > report.cases, "fast path took only \(report.fastHits) of \(report.cases)")
    }

    @Test("Anthropic content_block_delta events", arguments: [11, 12] as [UInt64])
    func anthropic(seed: UInt64) {
        var generator = ChunkGenerator(seed: seed)
        var report = Report()
        for _ in 0..<2500 {
            let data = generator.anthropicDelta()
            let event = ServerSentEvent(type: "content_block_delta", data: data)
            var fullDecoder = AnthropicStreamDecoder()
            let full = FastPathOutcome.of { try fullDecoder.decodeFull(event, emit: $0) }
            let fast = Self.fast(data) { try AnthropicDeltaFastPath.decode($0, emit: $1) }
            var decoder = AnthropicStreamDecoder()
            let viaDecoder = FastPathOutcome.of { try decoder.decode(event, emit: $0) }
            report.check(data, fast: fast, full: full, decoder: viaDecoder)
        }
        #expect(report.mismatches.isEmpty, "\(report.mismatches.count) mismatches: \(report.mismatches.prefix(5))")
        #expect(report.fastHits * 2 > report.cases, "fast path took only \(report.fastHits) of \(report.cases)")
    }

    @Test("Gemini chunks, and the usage each path keeps", arguments: [31, 32, 33] as [UInt64])
    func gemini(seed: UInt64) {
        var generator = ChunkGenerator(seed: seed)
        var report = Report()
        let earlier = ChatUsage(promptTokens: 1, completionTokens: 2, totalTokens: 3)
        for _ in 0..<2500 {
            let data = generator.geminiChunk()
            // Both paths start from a usage an earlier chunk reported, which the end reports unless replaced.
            var fastUsage: ChatUsage? = earlier
            var fullUsage: ChatUsage? = earlier
            let fullAfterEarlier = FastPathOutcome.of {
                try GeminiStreamDecoder.decodeChunks(data, usage: &fullUsage, emit: $0)
            }
            let fast = Self.fast(data) { try GeminiChunkFastPath.decode($0, usage: &fastUsage, emit: $1) }
            var fullDecoder = GeminiStreamDecoder()
            let full = FastPathOutcome.of { try fullDecoder.decodeFull(data, emit: $0) }
            var decoder = GeminiStreamDecoder()
            let viaDecoder = FastPathOutcome.of { try decoder.decode(ServerSentEvent(data: data), emit: $0) }
            report.check(data, fast: nil, full: full, decoder: viaDecoder)
            if let fast {
                report.fastHits += 1
                if fullAfterEarlier != .events(fast) {
                    report.mismatches.append("fast \(fast) ≠ full \(fullAfterEarlier) for \(data.debugDescription)")
                }
            }
            if fast == nil ? fastUsage != earlier : fastUsage != fullUsage {
                report.mismatches.append("usage \(String(describing: fastUsage)) ≠ \(String(describing: fullUsage))")
            }
        }
        #expect(report.mismatches.isEmpty, "\(report.mismatches.count) mismatches: \(report.mismatches.prefix(5))")
        #expect(report.fastHits * 2 > report.cases, "fast path took only \(report.fastHits) of \(report.cases)")
    }

    @Test(
        "The chunks Gemini sends take the fast path",
        arguments: ["gemini-plain.sse", "gemini-thinking.sse", "gemini-max-tokens.sse", "gemini-cut.sse"]
    )
    func geminiFixturesTakeTheFastPath(fixture: String) throws {
        let text = String(decoding: try Transcript.fixture(fixture), as: UTF8.self)
        let chunks = text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }
        #expect(!chunks.isEmpty)
        for chunk in chunks {
            var usage: ChatUsage?
            #expect(Self.fast(String(chunk)) { try GeminiChunkFastPath.decode($0, usage: &usage, emit: $1) } != nil)
        }
    }

    @Test("Responses output_text.delta events", arguments: [31, 32, 33] as [UInt64])
    func responses(seed: UInt64) {
        var generator = ChunkGenerator(seed: seed)
        var report = Report()
        var sequenceMismatches: [String] = []
        for _ in 0..<2500 {
            let data = generator.responsesTextDelta()
            let event = ServerSentEvent(type: "response.output_text.delta", data: data)
            var fullDecoder = ResponsesStreamDecoder()
            let full = FastPathOutcome.of { try fullDecoder.decodeFull(event, emit: $0) }
            var scanned: ResponsesTextDeltaFastPath.Delta?
            let fast = Self.fast(data) { bytes, emit in
                guard let delta = ResponsesTextDeltaFastPath.scan(bytes) else { return false }
                scanned = delta
                if !delta.text.isEmpty { try emit(.text(delta.text)) }
                return true
            }
            if let scanned {
                let parsed = try? ChunkJSON.decode(ResponsesStreamEvent.self, from: data)
                if parsed?.sequenceNumber != scanned.sequenceNumber {
                    sequenceMismatches.append("\(scanned) ≠ \(String(describing: parsed?.sequenceNumber)) for \(data)")
                }
            }
            var decoder = ResponsesStreamDecoder()
            let viaDecoder = FastPathOutcome.of { try decoder.decode(event, emit: $0) }
            report.check(data, fast: fast, full: full, decoder: viaDecoder)
        }
        #expect(report.mismatches.isEmpty, "\(report.mismatches.count) mismatches: \(report.mismatches.prefix(5))")
        #expect(sequenceMismatches.isEmpty, "\(sequenceMismatches.prefix(5))")
        #expect(report.fastHits * 2 > report.cases, "fast path took only \(report.fastHits) of \(report.cases)")
    }

    @Test(
        "String literals: the unescaper equals Foundation (lone surrogates as U+FFFD)",
        arguments: [21, 22] as [UInt64]
    )
    func stringLiterals(seed: UInt64) throws {
        struct Box: Decodable { var s: String }
        var generator = ChunkGenerator(seed: seed)
        var mismatches: [String] = []
        var valid = 0
        for _ in 0..<3000 {
            let literal = generator.string(invalid: true)
            var copy = literal
            let fast: String? = copy.withUTF8 { buffer in
                var scanner = JSONFastScanner(UnsafeRawBufferPointer(buffer))
                guard let span = scanner.scanString(), scanner.isAtEnd() else { return nil }
                return scanner.string(span)
            }
            let full = try? ChunkJSON.decode(Box.self, from: #"{"s":"# + literal + "}").s
            if let fast {
                valid += 1
                if fast != full {
                    mismatches.append(
                        "\(literal.debugDescription): \(fast.debugDescription) ≠ \(String(describing: full))"
                    )
                }
            } else if full != nil, literal.utf8.allSatisfy({ $0 >= 0x20 }) {
                mismatches.append("scanner refused \(literal.debugDescription), Foundation took it")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(valid > 1500)
    }

    @Test(
        "Lone surrogates become U+FFFD in both paths",
        arguments: [
            (#"\ud800"#, "\u{FFFD}"), (#"\udc00x"#, "\u{FFFD}x"), (#"\ud83d\u0041"#, "\u{FFFD}A"),
            (#"\ud83d\ud83d\ude00"#, "\u{FFFD}😀"), (#"\ude00\ud83d"#, "\u{FFFD}\u{FFFD}"), (#"\\ud800"#, #"\ud800"#),
        ]
    )
    func loneSurrogates(literal: String, expected: String) throws {
        let data = #"{"choices":[{"delta":{"content":"a"# + literal + #""}}]}"#
        let fast = Self.fast(data) {
            var alone: OpenAIChunkFastPath.Prefix?
            return try OpenAIChunkFastPath.decode($0, prefix: &alone, emit: $1)
        }
        let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
        #expect(fast == [.text("a" + expected)])
        #expect(full == .events([.text("a" + expected)]))
    }
}
