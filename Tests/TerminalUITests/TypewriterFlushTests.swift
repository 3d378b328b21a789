import TestSupport
import Testing

@testable import TerminalUI

/// `flushHeld`: a word held back mid-line is shown when a frame passes, and moved within its own line if it then
/// outgrows it. Screens are compared through `ScreenModel`, which applies the bytes as a terminal would.
@Suite("Typewriter: showing a held word")
struct TypewriterFlushTests {
    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Replies with reasoning and answer, to run through the typewriter with colour.
    static let sections: [(String, Typewriter.DeltaKind)] = [
        ("Let me think about the question for a moment, it has several long words.\n\n", .reasoning),
        ("The answer is forty-two, unquestionably; supercalifragilistic words wrap too.\n", .answer),
        ("Second paragraph:\n\tindented text and 日本語の文 and 👍🏽 done.", .answer),
    ]

    @Test("a stalled word mid-line shows when flushed, and the rest of it follows at once")
    func stalledWord() {
        var typewriter = Typewriter(mode: .terminal, width: 80)
        #expect(typewriter.heldWordID == nil)
        #expect(text(typewriter.render("Hello wor")) == "Hello")
        #expect(typewriter.heldWordID != nil)
        var output: [UInt8] = []
        typewriter.flushHeld(into: &output)
        #expect(text(output) == " wor")
        #expect(typewriter.heldWordID == nil)
        typewriter.flushHeld(into: &output)
        #expect(text(output) == " wor")
        #expect(text(typewriter.render("ld, again")) == "ld,")
        #expect(text(typewriter.finish()) == " again\n")
    }

    @Test("each word that starts being held gets a new id")
    func heldWordIDs() {
        var typewriter = Typewriter(mode: .terminal, width: 80)
        _ = typewriter.render("one tw")
        let first = typewriter.heldWordID
        _ = typewriter.render("o")
        #expect(typewriter.heldWordID == first)
        _ = typewriter.render(" thr")
        let second = typewriter.heldWordID
        #expect(first != nil && second != nil && first != second)
        _ = typewriter.render("ee ")
        #expect(typewriter.heldWordID == nil)
    }

    @Test(
        "plain and raw modes hold nothing and flush nothing",
        arguments: [Typewriter.Mode.plain(sanitized: true), .raw]
    )
    func plainModes(mode: Typewriter.Mode) {
        var typewriter = Typewriter(mode: mode, width: 10)
        #expect(text(typewriter.render("Hello wor")) == "Hello wor")
        #expect(typewriter.heldWordID == nil)
        var output: [UInt8] = []
        typewriter.flushHeld(into: &output)
        #expect(output.isEmpty)
    }

    @Test("a shown word that fills the line moves from the pending-wrap cell: ESC[2D ESC[K, newline, the word")
    func moveFromFullLine() {
        var typewriter = Typewriter(mode: .terminal, width: 12)
        var output = typewriter.render("The quick br")
        #expect(text(output) == "The quick")
        typewriter.flushHeld(into: &output)
        #expect(text(output) == "The quick br")
        let moved = typewriter.render("own fox")
        #expect(text(moved) == "\u{1B}[2D\u{1B}[K\nbrown")
        output += moved + typewriter.finish()
        #expect(ScreenModel.screen(output, width: 12).lines == ["The quick", "brown fox", ""])
    }

    @Test("a shown word that outgrows a line it does not fill moves back over its space too")
    func moveMidLine() {
        var typewriter = Typewriter(mode: .terminal, width: 12)
        var output = typewriter.render("ab cd")
        typewriter.flushHeld(into: &output)
        #expect(text(output) == "ab cd")
        let moved = typewriter.render("efghijklm")
        #expect(text(moved) == "efghijk\u{1B}[9D\u{1B}[K\ncdefghijklm")
        output += moved + typewriter.finish()
        let screen = ScreenModel.screen(output, width: 12)
        #expect(screen.violations.isEmpty)
        #expect(screen.lines == ["ab", "cdefghijklm", ""])
    }

    @Test("a moved word wider than the new width is hard-broken there, as without the flush")
    func moveAfterResize() {
        for flush in [false, true] {
            var typewriter = Typewriter(mode: .terminal, width: 12)
            var output = typewriter.render("ab cd")
            if flush { typewriter.flushHeld(into: &output) }
            typewriter.resize(width: 4)
            output += typewriter.render("efghijklm no")
            output += typewriter.finish()
            let screen = ScreenModel.screen(output, width: 12)
            #expect(screen.violations.isEmpty)
            #expect(screen.lines == ["ab", "cdef", "ghij", "klm", "no", ""], "flush: \(flush)")
        }
    }

    @Test("random deltas and random flushes leave the same screen, never too wide", arguments: [10, 20, 40, 80])
    func randomFlushes(width: Int) {
        for (index, text) in [TypewriterWrapTests.prose, TypewriterWrapTests.mixed].enumerated() {
            let expected = ScreenModel.screen(Typewriter.output([text], width: width), width: width)
            #expect(expected.violations.isEmpty)
            for seed in 0..<24 {
                let pieces = Split.random(text, seed: UInt64(seed * 97 + width * 7 + index), maxPiece: 5)
                var generator = SeededGenerator(seed: UInt64(seed + 1000 * width))
                let deltas = pieces.map { ($0, Typewriter.DeltaKind.answer) }
                let output = Self.render(deltas, width: width, color: false) { _ in
                    Int.random(in: 0..<3, using: &generator) == 0
                }
                Self.expectSameScreen(output, as: expected, "width \(width), text \(index), seed \(seed)")
            }
        }
    }

    @Test(
        "a flush after every scalar, reasoning and answer in colour, leaves the same screen",
        arguments: [10, 20, 40, 80]
    )
    func flushEverything(width: Int) {
        var typewriter = Typewriter(mode: .terminal, width: width, color: true)
        var plain: [UInt8] = []
        for (text, kind) in Self.sections { typewriter.render(text, kind: kind, into: &plain) }
        typewriter.finish(into: &plain)
        let expected = ScreenModel.screen(plain, width: width)
        #expect(expected.violations.isEmpty)
        let deltas = Self.sections.flatMap { text, kind in Split.scalars(text).map { ($0, kind) } }
        let output = Self.render(deltas, width: width, color: true) { _ in true }
        Self.expectSameScreen(output, as: expected, "width \(width)")
    }

    @Test("after a flush everything received so far is on the screen, once", arguments: [10, 20, 40, 80])
    func allVisible(width: Int) {
        for (index, text) in [TypewriterWrapTests.prose, TypewriterWrapTests.mixed].enumerated() {
            var typewriter = Typewriter(mode: .terminal, width: width)
            var screen = ScreenModel(width: width)
            var received = ""
            for piece in Split.random(text, seed: UInt64(width + index), maxPiece: 6) {
                received += piece
                var output = typewriter.render(piece)
                typewriter.flushHeld(into: &output)
                screen.apply(output)
                let shown = screen.lines.joined().unicodeScalars.filter { $0 != " " }
                let sent = received.unicodeScalars.filter { $0 != " " && $0 != "\n" }
                #expect(String(String.UnicodeScalarView(shown)) == String(String.UnicodeScalarView(sent)))
                #expect(typewriter.heldWordID == nil)
            }
            #expect(screen.violations.isEmpty, "\(screen.violations)")
        }
    }

    /// Renders deltas, calling `flushHeld` after those `flush` picks, then finishes.
    static func render(
        _ deltas: [(String, Typewriter.DeltaKind)],
        width: Int,
        color: Bool,
        flush: (Int) -> Bool
    ) -> [[UInt8]] {
        var typewriter = Typewriter(mode: .terminal, width: width, color: color)
        var chunks: [[UInt8]] = []
        for (index, (text, kind)) in deltas.enumerated() {
            chunks.append(typewriter.render(text, kind: kind))
            if flush(index) {
                var output: [UInt8] = []
                typewriter.flushHeld(into: &output)
                chunks.append(output)
            }
        }
        chunks.append(typewriter.finish())
        return chunks
    }

    /// Applies chunks one by one and checks no line was ever too wide and the final screen and cursor match.
    static func expectSameScreen(_ chunks: [[UInt8]], as expected: ScreenModel, _ comment: String) {
        var screen = ScreenModel(width: expected.width)
        for chunk in chunks { screen.apply(chunk) }
        #expect(screen.violations.isEmpty, "\(comment): \(screen.violations)")
        #expect(screen.lines == expected.lines, "\(comment)")
        #expect(screen.row == expected.row && screen.column == expected.column, "\(comment)")
    }
}
