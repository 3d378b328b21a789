import Markdown
import Testing

@Suite("Split invariance")
struct SplitInvarianceTests {
    @Test("every example gives the same events fed whole, one character at a time, and in random pieces")
    func examplesSplitAnyWay() throws {
        var random = SplitMix64(seed: 0x5EED_CAFE)
        for example in try SpecExample.all() {
            let markdown = example.markdown
            let whole = SpecExample.events([markdown[...]], extensions: example.extensions)
            let scalars = markdown.unicodeScalars.indices.map { index in
                markdown[index..<markdown.unicodeScalars.index(after: index)]
            }
            #expect(SpecExample.events(scalars, extensions: example.extensions) == whole, "\(example.testDescription)")
            for _ in 0..<4 {
                let pieces = Self.randomPieces(markdown, using: &random)
                #expect(
                    SpecExample.events(pieces, extensions: example.extensions) == whole,
                    "\(example.testDescription)"
                )
            }
        }
    }

    /// `text` cut into pieces of 1–8 bytes (at scalar boundaries, so each piece is a valid string).
    static func randomPieces(_ text: String, using random: inout SplitMix64) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.unicodeScalars.startIndex
        while start < text.unicodeScalars.endIndex {
            var end = start
            let budget = Int.random(in: 1...8, using: &random)
            var bytes = 0
            while end < text.unicodeScalars.endIndex, bytes < budget || end == start {
                bytes += UTF8.width(text.unicodeScalars[end])
                end = text.unicodeScalars.index(after: end)
            }
            pieces.append(text[start..<end])
            start = end
        }
        return pieces
    }
}

/// A small seeded generator (SplitMix64) so random splits are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
