import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-X Ctrl-E and `/edit` in the REPL on a real pseudo-terminal, with a scripted `$EDITOR`: a small shell script
/// that records the file it was given and the terminal's mode, then writes new text, writes nothing, or fails.
@Suite("REPL: Ctrl-X Ctrl-E and /edit", .timeLimit(.minutes(1)))
struct REPLEditorTests {
    static let editKeys = "\u{18}\u{05}"
    static let up = "\u{1B}[A"

    /// A REPL whose `EDITOR` is `/bin/sh SCRIPT` (run by the shell: a script just written may still be open in a
    /// child another test is forking, and executing it directly could fail with ETXTBSY).
    final class EditorSession {
        let server: REPLChatServer
        let session: REPLSession
        let home: PTYTemporaryDirectory

        /// - Parameter body: The script's last lines; `$1` is the file.
        init(_ body: String, arguments: [String] = []) throws {
            server = try REPLChatServer()
            home = try PTYTemporaryDirectory()
            try FileManager.default.createDirectory(atPath: home.file("tmp"), withIntermediateDirectories: true)
            let script = """
                cp "$1" '\(home.file("seen"))'
                stty -a > '\(home.file("stty"))'
                \(body)

                """
            try script.write(toFile: home.file("editor.sh"), atomically: true, encoding: .utf8)
            session = try REPLSession(
                server: server,
                arguments: arguments,
                home: home,
                environment: ["VISUAL": "", "EDITOR": "/bin/sh " + home.file("editor.sh"), "TMPDIR": home.file("tmp")]
            )
        }

        /// What the editor's file held when it started.
        var seen: String {
            get throws { try String(contentsOfFile: home.file("seen"), encoding: .utf8) }
        }

        /// `stty -a` as the editor saw it.
        var terminalMode: String {
            get throws { try String(contentsOfFile: home.file("stty"), encoding: .utf8) }
        }
    }

    @Test("Ctrl-X Ctrl-E: the editor gets the typed line on a cooked terminal; what it saves is sent and in history")
    func ctrlXCtrlE() async throws {
        let editor = try EditorSession(#"printf 'edited message\nsecond line\n\n' > "$1""#)
        let screen = try await editor.session.enter("typed line" + Self.editKeys, expecting: "Reply number 1.")
        #expect(screen.contains("> edited message\nsecond line\n"))
        #expect(try editor.seen == "typed line\n")
        let mode = try editor.terminalMode
        #expect(mode.contains(" icanon") && !mode.contains("-icanon"), "\(mode)")
        #expect(mode.contains(" echo ") && !mode.contains("-echo "), "\(mode)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: editor.home.file("tmp")).isEmpty)
        try await editor.session.enter(Self.up + "\r", expecting: "Reply number 2.")
        let requests = try await editor.server.waitForRequests(2)
        #expect(requests.map(\.lastUserText) == ["edited message\nsecond line", "edited message\nsecond line"])
        #expect(requests[1].messages.count == 3)
    }

    @Test("an empty file cancels with a note: nothing is sent and the typed line comes back")
    func emptyCancels() async throws {
        let editor = try EditorSession(#": > "$1""#)
        let screen = try await editor.session.enter("keep me" + Self.editKeys, expecting: "nothing was sent")
        #expect(screen.contains("the editor left the file empty; nothing was sent"))
        #expect(editor.server.requests.isEmpty)
        try await editor.session.enter(" please\r", expecting: "Reply number 1.")
        #expect(try await editor.server.waitForRequests(1)[0].lastUserText == "keep me please")
    }

    @Test("a failing editor is one line; nothing is sent and the typed line comes back")
    func failingEditor() async throws {
        let editor = try EditorSession(#"echo 'new text' > "$1"; exit 1"#)
        let screen = try await editor.session.enter("my draft" + Self.editKeys, expecting: "nothing was sent")
        #expect(screen.contains("ssechat: the editor '/bin/sh' exited with status 1; nothing was sent\n"))
        #expect(editor.server.requests.isEmpty)
        try await editor.session.enter("\r", expecting: "Reply number 1.")
        #expect(try await editor.server.waitForRequests(1)[0].lastUserText == "my draft")
    }

    @Test(
        "signals the REPL ignores or handles (SIGPIPE, SIGINT) have their default action in the editor",
        arguments: [("PIPE", SIGPIPE), ("INT", SIGINT)]
    )
    func signalsAreDefault(name: String, number: Int32) async throws {
        let editor = try EditorSession("kill -\(name) $$; echo 'still running' > \"$1\"")
        let screen = try await editor.session.enter("draft" + Self.editKeys, expecting: "nothing was sent")
        #expect(screen.contains("ssechat: the editor '/bin/sh' was killed by signal \(number); nothing was sent"))
        #expect(editor.server.requests.isEmpty)
    }

    @Test("an editor that is not found is one line")
    func notFound() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server, environment: ["VISUAL": "ssechat-no-such-editor -w"])
        let screen = try await session.enter("/edit draft\r", expecting: "nothing was sent")
        #expect(
            screen.contains(
                "ssechat: the editor 'ssechat-no-such-editor' was not found (set VISUAL or EDITOR); nothing was sent\n"
            )
        )
        try await session.enter("\r", expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1)[0].lastUserText == "draft")
    }

    @Test("/edit TEXT starts the editor with TEXT, /edit with nothing; the saved text goes with attached files")
    func slashEdit() async throws {
        let editor = try EditorSession(#"printf 'from the editor' > "$1""#)
        try await editor.session.enter("/edit seed text\r", expecting: "Reply number 1.")
        #expect(try editor.seen == "seed text\n")
        let path = editor.home.file("a.py")
        try Data("x = 1\n".utf8).write(to: URL(fileURLWithPath: path))
        try await editor.session.enter("/file \(path)\r", expecting: "to the next message")
        try await editor.session.enter("/edit\r", expecting: "Reply number 2.")
        #expect(try editor.seen == "")
        let requests = try await editor.server.waitForRequests(2)
        #expect(requests[0].lastUserText == "from the editor")
        #expect(requests[1].lastUserText == "`\(path)`:\n```py\nx = 1\n```\n\nfrom the editor")
    }
}
