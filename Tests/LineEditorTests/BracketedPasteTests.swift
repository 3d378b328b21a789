import Testing

@testable import LineEditor

@Suite("BracketedPaste")
struct BracketedPasteTests {
    private static func collect(_ input: String) -> (text: String, complete: Bool, consumed: Int) {
        var paste = BracketedPaste()
        var consumed = 0
        for scalar in input.unicodeScalars {
            consumed += 1
            if paste.feed(scalar) { break }
        }
        return (paste.text, paste.isComplete, consumed)
    }

    @Test(
        "Collects text up to the end marker, normalising line ends and dropping controls",
        arguments: [
            ("plain\u{1B}[201~", "plain"),
            ("a\rb\r\nc\nd\u{1B}[201~", "a\nb\nc\nd"),
            ("\r\n\r\n\u{1B}[201~", "\n\n"),
            ("tab\there\u{1B}[201~", "tab\there"),
            ("red\u{1B}[31m text\u{07}\u{7F}\u{9B}\u{1B}[201~", "red[31m text"),
            ("late \u{1B}[20 marker\u{1B}[201~", "late [20 marker"),
            ("日本語 🙂\u{1B}[201~", "日本語 🙂"),
            ("\u{1B}[201~", ""),
        ]
    )
    func collects(input: String, expected: String) {
        let result = Self.collect(input + "after")
        #expect(result.complete)
        #expect(result.text == expected)
        #expect(result.consumed == input.unicodeScalars.count)
    }

    @Test("Without an end marker the paste stays incomplete")
    func incomplete() {
        let result = Self.collect("no end \u{1B}[201")
        #expect(!result.complete)
        #expect(result.text == "no end [201")
    }

    @Test("A paste longer than the limit keeps the first characters and still finds the end marker")
    func limit() {
        var paste = BracketedPaste()
        for _ in 0..<(BracketedPaste.limit + 100) {
            _ = paste.feed("x")
        }
        for scalar in BracketedPaste.endMarker.unicodeScalars {
            _ = paste.feed(scalar)
        }
        #expect(paste.isComplete)
        #expect(paste.text.unicodeScalars.count == BracketedPaste.limit)
    }
}
