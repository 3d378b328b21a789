import Testing

@testable import TerminalUI

@Suite("Typewriter")
struct TypewriterTests {
    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test("each delta goes out at once; only a word typed mid-line waits")
    func immediate() {
        var typewriter = Typewriter(mode: .terminal, width: 80)
        #expect(text(typewriter.render("Hel")) == "Hel")
        #expect(text(typewriter.render("lo wor")) == "lo")
        #expect(text(typewriter.render("ld")) == "")
        #expect(text(typewriter.render(", again")) == " world,")
        #expect(text(typewriter.finish()) == " again\n")
        #expect(typewriter.column == 0)
    }

    @Test("reasoning is dimmed, on its own lines, with one blank line before the answer")
    func reasoningStyled() {
        var typewriter = Typewriter(mode: .terminal, width: 80, color: true)
        var output = typewriter.render("Let me ", kind: .reasoning)
        output += typewriter.render("think.\n\n", kind: .reasoning)
        output += typewriter.render("\n\nThe answer", kind: .answer)
        output += typewriter.render(" is 42.\n", kind: .answer)
        output += typewriter.finish()
        #expect(text(output) == "\u{1B}[2mLet me think.\u{1B}[0m\n\nThe answer is 42.\n")
    }

    @Test("without colour reasoning is still set apart, and no escape is written")
    func reasoningPlain() {
        var typewriter = Typewriter(mode: .terminal, width: 80, color: false)
        var output = typewriter.render("Hmm", kind: .reasoning)
        output += typewriter.render("Yes.", kind: .answer)
        output += typewriter.finish()
        #expect(text(output) == "Hmm\n\nYes.\n")
    }

    @Test("an answer interrupted by more reasoning starts a new section")
    func sectionsAlternate() {
        var typewriter = Typewriter(mode: .terminal, width: 80, color: false)
        var output = typewriter.render("A", kind: .answer)
        output += typewriter.render("R", kind: .reasoning)
        output += typewriter.render("B", kind: .answer)
        output += typewriter.finish()
        #expect(text(output) == "A\n\nR\n\nB\n")
    }

    @Test("a reply neither starts nor ends with blank lines; paragraphs keep theirs")
    func newlines() {
        let output = Typewriter.output(["\n\nFirst.\n\n", "Second.\n\n\n"], width: 80)
        #expect(text(output) == "First.\n\nSecond.\n")
    }

    @Test("finish resets the style and readies the typewriter for the next reply")
    func finishAndReuse() {
        var typewriter = Typewriter(mode: .terminal, width: 80, color: true)
        var output = typewriter.render("half a thou", kind: .reasoning)
        output += typewriter.finish()
        #expect(text(output) == "\u{1B}[2mhalf a thou\u{1B}[0m\n")
        #expect(text(typewriter.render("next", kind: .answer) + typewriter.finish()) == "next\n")
        #expect(typewriter.finish().isEmpty)
    }

    @Test("escape sequences in the reply are removed in terminal mode, even split across deltas")
    func sanitises() {
        let output = Typewriter.output(["ok \u{1B}", "[2J\u{1B}]52;c;ZXZpbA", "==\u{07}fine\u{9B}31m\r\n"], width: 80)
        #expect(text(output) == "ok fine\n")
    }

    @Test("plain mode writes the text exactly as it comes")
    func plain() {
        var typewriter = Typewriter(mode: .plain(sanitized: false), width: 10, color: true)
        let input = ["a very long line that is not wrapped ", "\u{1B}[31mred\r\n", "thought"]
        var output: [UInt8] = []
        output += typewriter.render(input[0])
        output += typewriter.render(input[1])
        output += typewriter.render(input[2], kind: .reasoning)
        output += typewriter.finish()
        #expect(text(output) == input.joined())
    }

    @Test("plain mode sanitises when asked, without wrapping or styles")
    func plainSanitized() {
        var typewriter = Typewriter(mode: .plain(sanitized: true), width: 10, color: true)
        let output =
            typewriter.render("a long line, not wrapped \u{1B}[31mred\u{1B}", kind: .reasoning)
            + typewriter.render("[0m\r\n")
            + typewriter.finish()
        #expect(text(output) == "a long line, not wrapped red\n")
    }

    @Test("raw mode passes bytes untouched")
    func raw() {
        var typewriter = Typewriter(mode: .raw, width: 10, color: true)
        let input = "\u{1B}[2J\u{07}\r anything at all, unwrapped"
        #expect(text(typewriter.render(input) + typewriter.finish()) == input)
    }

    @Test("the render(into:) form appends to the caller's buffer")
    func renderInto() {
        var typewriter = Typewriter(mode: .terminal, width: 80)
        var buffer: [UInt8] = Array("> ".utf8)
        typewriter.render("hi", into: &buffer)
        #expect(text(buffer) == "> hi")
    }

    @Test("a long reply renders every token (its speed is measured in Benchmarks)", .timeLimit(.minutes(1)))
    func performance() {
        var typewriter = Typewriter(mode: .terminal, width: 80, color: true)
        let tokens = [" The", " quick", " brown", " fox", " jumps", " over", " 日本", " 👍🏽", ".\n", " lazy", " dog"]
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        var total = 0
        for index in 0..<200_000 {
            buffer.removeAll(keepingCapacity: true)
            typewriter.render(tokens[index % tokens.count], kind: .answer, into: &buffer)
            total += buffer.count
        }
        #expect(total > 200_000)
    }
}
