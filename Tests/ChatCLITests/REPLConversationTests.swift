import Foundation
import TestSupport
import Testing

/// The REPL on a real pseudo-terminal: messages, line editing, history, completion and multi-line input, each
/// checked by what the server received.
@Suite("REPL: messages and line editing", .timeLimit(.minutes(1)))
struct REPLConversationTests {
    static let up = "\u{1B}[A"
    static let left = "\u{1B}[D"

    @Test("A typed message is sent and its reply streams onto the screen")
    func messageAndReply() async throws {
        let server = try REPLChatServer([ScriptedReply(["The ", "sky ", "is ", "blue ", "because…"])])
        let session = try REPLSession(server: server)
        let banner = try await session.terminal.waitForOutput(containing: "/help for commands")
        #expect(banner.contains("gpt-4o-mini @ 127.0.0.1"))
        let screen = try await session.enter("why is the sky blue\r", expecting: "because…")
        #expect(screen.contains("The sky is blue because…\n"))
        let requests = try await server.waitForRequests(1)
        #expect(requests[0].path == "/v1/chat/completions")
        #expect(requests[0].model == "gpt-4o-mini")
        #expect(requests[0].messages == [.init(role: "user", content: "why is the sky blue")])
    }

    @Test(
        "Emacs editing changes what is sent",
        arguments: [
            ("world\u{01}hello \u{05}!\r", "hello world!"),  // Ctrl-A, Ctrl-E
            ("abd\(left)c\r", "abcd"),  // Left, then insert
            ("abcx\u{7F}\r", "abc"),  // Backspace
            ("one two\u{17}three\r", "one three"),  // Ctrl-W
        ]
    )
    func editing(keys: String, sent: String) async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter(keys, expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1)[0].lastUserText == sent)
    }

    @Test("Up arrow recalls the previous message")
    func historyInSession() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("first message\r", expecting: "Reply number 1.")
        try await session.enter("second message\r", expecting: "Reply number 2.")
        try await session.enter(Self.up + Self.up + "\r", expecting: "Reply number 3.")
        let requests = try await server.waitForRequests(3)
        #expect(requests.map(\.lastUserText) == ["first message", "second message", "first message"])
    }

    @Test("History survives a restart; the file has mode 0600; a line starting with a space is not saved")
    func historyAcrossRuns() async throws {
        let server = try REPLChatServer()
        let home = try PTYTemporaryDirectory()
        do {
            let first = try REPLSession(server: server, home: home)
            try await first.enter("alpha question\r", expecting: "Reply number 1.")
            try await first.enter(" secret question\r", expecting: "Reply number 2.")
            try await first.type("\u{04}")
            #expect(try await first.terminal.waitForExit() == 0)
            let path = first.historyPath
            #expect(PTYTemporaryDirectory.permissions(of: path) == 0o600)
            let saved = try String(contentsOfFile: path, encoding: .utf8)
            #expect(saved.contains("alpha question"))
            #expect(!saved.contains("secret"))
        }
        let second = try REPLSession(server: server, home: home)
        try await second.enter(Self.up + "\r", expecting: "Reply number 3.")
        let requests = try await server.waitForRequests(3)
        #expect(requests[2].lastUserText == "alpha question")
        #expect(PTYTemporaryDirectory.permissions(of: second.historyPath) == 0o600)
    }

    @Test("Tab completes /he to /help")
    func tabCompletion() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        let screen = try await session.enter("/he\t\r", expecting: "send your last message again")
        #expect(screen.contains("/help"))
        #expect(server.requests.isEmpty)
    }

    @Test("A line ending in \\ continues the message; it arrives as one message with a newline")
    func backslashContinuation() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("first line \\\r", prompt: REPLSession.continuationPrompt)
        try await session.enter("second line\r", expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1)[0].lastUserText == "first line \nsecond line")
    }

    @Test("A \"\"\" block arrives as one message, kept verbatim")
    func tripleQuoteBlock() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("\"\"\"\r", prompt: REPLSession.continuationPrompt)
        try await session.enter("alpha\r", prompt: REPLSession.continuationPrompt)
        try await session.enter("  beta \\ kept\r", prompt: REPLSession.continuationPrompt)
        try await session.enter("\"\"\"\r", expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1)[0].lastUserText == "alpha\n  beta \\ kept")
    }

    @Test("--demo: the REPL talks to the built-in server in-process")
    func demo() async throws {
        let unused = try REPLChatServer()
        let session = try REPLSession(server: unused, arguments: ["--demo"])
        let banner = try await session.terminal.waitForOutput(containing: "/help for commands")
        #expect(banner.contains("ssechat-demo @ 127.0.0.1"))
        let screen = try await session.enter("hello there\r", expecting: "That's the demo for")
        #expect(screen.contains("hello there"))
        try await session.type("\u{04}")
        #expect(try await session.terminal.waitForExit() == 0)
        #expect(unused.requests.isEmpty)
    }
}
