import ChatClient
import Foundation
import Testing

@Suite("ServerErrorMessage: the server's message, whole, on one line")
struct ServerErrorMessageTests {
    private func jsonBody(_ message: String) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["error": ["message": message, "type": "x"]])
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "line breaks (CR, LF, CRLF, and runs of them) become \" / \"; other controls a space; nothing collapsed",
        arguments: [
            ("one\ntwo", "one / two"),
            ("one\r\ntwo", "one / two"),
            ("one\rtwo", "one / two"),
            ("one\n\n\ntwo", "one / two"),
            ("one\r\n\r\ntwo\n\rthree", "one / two / three"),
            ("tab\there", "tab here"),
            ("esc\u{1B}[31mred\u{7}bell\u{85}nel\u{7F}del", "esc [31mred bell nel del"),
            ("two  spaces and\t\ttabs", "two  spaces and  tabs"),
            ("a \n b", "a  /  b"),
            ("\n\n  padded at both ends \r\n", "padded at both ends"),
            ("ünïcödé 日本語 🦊\nnext", "ünïcödé 日本語 🦊 / next"),
        ]
    )
    func oneLine(message: String, shown: String) throws {
        #expect(ServerErrorMessage.extract(try jsonBody(message)) == shown)
        #expect(ServerErrorMessage.oneLine(message) == shown)
    }

    @Test("a 600-character message with line breaks is shown whole")
    func longMessageWhole() throws {
        let sentence = "This model's maximum context length is 128000 tokens, and your messages ran past it."
        let lines = Array(repeating: sentence, count: 7)
        let message = lines.joined(separator: "\n")
        #expect(message.count > 590)
        let shown = try #require(ServerErrorMessage.extract(try jsonBody(message)))
        #expect(shown == lines.joined(separator: " / "))
        #expect(!shown.contains("…"))
    }

    @Test("the bound is generous: 2,000 characters")
    func bound() {
        #expect(ServerErrorMessage.limit >= 2_000)
        let exactly = String(repeating: "word ", count: 400).trimmingCharacters(in: .whitespaces)
        #expect(exactly.count == 1_999)
        #expect(ServerErrorMessage.oneLine(exactly) == exactly)
    }

    @Test("a message past the bound is cut at a word boundary and ends with \"…\"", arguments: [2_000, 37, 10])
    func cutAtWord(limit: Int) throws {
        let words = (0..<1_000).map { "word\($0)" }
        let message = words.joined(separator: " ")
        let shown = ServerErrorMessage.oneLine(message, limit: limit)
        #expect(shown.count <= limit)
        #expect(shown.hasSuffix("…"))
        let kept = shown.dropLast().split(separator: " ").map(String.init)
        try #require(!kept.isEmpty)
        #expect(kept == Array(words.prefix(kept.count)), "only whole words: \(shown)")
        // The next word would not have fitted.
        #expect(kept.joined(separator: " ").count + 1 + words[kept.count].count + 1 > limit)
    }

    @Test("a cut never leaves a line-break separator or blanks hanging before the \"…\"")
    func cutAfterLineBreak() {
        // The cut falls just after "first line" + " / ": the separator goes with it.
        let message = "first line\nsecond-line-that-is-long"
        #expect(ServerErrorMessage.oneLine(message, limit: 20) == "first line…")
        #expect(ServerErrorMessage.oneLine("alpha    beta gamma", limit: 12) == "alpha…")
    }

    @Test("one word longer than the bound is cut inside it")
    func oneLongWord() {
        let word = String(repeating: "x", count: 3_000)
        let shown = ServerErrorMessage.oneLine(word)
        #expect(shown == String(repeating: "x", count: 1_999) + "…")
    }

    @Test("the other body shapes: error string, message, detail, plain text (whole), HTML or empty (nothing)")
    func shapes() {
        #expect(ServerErrorMessage.extract(#"{"error":"bad\nthing"}"#) == "bad / thing")
        #expect(ServerErrorMessage.extract(#"{"message":"m"}"#) == "m")
        #expect(ServerErrorMessage.extract(#"{"detail":"Not found"}"#) == "Not found")
        #expect(ServerErrorMessage.extract("upstream timed out\nretry later\n") == "upstream timed out / retry later")
        #expect(ServerErrorMessage.extract("<html><body>502</body></html>") == nil)
        #expect(ServerErrorMessage.extract(" \n ") == nil)
        #expect(ServerErrorMessage.extract(#"{"ok":false}"#) == nil)
    }

    @Test("Google's error bodies: the message (also inside a JSON array), and the statuses that classify it")
    func googleBodies() {
        let body =
            #"{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT","#
            + #""details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"#
        #expect(ServerErrorMessage.extract(body) == "API key not valid.")
        #expect(ServerErrorMessage.googleStatuses(body) == ["INVALID_ARGUMENT", "API_KEY_INVALID"])
        let wrapped = #"[{"error":{"code":429,"message":"Quota.","status":"RESOURCE_EXHAUSTED"}}]"#
        #expect(ServerErrorMessage.extract(wrapped) == "Quota.")
        #expect(ServerErrorMessage.googleStatuses(wrapped) == ["RESOURCE_EXHAUSTED"])
        #expect(ServerErrorMessage.googleStatuses(#"{"error":{"message":"x","type":"y"}}"#).isEmpty)
        #expect(ServerErrorMessage.googleStatuses("<html>").isEmpty)
    }
}
