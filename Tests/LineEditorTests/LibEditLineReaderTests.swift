import Foundation
import LineEditor
import TestSupport
import Testing

/// LibEditLineReader driven through a real pseudo-terminal via `line-editor-harness`.
@Suite("LibEditLineReader in a pseudo-terminal", .timeLimit(.minutes(1)))
struct LibEditLineReaderTests {
    static let up = "\u{1B}[A"
    static let left = "\u{1B}[D"

    @Test(
        "Typing and Emacs-style editing",
        arguments: [
            ("hello world\r", "hello world"),
            ("héllo 世界 🙂\r", "héllo 世界 🙂"),
            ("world\u{01}hello \u{05}!\r", "hello world!"),  // Ctrl-A, Ctrl-E
            ("abd\(left)c\r", "abcd"),  // Left, insert in the middle
            ("abcx\u{7F}\r", "abc"),  // Backspace
            ("one two\u{17}three\r", "one three"),  // Ctrl-W deletes the word before the cursor
            ("keep\u{01}\u{0B}\r", ""),  // Ctrl-K kills to the end
        ]
    )
    func editing(keys: String, expected: String) async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit(keys) == .line(expected))
    }

    @Test("Up arrow recalls earlier lines of the session")
    func historyInSession() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit("first\r") == .line("first"))
        #expect(try await session.submit("second\r") == .line("second"))
        #expect(try await session.submit(Self.up + "\r") == .line("second"))
        #expect(try await session.submit(Self.up + Self.up + "\r") == .line("first"))
    }

    @Test("History persists across runs; space-prefixed lines are neither recalled nor saved")
    func historyAcrossRuns() async throws {
        let folder = try TemporaryFolder()
        let first = try HarnessSession(folder: folder)
        #expect(try await first.submit("alpha\r") == .line("alpha"))
        #expect(try await first.submit(" secret\r") == .line(" secret"))
        #expect(try await first.submit(Self.up + "\r") == .line("alpha"))
        #expect(try await first.submit("beta\r") == .line("beta"))
        #expect(try await first.submit("\u{04}") == .endOfInput)
        #expect(try await first.terminal.waitForExit() == 0)
        #expect(try HistoryFile(path: first.historyPath).load() == ["alpha", "beta"])

        let second = try HarnessSession(folder: folder)
        #expect(try await second.submit(Self.up + "\r") == .line("beta"))
        #expect(try await second.submit(Self.up + Self.up + Self.up + "\r") == .line("alpha"))
        #expect(!(try String(contentsOfFile: second.historyPath, encoding: .utf8)).contains("secret"))
    }

    @Test("A history file found with mode 0644 is set to 0600 and its entries are recalled")
    func historyFileMode() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/state/ssechat/history"
        try FileManager.default.createDirectory(
            atPath: folder.path + "/state/ssechat",
            withIntermediateDirectories: true
        )
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old entry\n".utf8)))
        #expect(chmod(path, 0o644) == 0)

        let session = try HarnessSession(folder: folder)
        try await session.waitForPrompt()
        #expect(permissions(of: path) == 0o600)
        #expect(try await session.submit(Self.up + "\r") == .line("old entry"))
        #expect(permissions(of: path) == 0o600)
    }

    @Test("Missing folders are created with mode 0700 and the file with mode 0600")
    func newHistoryFileModes() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit("hello\r") == .line("hello"))
        #expect(permissions(of: folder.path + "/state") == 0o700)
        #expect(permissions(of: folder.path + "/state/ssechat") == 0o700)
        #expect(permissions(of: session.historyPath) == 0o600)
    }

    @Test("History is capped, in the file and across runs")
    func historyCap() async throws {
        let folder = try TemporaryFolder()
        let first = try HarnessSession(folder: folder, historyLimit: 3)
        for entry in ["a", "b", "c", "d", "e"] {
            #expect(try await first.submit(entry + "\r") == .line(entry))
        }
        #expect(try await first.submit("\u{04}") == .endOfInput)
        #expect(try HistoryFile(path: first.historyPath, limit: 100).load() == ["c", "d", "e"])

        let second = try HarnessSession(folder: folder, historyLimit: 3)
        #expect(try await second.submit(String(repeating: Self.up, count: 5) + "\r") == .line("c"))
    }

    @Test(
        "Tab completes slash commands, replacing the word",
        arguments: [
            ("/he\t\r", "/help "),
            ("/hi\t\r", "/history "),
            ("/e\t\r", "/exit "),
            ("/x\t\r", "/x"),
            ("/h\ti\t\r", "/history "),
        ]
    )
    func completion(keys: String, expected: String) async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit(keys) == .line(expected))
    }

    @Test("Tab lists the candidates when they share nothing more")
    func completionList() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        try await session.type("/h")
        let mark = session.terminal.outputMark
        session.terminal.send("\t")
        try await session.terminal.waitForOutput(containing: "/help  /history", after: mark)
        #expect(try await session.submit("e\t\r") == .line("/help "))
    }

    @Test("Ctrl-C discards the line and the next read starts empty")
    func interrupt() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit("abc\u{03}") == .interrupted)
        #expect(try await session.submit("x\r") == .line("x"))
        #expect(try await session.submit("\u{03}") == .interrupted)
        #expect(try await session.submit("\u{04}") == .endOfInput)
        #expect(try await session.terminal.waitForExit() == 0)
    }

    @Test("Ctrl-D ends the input only on an empty line")
    func endOfInput() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit("ab\u{04}\r") == .line("ab"))
        #expect(try await session.submit("ab\u{01}\u{04}\r") == .line("b"))  // Ctrl-D deletes under the cursor
        #expect(try await session.submit("\u{04}") == .endOfInput)
        #expect(try await session.terminal.waitForExit() == 0)
    }

    @Test("A bracketed paste becomes one line holding newlines; control characters in it are dropped")
    func bracketedPaste() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        try await session.waitForPrompt()
        #expect(session.terminal.output.contains("\u{1B}[?2004h"))
        let paste = "\u{1B}[200~first line\r\nsecond\u{1B}[31m line\rthird\u{1B}[201~"
        #expect(try await session.submit(paste + " end\r") == .line("first line\nsecond[31m line\nthird end"))
        #expect(session.terminal.output.contains("\u{1B}[?2004l"))
        // The pasted entry is one history entry, recalled whole.
        #expect(try await session.submit(Self.up + "\r") == .line("first line\nsecond[31m line\nthird end"))
    }

    @Test("Escape sequences marked with \\u{01} in the prompt reach the terminal; the markers do not")
    func styledPrompt() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder, boldPrompt: true)
        #expect(try await session.submit("bc\u{01}a\r") == .line("abc"))
        let output = session.terminal.output
        #expect(output.contains("\u{1B}[1mh1>\u{1B}[0m "))
        #expect(!output.contains("\u{01}") && !output.contains("^A"))
    }

    @Test("The terminal's settings are restored when the reader closes")
    func terminalRestored() async throws {
        let folder = try TemporaryFolder()
        // libedit's own "normal mode" turns echoctl on; only el_end puts back what it found.
        let script = #"stty -echoctl; echo "BEFORE[$(stty -g)]"; "$0"; echo "AFTER[$(stty -g)]"; echo END"#
        let session = try HarnessSession(folder: folder, wrapper: script)
        #expect(try await session.submit("x\r") == .line("x"))
        #expect(try await session.submit("\u{04}") == .endOfInput)
        try await session.terminal.waitForOutput(containing: "END")
        #expect(try await session.terminal.waitForExit() == 0)
        let plain = PseudoTerminal.strippingEscapes(session.terminal.output)
        let before = try #require(Self.value(of: "BEFORE", in: plain))
        let after = try #require(Self.value(of: "AFTER", in: plain))
        #expect(before == after)
    }

    private static func value(of label: String, in text: String) -> Substring? {
        guard let start = text.range(of: label + "[")?.upperBound,
            let end = text[start...].firstIndex(of: "]")
        else { return nil }
        return text[start..<end]
    }
}
