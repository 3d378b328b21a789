import Settings
import Testing

@Suite("Locating keys in TOML text")
struct TOMLKeyLocatorTests {
    private let text = """
        # a comment with model = "nope"
        default_profile = "work"

        [defaults]
        stats = true   # trailing comment
        headers.X-Team = "docs"

        [profiles.work]
        system = \"\"\"
        fake = "not a key"
        [not.a.table]
        \"\"\"
        api_key_cmd = [
          "pass",   # inside = an array
          "show",
        ]
        "quoted key" = 'x'
        headers = { A = "1", B = { C = 2 } }
        model = "gpt-4o"

        [[profiles.work.list]]
        name = 'it''s'
        """

    @Test(
        "Every key is found on its line",
        arguments: [
            (["default_profile"], 2), (["defaults"], 4), (["defaults", "stats"], 5),
            (["defaults", "headers"], 6), (["defaults", "headers", "X-Team"], 6),
            (["profiles", "work"], 8), (["profiles"], 8), (["profiles", "work", "system"], 9),
            (["profiles", "work", "api_key_cmd"], 13), (["profiles", "work", "quoted key"], 17),
            (["profiles", "work", "headers", "A"], 18), (["profiles", "work", "headers", "B", "C"], 18),
            (["profiles", "work", "model"], 19), (["profiles", "work", "list", "name"], 22),
        ]
    )
    func lines(path: [String], line: Int) {
        #expect(TOMLKeyLocator(text: text).line(of: path) == line)
    }

    @Test("Text inside strings, arrays and comments defines no keys")
    func hidden() {
        let locator = TOMLKeyLocator(text: text)
        #expect(locator.line(of: ["model"]) == nil)
        #expect(locator.line(of: ["fake"]) == nil)
        #expect(locator.line(of: ["profiles", "work", "fake"]) == 8)
        #expect(locator.line(of: ["not"]) == nil)
        #expect(locator.line(of: ["profiles", "work", "inside"]) == 8)
    }

    @Test("An unknown path falls back to its nearest located table")
    func fallback() {
        #expect(TOMLKeyLocator(text: text).line(of: ["profiles", "work", "headers", "Z"]) == 18)
        #expect(TOMLKeyLocator(text: text).line(of: ["nothing"]) == nil)
    }

    @Test("CRLF line ends and a missing final newline")
    func crlf() {
        let locator = TOMLKeyLocator(text: "a = 1\r\n\r\n[t]\r\nb = 2")
        #expect(locator.line(of: ["a"]) == 1)
        #expect(locator.line(of: ["t", "b"]) == 4)
    }
}
