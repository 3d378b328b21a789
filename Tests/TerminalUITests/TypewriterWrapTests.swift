import Testing

@testable import TerminalUI

@Suite("Typewriter word wrap")
struct TypewriterWrapTests {
    static let prose = """
        Server-Sent Events let a server push a stream of text to the client over one long HTTP response. \
        Each event is a block of lines: data lines carry the payload, and an empty line ends the event. \
        A chat model streams its reply this way, a few characters at a time, so the client can show the \
        answer while it is still being written.

        Wrapping has to happen on the fly: the renderer cannot go back and move a word that it already \
        printed, so it holds back only the word being typed until it knows whether that word fits.
        """

    static let mixed = """
        The word 日本語 means Japanese; 한국어 is Korean. Emoji: 👍🏽 🇫🇷 👨‍👩‍👧‍👦 ❤️ and text. \
        中文文本没有空格所以每个字都可以换行这是一个很长的句子用来测试换行 done. \
        A URL like https://example.com/a/very/long/path/that/does/not/fit/anywhere is broken hard.
        """

    @Test("visible lines never exceed the width", arguments: [10, 20, 40, 80])
    func linesFit(width: Int) {
        for text in [Self.prose, Self.mixed] {
            for line in Screen.lines(Typewriter.output([text], width: width, color: true)) {
                #expect(DisplayWidth.of(line) <= width, "\(line)")
            }
        }
    }

    @Test("words are not split unless longer than the width", arguments: [10, 20, 40, 80])
    func wordsStayWhole(width: Int) {
        let lines = Screen.lines(Typewriter.output([Self.prose], width: width))
        let outputWords = lines.flatMap { $0.split(separator: " ").map(String.init) }
        let inputWords = Self.prose.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var expected: [String] = []
        for word in inputWords {
            if DisplayWidth.of(word) <= width {
                expected.append(word)
            } else {
                var piece = ""
                for character in word {
                    if DisplayWidth.of(piece) + DisplayWidth.of(character) > width {
                        expected.append(piece)
                        piece = ""
                    }
                    piece.append(character)
                }
                expected.append(piece)
            }
        }
        #expect(outputWords == expected)
    }

    @Test("a line is broken only when the next word does not fit", arguments: [10, 20, 40, 80])
    func greedy(width: Int) {
        let lines = Screen.lines(Typewriter.output([Self.prose], width: width))
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
            let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(DisplayWidth.of(line) + 1 + DisplayWidth.of(nextWord) > width, "\(line) | \(next)")
        }
    }

    @Test("no text is lost or added", arguments: [10, 20, 40, 80])
    func contentKept(width: Int) {
        for text in [Self.prose, Self.mixed] {
            let output = Screen.lines(Typewriter.output([text], width: width)).joined(separator: "\n")
            #expect(output.filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
        }
    }

    @Test("different delta splits give the same bytes", arguments: [10, 20, 40, 80])
    func splitsAgree(width: Int) {
        for text in [Self.prose, Self.mixed] {
            let whole = Typewriter.output([text], width: width, color: true)
            #expect(Typewriter.output(Split.scalars(text), width: width, color: true) == whole)
            #expect(Typewriter.output(text.map { String($0) }, width: width, color: true) == whole)
            for seed in 0..<8 {
                let pieces = Split.random(text, seed: UInt64(seed * 31 + width))
                #expect(Typewriter.output(pieces, width: width, color: true) == whole, "seed \(seed)")
            }
        }
    }

    @Test("a split at every offset gives the same bytes")
    func everyOffset() {
        let text = "Héllo wörld, 日本 👍🏽 🇫🇷 a\u{1B}[31mb\u{1B}]8;;x\u{07}c\r\nnext\tline ❤️ end"
        let whole = Typewriter.output([text], width: 12)
        for offset in 0...text.unicodeScalars.count {
            #expect(Typewriter.output(Split.at(offset, text), width: 12) == whole, "offset \(offset)")
        }
    }

    @Test("a word longer than the line is hard-broken at the width")
    func hardBreak() {
        let output = Typewriter.output(["abcdefghijklmnopqrstuvwxyz"], width: 10)
        #expect(String(decoding: output, as: UTF8.self) == "abcdefghij\nklmnopqrst\nuvwxyz\n")
        let midLine = Typewriter.output(["hi abcdefghijklmno"], width: 10)
        #expect(String(decoding: midLine, as: UTF8.self) == "hi\nabcdefghij\nklmno\n")
    }

    @Test("CJK breaks between characters and a wide character never straddles the edge")
    func wideCharacters() {
        let cjk = Typewriter.output(["中文字符测试中文字符测试"], width: 10)
        #expect(String(decoding: cjk, as: UTF8.self) == "中文字符测\n试中文字符\n测试\n")
        let odd = Typewriter.output(["aaaaaaaa中"], width: 9)
        #expect(String(decoding: odd, as: UTF8.self) == "aaaaaaaa\n中\n")
    }

    @Test("an emoji and its VS16 in different deltas are measured as one two-cell character")
    func splitCluster() {
        let whole = Typewriter.output(["abcdefgh ❤️ x"], width: 10)
        let split = Typewriter.output(["abcdefgh ❤", "\u{FE0F} x"], width: 10)
        #expect(split == whole)
        #expect(String(decoding: whole, as: UTF8.self) == "abcdefgh\n❤️ x\n")
    }

    @Test("a character in the last cell that a VS16 widens moves to the next line whole")
    func vs16AtTheEdge() {
        // Found by fuzzing (Fuzz/Corpus/line-wrapper/regression-vs16-edge): the heart took the last cell, and
        // the VS16 that made it two cells wide pushed the line one cell past the width.
        let whole = Typewriter.output(["123456789❤\u{FE0F} x"], width: 10)
        #expect(Typewriter.output(["123456789❤", "\u{FE0F} x"], width: 10) == whole)
        let screen = ScreenModel.screen(whole, width: 10)
        #expect(screen.violations.isEmpty, "\(screen.violations)")
        #expect(screen.lines == ["123456789", "❤️ x", ""])
    }

    @Test("a mark after flush joins its character on screen instead of starting the next word")
    func markAfterFlush() {
        // Found by fuzzing (Fuzz/Corpus/line-wrapper/regression-mark-after-flush): the mark began a held word,
        // which moved to the next line without the character the mark belongs to.
        var wrapper = LineWrapper(width: 8)
        var output: [UInt8] = []
        for scalar in "ab e".unicodeScalars { wrapper.append(scalar, to: &output) }
        wrapper.flush(to: &output)
        for scalar in "\u{301}fghijk".unicodeScalars { wrapper.append(scalar, to: &output) }
        wrapper.endLine(to: &output)
        let screen = ScreenModel.screen(output, width: 8)
        #expect(screen.violations.isEmpty, "\(screen.violations)")
        #expect(screen.lines == ["ab e\u{301}", "fghijk", ""])
    }

    @Test("tabs expand to the next multiple of 8 and indentation is kept")
    func tabsAndIndent() {
        let output = Typewriter.output(["a\tb\ncode:\n    let x = 1\n\tdone"], width: 40)
        #expect(String(decoding: output, as: UTF8.self) == "a       b\ncode:\n    let x = 1\n        done\n")
    }

    @Test("spaces at a soft break are dropped, not carried to the next line")
    func spacesAtBreak() {
        let output = Typewriter.output(["aaaa  bbbb   cccc"], width: 10)
        #expect(String(decoding: output, as: UTF8.self) == "aaaa  bbbb\ncccc\n")
    }

    @Test("a new width applies at once while the current line is still empty")
    func resizeOnEmptyLine() {
        var typewriter = Typewriter(mode: .terminal, width: 80)
        typewriter.resize(width: 10)
        #expect(typewriter.width == 10)
        var output = typewriter.render("one two three four")
        output += typewriter.finish()
        #expect(Screen.lines(output) == ["one two", "three four"])
    }

    @Test("a new width applies from the next line")
    func resize() {
        var typewriter = Typewriter(mode: .terminal, width: 20)
        var output = typewriter.render("one two three four five")
        typewriter.resize(width: 10)
        #expect(typewriter.width == 20)
        output += typewriter.render(" six seven eight nine")
        output += typewriter.finish()
        #expect(typewriter.width == 10)
        // "five" was already on the second line when the width changed, so that line keeps 20 columns.
        #expect(Screen.lines(output) == ["one two three four", "five six seven eight", "nine"])
    }
}
