import Foundation
import SSE
import TestSupport
import Testing

@testable import ChatWire

/// Most chunks of an OpenAI reply are the last chunk's bytes with another `content` string: the fast path keeps the
/// last text-only chunk as a template and decodes a chunk that matches it around one valid string literal without
/// walking it. Whatever the strings and whatever surrounds them, each chunk must decode as the full decoder decodes
/// it alone.
@Suite("OpenAI fast path: a chunk that is the last one with other text")
struct OpenAITemplateTests {
    private static let head = #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":"#
    private static let frame = (head + #"[{"index":0,"delta":{"content":"#, #"},"finish_reason":null}]}"#)
    private static let reasoningFrame = (head + #"[{"index":0,"delta":{"content":null,"reasoning_content":"#, frame.1)

    /// Decodes `data` with the fast path and `prefix`; `nil` when the fast path gives up.
    private static func fast(_ data: String, _ prefix: inout OpenAIChunkFastPath.Prefix?) -> [ChatEvent]? {
        var copy = data
        var events: [ChatEvent] = []
        let handled = copy.withUTF8 { buffer in
            OpenAIChunkFastPath.decode(UnsafeRawBufferPointer(buffer), prefix: &prefix) { events.append($0) }
        }
        return handled ? events : nil
    }

    /// Whether `data` matches the template `prefix` holds.
    private static func matchesTemplate(_ data: String, _ prefix: OpenAIChunkFastPath.Prefix?) -> Bool {
        var copy = data
        return copy.withUTF8 { buffer in
            var scanner = JSONFastScanner(UnsafeRawBufferPointer(buffer))
            switch prefix?.matchTemplate(&scanner) {
            case .text, .reasoning: return true
            default: return false
            }
        }
    }

    @Test("the decoder, template included, fits an existential's inline buffer (three words)")
    func decoderSize() {
        #expect(MemoryLayout<OpenAIStreamDecoder>.size <= 3 * MemoryLayout<Int>.size)
    }

    @Test("chunks that differ in their text alone take the template, whatever the string holds")
    func textOnly() {
        var prefix: OpenAIChunkFastPath.Prefix?
        let texts = [
            #""Hello""#, #"" world""#, #""""#, #""a\"b\\c\n""#, #""\u00e9\ud83d\ude00""#, "\"é 世界 😀\"",
            #""\ud800 lone""#, "\"" + String(repeating: "long ", count: 400) + "\"",
            #""},\"finish_reason\":null}]}""#,
        ]
        var templated = 0
        for (index, text) in texts.enumerated() {
            let data = Self.frame.0 + text + Self.frame.1
            if Self.matchesTemplate(data, prefix) { templated += 1 }
            let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
            #expect(Self.fast(data, &prefix).map { FastPathOutcome.events($0) } == full, "\(data)")
            #expect(prefix?.hasTemplate == true, "no template after chunk \(index)")
        }
        #expect(templated == texts.count - 1)
    }

    @Test("a chunk like the template but for its other bytes, or with no valid string there, is walked")
    func lookalikes() {
        let (before, after) = Self.frame
        let cases = [
            before + #""x","content":"y""# + after,  // a duplicate key after the string
            before + #""x""# + #"},"finish_reason":"stop"}]}"#,  // another tail
            before + #""x""# + after + " ",  // trailing whitespace
            before + #""x""# + String(after.dropLast()),  // a tail cut short
            before + #""x"# + after,  // the string never ends where the tail is
            before + "\"a\u{01}b\"" + after,  // a raw control byte
            before + #""bad \q""# + after,  // an invalid escape
            before + #"null"# + after,  // not a string
            before.replacingOccurrences(of: #""index":0"#, with: #""index":1"#) + #""x""# + after,
            Self.head + #"[{"index":0,"delta":{"reasoning":"#,
        ]
        for data in cases {
            var prefix: OpenAIChunkFastPath.Prefix?
            _ = Self.fast(before + #""seed""# + after, &prefix)
            #expect(prefix?.hasTemplate == true)
            let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
            if let events = Self.fast(data, &prefix) {
                #expect(.events(events) == full, "\(data)")
            }
            var decoder = OpenAIStreamDecoder()
            _ = try? decoder.decode(ServerSentEvent(data: before + #""seed""# + after)) { _ in }
            #expect(FastPathOutcome.of { try decoder.decode(ServerSentEvent(data: data), emit: $0) } == full, "\(data)")
        }
    }

    @Test("a chunk that says more than one string makes no template; one string after it makes a new one")
    func otherShapes() {
        var prefix: OpenAIChunkFastPath.Prefix?
        let (before, after) = Self.frame
        let stop = before + #""end""# + #"},"finish_reason":"stop"}]}"#
        #expect(Self.fast(stop, &prefix) == [.text("end"), .finishReason("stop")])
        #expect(prefix?.hasTemplate == false)
        let both = Self.head + #"[{"index":0,"delta":{"reasoning":"hmm","content":"so"},"finish_reason":null}]}"#
        #expect(Self.fast(both, &prefix) == [.reasoning("hmm"), .text("so")])
        #expect(prefix?.hasTemplate == false)
        #expect(Self.fast(before + #""a""# + after, &prefix) == [.text("a")])
        #expect(prefix?.hasTemplate == true)
        #expect(Self.matchesTemplate(before + #""b""# + after, prefix))
        #expect(!Self.matchesTemplate(stop, prefix))
        #expect(Self.fast(stop, &prefix) == [.text("end"), .finishReason("stop")])
    }

    @Test("reasoning takes a template of its own, in either field, and text after it another")
    func reasoning() {
        var prefix: OpenAIChunkFastPath.Prefix?
        let open = Self.head + #"[{"index":0,"delta":{"#
        let close = #"},"finish_reason":null}]}"#
        let chunks = [
            #""content":null,"reasoning_content":"Let""#, #""content":null,"reasoning_content":" me""#,
            #""content":null,"reasoning_content":"""#, #""content":null,"reasoning_content":" think\n""#,
            #""reasoning":"Other""#, #""reasoning":" field""#, #""reasoning_content":"","reasoning":" both""#,
            #""reasoning_content":"","reasoning":" again""#, #""content":"x","reasoning_content":"y""#,
            #""content":"","reasoning_content":"z""#, #""content":"","reasoning_content":"zz""#,
            #""content":"Answer""#, #""content":" here""#,
        ]
        var templated = 0
        var events: [ChatEvent] = []
        for delta in chunks {
            let data = open + delta + close
            if Self.matchesTemplate(data, prefix) { templated += 1 }
            let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
            let fast = Self.fast(data, &prefix)
            #expect(fast.map { FastPathOutcome.events($0) } == full, "\(data)")
            events += fast ?? []
        }
        #expect(templated == 7)
        #expect(
            events == [
                .reasoning("Let"), .reasoning(" me"), .reasoning(" think\n"), .reasoning("Other"), .reasoning(" field"),
                .reasoning(" both"), .reasoning(" again"), .reasoning("y"), .text("x"), .reasoning("z"),
                .reasoning("zz"), .text("Answer"), .text(" here"),
            ]
        )
    }

    @Test("a stream whose tails vary (OpenAI's obfuscation field) stops trying templates after one miss")
    func varyingTails() {
        var prefix: OpenAIChunkFastPath.Prefix?
        let before = Self.frame.0
        var decoded: [ChatEvent] = []
        for index in 0..<20 {
            let data =
                before + "\"w\(index) \"" + #"},"logprobs":null,"finish_reason":null}],"obfuscation":"#
                + "\"\(index * 7919)\"}"
            let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
            let events = Self.fast(data, &prefix)
            #expect(events.map { FastPathOutcome.events($0) } == full, "\(data)")
            decoded += events ?? []
            // The first chunk makes a template, the second misses it in its tail: none after that.
            #expect(prefix?.hasTemplate == (index == 0), "chunk \(index)")
            #expect(Self.matchesTemplate(data, prefix) == (index == 0))  // chunk 0 is its own template
        }
        #expect(decoded == (0..<20).map { .text("w\($0) ") })
        // A new frame (another prefix) may have a template again.
        let other = Self.head.replacingOccurrences(of: "chatcmpl-1", with: "chatcmpl-2")
        let data = other + #"[{"index":0,"delta":{"content":"x"},"finish_reason":null}]}"#
        #expect(Self.fast(data, &prefix) == [.text("x")])
        #expect(prefix?.hasTemplate == true)
    }

    @Test(
        "a generated stream with a shared frame decodes every chunk as the full decoder does",
        arguments: [7, 8] as [UInt64]
    )
    func generatedStream(seed: UInt64) {
        var generator = ChunkGenerator(seed: seed)
        var decoder = OpenAIStreamDecoder()
        var prefix: OpenAIChunkFastPath.Prefix?
        var templated = 0
        var mismatches: [String] = []
        for _ in 0..<3000 {
            // Mostly the frame around a generated string (valid or not), sometimes a generated chunk of any shape.
            let data =
                generator.random.chance(80)
                ? (generator.random.chance(20) ? Self.reasoningFrame : Self.frame).0
                    + generator.string(invalid: generator.random.chance(5)) + Self.frame.1
                : generator.openAIChunk()
            if Self.matchesTemplate(data, prefix) { templated += 1 }
            let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
            if let events = Self.fast(data, &prefix), full != .events(events) {
                mismatches.append("fast \(events) ≠ full \(full) for \(data.debugDescription)")
            }
            let blank = data.utf8.allSatisfy { [0x20, 0x0A, 0x0D, 0x09].contains($0) }
            let viaDecoder = FastPathOutcome.of { try decoder.decode(ServerSentEvent(data: data), emit: $0) }
            if viaDecoder != (blank ? .events([]) : full) {
                mismatches.append("decoder \(viaDecoder) ≠ full \(full) for \(data.debugDescription)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(3))")
        #expect(templated > 1200, "only \(templated) chunks took a template")
    }
}
