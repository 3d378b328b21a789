import Testing

@testable import LineEditor

@Suite("TabCompletion")
struct TabCompletionTests {
    @Test(
        "Decides what Tab does",
        arguments: [
            ("/he", ["/help"], TabCompletion.replace(length: 3, with: "/help ")),
            ("/h", ["/help", "/history"], .list(["/help", "/history"])),
            ("/h", ["/history", "/help", "/help"], .list(["/help", "/history"])),
            ("/", ["/model", "/models"], .replace(length: 1, with: "/model")),
            ("/x", [], TabCompletion.none),
            ("/x", [""], TabCompletion.none),
            ("/model gp", ["gpt-4o", "gpt-4o-mini"], .replace(length: 2, with: "gpt-4o")),
            ("/model ", ["a", "b"], .list(["a", "b"])),
            ("", ["/help"], .replace(length: 0, with: "/help ")),
            ("/ké", ["/kéy"], .replace(length: 3, with: "/kéy ")),
            ("/X", ["/xa", "/xb"], .list(["/xa", "/xb"])),
            ("/file sr", ["src/"], .replace(length: 2, with: "src/")),
        ]
    )
    func resolve(prefix: String, candidates: [String], expected: TabCompletion) {
        #expect(TabCompletion.resolve(prefix: prefix, candidates: candidates) == expected)
    }

    @Test(
        "The completed word is the text after the last blank",
        arguments: [("/help", "/help"), ("/model gp", "gp"), ("a\tb", "b"), ("line\nnext", "next"), ("end ", "")]
    )
    func currentWord(prefix: String, word: String) {
        #expect(TabCompletion.currentWord(in: prefix) == word)
    }

    @Test("The replaced length counts unicode scalars, as libedit's wide characters do")
    func scalarLength() {
        // "é" written as e + combining acute: one Character, two scalars (two wchar_t in libedit's buffer).
        let action = TabCompletion.resolve(prefix: "/ke\u{301}", candidates: ["/ke\u{301}y"])
        #expect(action == .replace(length: 4, with: "/ke\u{301}y "))
    }
}
