import Markdown
import Testing

@Suite("StreamingInlines")
struct StreamingInlinesTests {
    /// The steps for `pieces`, with adjacent text merged (piece boundaries may cut text runs).
    private static func steps(_ pieces: [Substring]) -> [ProvisionalInline] {
        var tokenizer = StreamingInlines()
        var steps: [ProvisionalInline] = []
        for piece in pieces {
            steps += tokenizer.feed(piece)
            #expect(tokenizer.heldCount <= 200)
        }
        steps += tokenizer.finish()
        var merged: [ProvisionalInline] = []
        for step in steps {
            if case .text(let text) = step, case .text(let before)? = merged.last {
                merged[merged.count - 1] = .text(before + text)
            } else {
                merged.append(step)
            }
        }
        return merged
    }

    @Test("a typical reply: text at once, spans as soon as they are decided")
    func typicalReply() {
        let text = "Some *emph* and [a link](https://x.y) `code` &amp; **bold**  \nnext"
        #expect(
            Self.steps([text[...]]) == [
                .text("Some "), .open(.emphasis), .text("emph"), .close(.emphasis), .text(" and "),
                .open(.link(destination: "https://x.y", title: "")), .text("a link"),
                .close(.link(destination: "https://x.y", title: "")), .text(" "), .openCode, .text("code"),
                .closeCode, .text(" & "), .open(.strong), .text("bold"), .close(.strong), .hardBreak, .text("next"),
            ]
        )
    }

    @Test("holds report what they wait for")
    func holds() {
        var tokenizer = StreamingInlines()
        #expect(tokenizer.feed("a *") == [.text("a ")])
        #expect(tokenizer.holding == .delimiterRun)
        #expect(tokenizer.feed("b") == [.open(.emphasis), .text("b")])
        #expect(tokenizer.holding == nil)
        #expect(tokenizer.feed(" [x](") == [.text(" ")])
        #expect(tokenizer.holding == .link)
        #expect(tokenizer.feed("y") == [])
        #expect(tokenizer.feed(" z") == [])
        #expect(tokenizer.feed(")") == [.text("[x](y z)")])
        #expect(tokenizer.finish() == [.close(.emphasis)])
    }

    @Test("a bracket that never becomes a link is released after 200 bytes")
    func boundedLinkHold() {
        var tokenizer = StreamingInlines()
        let first = tokenizer.feed("[" + String(repeating: "a", count: 198))
        #expect(first.isEmpty)
        #expect(tokenizer.heldCount == 199)
        let released = tokenizer.feed("aa")
        #expect(released == [.text("[" + String(repeating: "a", count: 200))])
    }

    @Test("the steps are the same however the text is split")
    func splitInvariance() throws {
        var random = SplitMix64(seed: 7)
        for example in try SpecExample.all() {
            let text = example.markdown
            let whole = Self.steps([text[...]])
            let scalars = text.unicodeScalars.indices.map { text[$0..<text.unicodeScalars.index(after: $0)] }
            #expect(Self.steps(scalars) == whole, "\(example.testDescription)")
            let pieces = SplitInvarianceTests.randomPieces(text, using: &random)
            #expect(Self.steps(pieces) == whole, "\(example.testDescription)")
        }
    }
}
