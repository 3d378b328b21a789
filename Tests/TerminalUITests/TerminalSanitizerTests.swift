import TestSupport
import Testing

@testable import TerminalUI

@Suite("TerminalSanitizer")
struct TerminalSanitizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let expected: String
        var testDescription: String { name }
    }

    static let hostile: [Case] = [
        Case(name: "CSI colour", input: "a\u{1B}[31mred\u{1B}[0mb", expected: "aredb"),
        Case(name: "CSI 256 and truecolour", input: "\u{1B}[38;5;196mx\u{1B}[48;2;1;2;3my", expected: "xy"),
        Case(name: "cursor moves", input: "x\u{1B}[2Ay\u{1B}[10;20Hz\u{1B}[5D", expected: "xyz"),
        Case(name: "clear screen", input: "\u{1B}[2J\u{1B}[Hclean\u{1B}[3J", expected: "clean"),
        Case(name: "private modes", input: "\u{1B}[?1049h\u{1B}[?25lhidden", expected: "hidden"),
        Case(
            name: "OSC 8 link",
            input: "see \u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\ here",
            expected: "see click here"
        ),
        Case(name: "OSC 52 clipboard, BEL", input: "\u{1B}]52;c;cm0gLXJmIH4=\u{07}after", expected: "after"),
        Case(name: "OSC 52 clipboard, ST", input: "\u{1B}]52;c;cm0gLXJmIH4=\u{1B}\\after", expected: "after"),
        Case(name: "title, BEL", input: "\u{1B}]0;pwned\u{07}text", expected: "text"),
        Case(name: "title, ST", input: "\u{1B}]2;pwned\u{1B}\\text", expected: "text"),
        Case(name: "8-bit CSI", input: "a\u{9B}31mb\u{9B}2J", expected: "ab"),
        Case(name: "8-bit OSC with 8-bit ST", input: "\u{9D}0;title\u{9C}ok", expected: "ok"),
        Case(name: "DCS", input: "\u{1B}P1$r0m\u{1B}\\ok", expected: "ok"),
        Case(name: "8-bit DCS", input: "\u{90}q#0;2;0;0;0\u{9C}ok", expected: "ok"),
        Case(name: "SOS, PM, APC", input: "\u{1B}Xs\u{1B}\\1\u{1B}^p\u{1B}\\2\u{1B}_a\u{1B}\\3", expected: "123"),
        Case(name: "two-byte escapes", input: "\u{1B}cA\u{1B}7B\u{1B}8C\u{1B}MD\u{1B}=E", expected: "ABCDE"),
        Case(name: "charset designation", input: "\u{1B}(0lqk\u{1B}(B", expected: "lqk"),
        Case(name: "bare CR", input: "progress\roverwrite", expected: "progressoverwrite"),
        Case(name: "CRLF becomes LF", input: "one\r\ntwo\r\n", expected: "one\ntwo\n"),
        Case(name: "backspace", input: "abc\u{08}\u{08}d", expected: "abcd"),
        Case(name: "BEL", input: "ding\u{07}dong", expected: "dingdong"),
        Case(name: "NUL", input: "a\u{0}b", expected: "ab"),
        Case(name: "DEL", input: "a\u{7F}b", expected: "ab"),
        Case(name: "VT, FF, SO, SI", input: "a\u{0B}b\u{0C}c\u{0E}d\u{0F}e", expected: "abcde"),
        Case(name: "other C1", input: "a\u{85}b\u{84}c\u{9C}d", expected: "abcd"),
        Case(name: "CAN cancels", input: "\u{1B}[31\u{18}x\u{1B}]0;t\u{1A}y", expected: "xy"),
        Case(name: "ESC then newline", input: "\u{1B}\nok", expected: "\nok"),
        Case(name: "ESC inside a string starts a new sequence", input: "\u{1B}]0;t\u{1B}[1mok", expected: "ok"),
        Case(name: "newline and tab survive", input: "a\tb\nc", expected: "a\tb\nc"),
        Case(name: "Unicode survives", input: "héllo 世界 👍🏽 🇫🇷 e\u{301}", expected: "héllo 世界 👍🏽 🇫🇷 e\u{301}"),
    ]

    @Test("hostile input is neutralised", arguments: hostile)
    func neutralises(_ testCase: Case) {
        var sanitizer = TerminalSanitizer()
        let output = sanitizer.sanitize(testCase.input)
        #expect(output == testCase.expected)
        #expect(!holdsControls(output))
        #expect(sanitizer.sanitize("after") == "after", "a sequence was left open")
    }

    @Test("split at every offset gives the same output", arguments: hostile)
    func everySplit(_ testCase: Case) {
        let count = testCase.input.unicodeScalars.count
        for first in 0...count {
            for second in first...count {
                let scalars = Array(testCase.input.unicodeScalars)
                let pieces = [
                    Split.string(scalars[..<first]), Split.string(scalars[first..<second]),
                    Split.string(scalars[second...]),
                ]
                var sanitizer = TerminalSanitizer()
                let output = pieces.map { sanitizer.sanitize($0) }.joined()
                #expect(output == testCase.expected, "split at \(first), \(second)")
            }
        }
    }

    @Test("UTF-8 output matches String output")
    func utf8Output() {
        var sanitizer = TerminalSanitizer()
        var bytes: [UInt8] = []
        for testCase in Self.hostile {
            var input = testCase.input
            input.withUTF8 { sanitizer.sanitize(utf8: $0, into: &bytes) }
        }
        var other = TerminalSanitizer()
        let text = Self.hostile.map { other.sanitize($0.input) }.joined()
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    @Test("a never-ending OSC stops swallowing text at its bound")
    func unterminatedString() {
        var sanitizer = TerminalSanitizer(maxSequenceLength: 16, maxStringLength: 100)
        let payload = String(repeating: "A", count: 100)
        let output = sanitizer.sanitize("\u{1B}]52;c;" + payload + " and the rest of the reply")
        #expect(output.hasSuffix(" and the rest of the reply"))
        #expect(output.count < 40)
        #expect(sanitizer.sanitize("after") == "after", "a sequence was left open")
    }

    @Test("an endless CSI stops at its bound")
    func unterminatedControlSequence() {
        var sanitizer = TerminalSanitizer(maxSequenceLength: 16, maxStringLength: 100)
        let output = sanitizer.sanitize("\u{1B}[" + String(repeating: "1;", count: 20) + "m")
        #expect(!holdsControls(output))
        #expect(output.hasSuffix("m"))
        #expect(sanitizer.sanitize("after") == "after", "a sequence was left open")
    }

    @Test("an open sequence is remembered across calls and forgotten by reset")
    func openSequenceAcrossCalls() {
        var sanitizer = TerminalSanitizer()
        #expect(sanitizer.sanitize("ok \u{1B}]0;ti") == "ok ")
        #expect(sanitizer.sanitize("tle\u{07}done") == "done")
        _ = sanitizer.sanitize("\u{1B}[3")
        sanitizer.reset()
        #expect(sanitizer.sanitize("1mnext") == "1mnext")
    }

    @Test("random mixes of hostile pieces never let a control through, however split", arguments: 0..<40)
    func fuzz(seed: Int) {
        let pieces = [
            "\u{1B}", "[", "]", "31", ";", "m", "\u{07}", "\\", "\u{9B}", "\u{9D}", "\u{9C}", "P", "X", "_", "^",
            "\r", "\n", "\t", "\u{08}", "\u{0}", "\u{7F}", "\u{18}", "text", " ", "世", "👍", "\u{FE0F}", "8", "?",
        ]
        var generator = SeededGenerator(seed: UInt64(seed))
        let text = (0..<60).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
        var whole = TerminalSanitizer()
        let expected = whole.sanitize(text)
        #expect(!holdsControls(expected))
        var split = TerminalSanitizer()
        let output = Split.random(text, seed: UInt64(seed) &+ 1000, maxPiece: 3).map { split.sanitize($0) }.joined()
        #expect(output == expected)
    }

    @Test("singleLine turns newlines and tabs into spaces")
    func singleLine() {
        #expect(TerminalSanitizer.singleLine("bad\u{1B}[2J\nthing\there\r") == "bad thing here")
    }
}
