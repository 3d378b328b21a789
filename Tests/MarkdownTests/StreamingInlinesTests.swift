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
        return merged(steps)
    }

    /// `steps` with adjacent text merged.
    private static func merged(_ steps: [ProvisionalInline]) -> [ProvisionalInline] {
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

    @Test("an image is held like a link; a lone ! only until the next character")
    func images() {
        let image = MarkdownSpan.image(source: "cat.png", title: "")
        #expect(Self.steps(["Hi! ![a cat](cat.png)"]) == [.text("Hi! "), .open(image), .text("a cat"), .close(image)])
    }

    /// Prints how often the provisional steps equal the exact inlines, for spec examples that are one paragraph.
    @Test("provisional steps agree with the exact inlines for most single-paragraph spec examples")
    func agreementWithExactInlines() throws {
        var examples = 0
        var agreeing = 0
        for example in try SpecExample.all() {
            var parser = MarkdownParser(extensions: [.strikethrough])
            var events: [MarkdownEvent] = []
            parser.feed(example.markdown, into: &events)
            var text = parser.paragraphText(from: 0)
            parser.finish(into: &events)
            let paragraphs = events.filter { $0 == .open(.paragraph) }.count
            guard paragraphs == 1, events.first == .open(.paragraph), events.last == .close(.paragraph) else {
                continue
            }
            if text.hasSuffix("\n") {
                text.removeLast()
            }
            var exact: [ProvisionalInline] = []
            for case .inline(let inline) in events {
                switch inline {
                case .text(let text): exact.append(.text(text))
                case .code(let code): exact += [.openCode, .text(code), .closeCode]
                case .softBreak: exact.append(.softBreak)
                case .hardBreak: exact.append(.hardBreak)
                case .open(let span): exact.append(.open(span))
                case .close(let span): exact.append(.close(span))
                }
            }
            examples += 1
            if Self.steps([text[...]]) == Self.merged(exact) {
                agreeing += 1
            }
        }
        print("StreamingInlines agrees with the exact inlines in \(agreeing) of \(examples) single-paragraph examples")
        #expect(agreeing * 100 >= examples * 75)
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
