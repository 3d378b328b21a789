import Foundation
import SSE
import TestSupport
import Testing

@testable import ChatWire

/// The OpenAI fast path resumes a chunk that starts with the last accepted chunk's bytes before `choices` (a stream's
/// `id`, `object`, `created` and `model` repeat in every chunk). Whatever came before, each chunk must decode as the
/// full decoder decodes it alone.
@Suite("OpenAI fast path: a repeated prefix is not scanned again")
struct OpenAIPrefixResumeTests {
    /// A stream of chunks: mostly one chunk's prefix with other chunks' `choices` and after, sometimes a new prefix,
    /// a prefix changed by a byte, or a chunk with no `choices` key where the prefix ends.
    private static func stream(seed: UInt64, count: Int) -> [String] {
        var generator = ChunkGenerator(seed: seed)
        var chunks: [String] = []
        var head = ""
        while chunks.count < count {
            let chunk = generator.openAIChunk()
            guard let split = chunk.range(of: "\"choices\":") else {
                chunks.append(chunk)
                continue
            }
            if head.isEmpty || generator.random.chance(10) { head = String(chunk[..<split.upperBound]) }
            var next = head + chunk[split.upperBound...]
            if generator.random.chance(5), !head.isEmpty {
                // One byte of the known prefix changed: it must not be taken for the prefix.
                var bytes = Array(next.utf8)
                let index = Int.random(in: 0..<head.utf8.count, using: &generator.random)
                bytes[index] = generator.random.pick([0x20, 0x22, 0x2C, 0x30, 0x61, 0x7B, 0x7D])
                next = String(decoding: bytes, as: UTF8.self)
            }
            chunks.append(next)
        }
        return chunks
    }

    @Test(
        "one decoder over a stream decodes every chunk as the full decoder does",
        arguments: [21, 22, 23] as [UInt64]
    )
    func streamOfChunks(seed: UInt64) {
        var decoder = OpenAIStreamDecoder()
        var prefix: OpenAIChunkFastPath.Prefix?
        var resumed = 0
        var mismatches: [String] = []
        let chunks = Self.stream(seed: seed, count: 3000)
        for data in chunks {
            let full = FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }
            let blank = data.utf8.allSatisfy { [0x20, 0x0A, 0x0D, 0x09].contains($0) }
            let viaDecoder = FastPathOutcome.of { try decoder.decode(ServerSentEvent(data: data), emit: $0) }
            if viaDecoder != (blank ? .events([]) : full) {
                mismatches.append("decoder \(viaDecoder) ≠ full \(full) for \(data.debugDescription)")
            }
            // The fast path alone, with the prefix it keeps: counted when it resumes, checked when it answers.
            var copy = data
            var events: [ChatEvent] = []
            let handled = copy.withUTF8 { buffer in
                let bytes = UnsafeRawBufferPointer(buffer)
                if prefix?.starts(bytes) == true { resumed += 1 }
                return OpenAIChunkFastPath.decode(bytes, prefix: &prefix) { events.append($0) }
            }
            if handled, full != .events(events) {
                mismatches.append("fast \(events) ≠ full \(full) for \(data.debugDescription)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(3))")
        // The resumed path must be exercised: a good share resume (the generator's odd and broken chunks do not).
        #expect(resumed * 4 > chunks.count, "resumed only \(resumed) of \(chunks.count)")
    }

    @Test("a chunk that only starts like the prefix, or is the prefix alone, is scanned whole")
    func prefixLookalikes() {
        let head = #"{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":"#
        var decoder = OpenAIStreamDecoder()
        let cases: [(String, FastPathOutcome)] = [
            (head + #"[{"index":0,"delta":{"content":"a"}}]}"#, .events([.text("a")])),
            (head + #"[{"index":0,"delta":{"content":"b"}}]}"#, .events([.text("b")])),
            (head, FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(head, emit: $0) }),
            (head + "[]", FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(head + "[]", emit: $0) }),
            (
                head + #"[],"choices":[]}"#,
                FastPathOutcome.of { try OpenAIStreamDecoder.decodeFull(head + #"[],"choices":[]}"#, emit: $0) }
            ),
            (
                #"{"id":"chatcmpl-2","object":"chat.completion.chunk","model":"m","choices":[{"delta":{"content":"c"}}]}"#,
                .events([.text("c")])
            ),
            (
                head + #"[{"index":0,"delta":{"content":"d"}}],"error":{"message":"x"}}"#,
                FastPathOutcome.of {
                    try OpenAIStreamDecoder.decodeFull(
                        head + #"[{"index":0,"delta":{"content":"d"}}],"error":{"message":"x"}}"#,
                        emit: $0
                    )
                }
            ),
        ]
        for (data, expected) in cases {
            let outcome = FastPathOutcome.of { try decoder.decode(ServerSentEvent(data: data), emit: $0) }
            #expect(outcome == expected, "\(data)")
        }
    }
}
