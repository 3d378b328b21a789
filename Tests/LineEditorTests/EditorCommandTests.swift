import LineEditor
import Testing

/// Which editor runs and how its command line is built; what a saved file makes. Pure.
@Suite("EditorCommand and the saved message")
struct EditorCommandTests {
    @Test(
        "VISUAL, else EDITOR, else vi; an empty or blank value counts as unset",
        arguments: [
            (["VISUAL": "nano", "EDITOR": "ed"], "nano"), (["EDITOR": "ed"], "ed"), ([:], "vi"),
            (["VISUAL": "", "EDITOR": "emacs -nw"], "emacs -nw"), (["VISUAL": "  ", "EDITOR": ""], "vi"),
        ]
    )
    func choice(environment: [String: String], expected: String) {
        #expect(EditorCommand(environment: environment).command == expected)
    }

    @Test(
        "plain words run without a shell, the file last",
        arguments: [
            ("vi", ["vi", "/t/f.md"]), ("code --wait", ["code", "--wait", "/t/f.md"]),
            ("  emacs\t-nw  ", ["emacs", "-nw", "/t/f.md"]),
            ("/opt/my-editor/bin/ed+ -a,b:c@d", ["/opt/my-editor/bin/ed+", "-a,b:c@d", "/t/f.md"]),
        ]
    )
    func plainWords(command: String, expected: [String]) {
        let editor = EditorCommand(command)
        #expect(editor.arguments(file: "/t/f.md") == expected)
        #expect(!editor.usesShell)
        #expect(editor.name == expected[0])
    }

    @Test(
        "anything else runs through /bin/sh exactly as written, the file as \"$@\"",
        arguments: ["vim -c 'set tw=72'", "FOO=1 vi", "~/bin/ed", "$HOME/ed", "ed; rm x", "\"my editor\" -x", ""]
    )
    func shell(command: String) {
        let editor = EditorCommand(command)
        #expect(editor.usesShell)
        #expect(editor.arguments(file: "/t/f.md") == ["/bin/sh", "-c", command + " \"$@\"", command, "/t/f.md"])
    }

    @Test(
        "the saved text: trailing blank lines and spaces dropped; only whitespace cancels",
        arguments: [
            ("hello\n", "hello"), ("  indented\nkept\n\n\n", "  indented\nkept"), ("a \t\r\n", "a"),
            ("", nil), ("\n\n", nil), (" \t\r\n ", nil),
        ] as [(String, String?)]
    )
    func savedMessage(saved: String, expected: String?) {
        #expect(ExternalEditor.message(fromSaved: saved) == expected)
    }
}
