import TestSupport
import Testing

@testable import TerminalUI

/// The reply renderer's fast paths against its general path: random Markdown-like replies (prose, every inline and
/// block marker, CJK, emoji, tabs, controls) at random widths, colour on and off, Markdown on (and off: the
/// typewriter), in random pieces with and without stalls, must give the same bytes with the fast paths on and off.
@Suite("Fast paths write exactly what the general path writes")
struct FastPathDifferentialTests {
    static let tokens = [
        "word", "prose", "a", "x1", "snake_case", "2*3", " ", " ", " ", "  ", "\n", "\n", "\n\n", "*", "**", "_", "__",
        "~~", "`", "``", "\\", "\\*", "[", "]", "](", ")", "(", "!", "![", "<", ">", "<https://a.b>", "&", "&amp;",
        "&#35;", ";", "#", "## ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "| ", " | ", "|---|---|", "---", "```",
        "```swift",
        "~~~", "    ", "\t", "-", "=", ":", "http://x.y/z", "你好", "世界", "🦊", "❤️", "❤", "\u{FE0F}", "e\u{301}",
        "\u{1B}[31m", "\u{7}", "\r\n", "<think>", "</think>", "[ ] ", "[x] ", "averyveryverylongwordthatwraps",
    ]

    static func reply(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...120, using: &generator)
        return (0..<count).map { _ in tokens.randomElement(using: &generator)! }.joined()
    }

    static func render(
        _ pieces: [String],
        width: Int,
        color: Bool,
        markdown: Bool,
        ticks: Bool,
        fast: Bool
    ) -> [UInt8] {
        var renderer = ReplyRenderer(.init(mode: .terminal, color: color, columns: width, markdown: markdown))
        renderer.usesFastPaths = fast
        var playback = RendererPlayback(renderer, ticks: ticks)
        for piece in pieces { playback.text(piece) }
        return playback.finish()
    }

    @Test("a character LinkSyntax.extends allows leaves a link incomplete in the same part, as matching again says")
    func linkParts() {
        let alphabet: [Unicode.Scalar] = ["[", "]", "(", ")", "<", ">", "\\", "\"", "'", " ", "a", "!", "/", ":", "é"]
        var generator = SeededGenerator(seed: 0x11AC)
        var checked = 0
        for _ in 0..<20_000 {
            var text: [Unicode.Scalar] = ["["]
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text.append(alphabet.randomElement(using: &generator)!)
            }
            guard case .incomplete(let part) = LinkSyntax.match(text) else { continue }
            for scalar in alphabet where LinkSyntax.extends(part, with: scalar) {
                #expect(LinkSyntax.match(text + [scalar]) == .incomplete(part), "\(text) + \(scalar)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    @Test("lines of only spaces and tabs held a byte at a time, then decided: the same bytes as the general path")
    func blankLineStarts() {
        Self.expectHeldLinesAgree(
            ["      \t  # heading", "   \t", "      code", "  - item", " > quote", "\t\t", "   "],
            after: ["Text\n", "Text\n\n", "- item\n", "```\nx\n"]
        )
    }

    @Test("lines of a rule or quote marker and blanks held a byte at a time, then decided: as the general path")
    func markerLineStarts() {
        let lines = [
            ">", "> > >", ">>>>", "> >    > x", "> >     >", ">\t>", "   > >", "    > >", "> > > x", ">  >   >    >",
            "- - - - -", "* * *", "***x", "- -  x", "-\t-", "_ _ _", "_ x", "__init__", "___", "= = =", "===",
            "====x", "  ---", "   * * foo", "- ", "+ + +", "-    - x", "*\t*\t*", "--- -- -", "_\t_",
        ]
        Self.expectHeldLinesAgree(lines, after: ["Text\n", "Text\n\n", "- item\n", "> quote\n", ""])
    }

    /// Each line after each block, fed one scalar at a time (so its start is held byte by byte), at widths 20 and 80:
    /// the fast paths write what the general path writes.
    private static func expectHeldLinesAgree(_ lines: [String], after blocks: [String]) {
        for line in lines {
            for before in blocks {
                let text = before + line + "\nafter\n"
                let pieces = text.unicodeScalars.map { String($0) }
                for width in [20, 80] {
                    let fast = render(pieces, width: width, color: true, markdown: true, ticks: false, fast: true)
                    let general = render(pieces, width: width, color: true, markdown: true, ticks: false, fast: false)
                    #expect(RenderGoldenTests.difference(fast, general) == nil, "\(text.debugDescription) at \(width)")
                }
            }
        }
    }

    @Test("a link match resumed as the text grows says at each step what matching it from the start says")
    func linkScanResumes() {
        let alphabet: [Unicode.Scalar] = ["[", "]", "(", ")", "<", ">", "\\", "\"", "'", " ", "a", "!", "/", ":", "é"]
        var generator = SeededGenerator(seed: 0x5CA7)
        var decided = 0
        for _ in 0..<20_000 {
            var text: [Unicode.Scalar] = Bool.random(using: &generator) ? ["["] : ["!", "["]
            var scan = LinkSyntax.Scan()
            var result = scan.resume(text)
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                guard case .incomplete = result else { break }
                text.append(alphabet.randomElement(using: &generator)!)
                // Some steps are not matched (the styler skips those a part's characters leave incomplete).
                guard Int.random(in: 0..<3, using: &generator) > 0 else { continue }
                result = scan.resume(text)
                #expect(result == LinkSyntax.match(text), "\(text)")
                if case .incomplete = result {} else { decided += 1 }
            }
        }
        #expect(decided > 5_000)
    }

    @Test("isPlainProse's bit masks: printable ASCII but the characters that may start markup, and nothing else")
    func plainProseBytes() {
        let markup = Set("*_~`\\[!<&".utf8)
        for byte in UInt8.min...UInt8.max {
            let plain = byte >= 0x20 && byte < 0x7F && !markup.contains(byte)
            #expect(InlineStyler.isPlainProse(byte) == plain, "byte \(byte)")
        }
    }

    @Test("flankingClass's ASCII bit masks: Unicode's White_Space, and the punctuation and symbol categories")
    func flankingClasses() {
        let punctuation: Set<Unicode.GeneralCategory> = [
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
        ]
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let (space, isPunctuation) = InlineStyler.flankingClass(scalar)
            #expect(space == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(isPunctuation == punctuation.contains(scalar.properties.generalCategory), "U+\(value)")
        }
    }

    @Test(
        "line starts held whole (a long fence, a fence indented in a paragraph and its deeper rows) as byte by byte",
        arguments: [
            "````\ncode\n```\nafter\n", "text\n     ```\n      x\n        y\n   ```\nz",
            "- a\n  ~~~~ info\n       q\n~~~",
            "1.       x\n-    [ ] y\n- - -\n+ + + z\n* * *x\n####### h\n### h\n", "> > ```\n>     x\n",
        ]
    )
    func wholeLineStarts(text: String) {
        for width in [20, 80] {
            for pieces in [[text], Split.random(text, seed: 7, maxPiece: 64), text.map { String($0) }] {
                let fast = Self.render(pieces, width: width, color: true, markdown: true, ticks: false, fast: true)
                let general = Self.render(pieces, width: width, color: true, markdown: true, ticks: false, fast: false)
                #expect(RenderGoldenTests.difference(fast, general) == nil, "\(text.debugDescription) at \(width)")
            }
        }
    }

    @Test("3000 random replies in pieces of up to 64 scalars: the same bytes with the fast paths on and off")
    func randomLongPieces() {
        var generator = SeededGenerator(seed: 0x10_64)
        for _ in 0..<3000 {
            let text = Self.reply(&generator)
            let width = Int.random(in: 2...100, using: &generator)
            let color = Bool.random(using: &generator)
            let pieces = Split.random(text, seed: generator.next(), maxPiece: 64)
            let fast = Self.render(pieces, width: width, color: color, markdown: true, ticks: false, fast: true)
            let general = Self.render(pieces, width: width, color: color, markdown: true, ticks: false, fast: false)
            #expect(RenderGoldenTests.difference(fast, general) == nil, "\(text.debugDescription) at \(width)")
        }
    }

    @Test("the 8-byte tests: printable ASCII and plain prose runs measured a word at a time, as byte by byte")
    func byteWords() {
        // Mostly plain prose, some markup, controls, DEL and bytes of UTF-8 sequences.
        let alphabet = Array("abc XYZ.,:;019()\"'#*_~`\\[!<&]>".utf8) + [0x00, 0x09, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]
        var generator = SeededGenerator(seed: 0xB17E)
        for _ in 0..<50_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0
                    ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0x61...0x7A, using: &generator)
            }
            bytes.withUnsafeBufferPointer { buffer in
                let start = buffer.isEmpty ? 0 : Int.random(in: 0..<buffer.count, using: &generator)
                var printable = start
                while printable < buffer.count, buffer[printable].isPrintableASCII { printable += 1 }
                #expect(buffer.printableASCIIEnd(from: start) == printable, "\(bytes) from \(start)")
                var plain = 0
                while plain < buffer.count, InlineStyler.isPlainProse(buffer[plain]) { plain += 1 }
                #expect(InlineStyler.plainProsePrefix(of: buffer) == plain, "\(bytes)")
            }
        }
    }

    @Test(
        "runs the styler settles again within a piece (no snapshot taken) beside unclosed openers, as the general path"
    )
    func runsSettledWithinAPiece() {
        let tokens = [
            "**", "*", "***", "_", "__", "~~", "~", "~~~", "`", "``", "word", "a", "b1", " ", " ", ",", ".", ":",
            "[x](u)",
            "[", "<", "&", "\\", "\n", "\n\n", "snake_case", "你好", "(",
        ]
        var generator = SeededGenerator(seed: 0x5E77)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...40, using: &generator)
            let text = (0..<count).map { _ in tokens.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 8...100, using: &generator)
            for pieces in [[text], Split.random(text, seed: generator.next(), maxPiece: 64)] {
                let fast = Self.render(pieces, width: width, color: true, markdown: true, ticks: false, fast: true)
                let general = Self.render(pieces, width: width, color: true, markdown: true, ticks: false, fast: false)
                #expect(RenderGoldenTests.difference(fast, general) == nil, "\(text.debugDescription) at \(width)")
            }
        }
    }

    @Test("links matched in place from the bytes at hand, complete or not, beside held ones: as the general path")
    func linksInPlace() {
        let long = String(repeating: "x", count: 60)
        let tokens = [
            "[", "![", "]", "](", "(", ")", "<", ">", "\\", "\"", "'", " ", "  ", "a", "b c", "http://x.y/z", long,
            "[a](http://x.y/z)", "[a b](<u v> \"t\")", "[é](u)", "[x](mailto:a@b.c)", "[u](u)", "(p)", "**", "*",
            "`", "你", "\n", "\n\n", "&amp;",
        ]
        // A link cut by a piece's end after one that failed: the match in progress is the cut link's own.
        let cut = ["[ab] x [c](d", " \"t\") f\n"]
        #expect(
            RenderGoldenTests.difference(
                Self.render(cut, width: 80, color: true, markdown: true, ticks: false, fast: true),
                Self.render(cut, width: 80, color: true, markdown: true, ticks: false, fast: false)
            ) == nil
        )
        Self.expectTokenRepliesAgree(tokens, seed: 0x11_4C, maxTokens: 30, widths: 8...100, randomTicks: false)
    }

    @Test("wide characters whose word ends at once, at row ends, beside styles, marks and joiners: as the general path")
    func wideCharacters() {
        let tokens = [
            "你", "好", "，", "。", "世界", "ｈ", "🦊", "👨", "\u{FE0F}", "\u{200D}", "\u{1F3FB}", "🇫", "🇷", "\u{302A}",
            "\u{301}", "a", "ab", " ", "  ", "**", "*", "`", "~~", "_", "[", "\n", "\n\n", "- ", "> ", "\t",
        ]
        Self.expectTokenRepliesAgree(tokens, seed: 0x3C_4B, maxTokens: 40, widths: 2...24, randomTicks: true)
    }

    /// 3000 replies of up to `maxTokens` random `tokens`, each at a random width in `widths` with colour on or off (and
    /// ticks, when `randomTicks`), whole and in pieces of up to 8 and 64 scalars: the fast paths write what the general
    /// path writes.
    private static func expectTokenRepliesAgree(
        _ tokens: [String],
        seed: UInt64,
        maxTokens: Int,
        widths: ClosedRange<Int>,
        randomTicks: Bool
    ) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...maxTokens, using: &generator)
            let text = (0..<count).map { _ in tokens.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: widths, using: &generator)
            let color = Bool.random(using: &generator)
            let ticks = randomTicks && Bool.random(using: &generator)
            let splits = [8, 64].map { Split.random(text, seed: generator.next(), maxPiece: $0) }
            for pieces in [[text]] + splits {
                let fast = render(pieces, width: width, color: color, markdown: true, ticks: ticks, fast: true)
                let general = render(pieces, width: width, color: color, markdown: true, ticks: ticks, fast: false)
                #expect(RenderGoldenTests.difference(fast, general) == nil, "\(text.debugDescription) at \(width)")
            }
        }
    }

    @Test("3000 random replies: the same bytes with the fast paths on and off", arguments: 0..<3)
    func randomReplies(batch: UInt64) {
        var generator = SeededGenerator(seed: 0xFA57 + batch)
        for _ in 0..<1000 {
            let text = Self.reply(&generator)
            let width = Int.random(in: 2...100, using: &generator)
            let color = Bool.random(using: &generator)
            let ticks = Bool.random(using: &generator)
            let markdown = Int.random(in: 0..<4, using: &generator) > 0
            let pieces = Split.random(text, seed: generator.next(), maxPiece: 8)
            let fast = Self.render(pieces, width: width, color: color, markdown: markdown, ticks: ticks, fast: true)
            let general = Self.render(pieces, width: width, color: color, markdown: markdown, ticks: ticks, fast: false)
            #expect(
                RenderGoldenTests.difference(fast, general) == nil,
                "\(text.debugDescription) at \(width), color \(color), markdown \(markdown), ticks \(ticks)"
            )
        }
    }
}
