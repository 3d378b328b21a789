import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C, Ctrl-D and SIGTERM in the REPL on a real pseudo-terminal, and the terminal left as it was found.
@Suite("REPL: interrupting and leaving", .timeLimit(.minutes(1)))
struct REPLInterruptTests {
    typealias Message = ChatRequestRecord.Message

    @Test("Ctrl-C while a reply streams: text kept, [interrupted], prompt back, connection closed")
    func interruptStreamingReply() async throws {
        let closed = ClosedFlag()
        let server = try REPLChatServer([.stalling(["Partial ", "answer, ", "so far "], closed: closed)])
        let session = try REPLSession(server: server)
        try await session.type("tell me everything\r")
        try await session.waitForText("so far", after: 0)
        let mark = session.terminal.outputMark
        // The reply never ends on its own (the server stalls): the prompt comes back only through the interrupt.
        session.terminal.send("\u{03}")
        let interrupted = try await session.waitForText("[interrupted]", after: mark)
        try await session.waitForText(REPLSession.prompt, after: interrupted)
        try await waitUntil { closed.value != nil }
        #expect(closed.value == true, "the server did not see the connection close")

        let screen = session.terminal.plainOutput
        // Echo is off while a reply streams (QuietInput), so no "^C" lands among the text.
        #expect(screen.contains("Partial answer, so far"))
        #expect(screen.contains("\n[interrupted]\n> "))
        try await session.enter("and then?\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        #expect(
            requests[1].messages == [
                Message(role: "user", content: "tell me everything"),
                Message(role: "assistant", content: "Partial answer, so far "),
                Message(role: "user", content: "and then?"),
            ]
        )
    }

    @Test("Ctrl-C at the prompt clears the line")
    func interruptAtPrompt() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.type("discard this")
        try await session.waitForText("discard this", after: 0)
        session.terminal.send("\u{03}")
        try await session.enter("keep this\r", expecting: "Reply number 1.")
        let requests = try await server.waitForRequests(1)
        #expect(requests.map(\.lastUserText) == ["keep this"])
    }

    @Test("Ctrl-C at a continuation prompt drops the unfinished message")
    func interruptAtContinuation() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("unfinished \\\r", prompt: REPLSession.continuationPrompt)
        try await session.type("\u{03}")
        try await session.enter("fresh start\r", expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1).map(\.lastUserText) == ["fresh start"])
    }

    @Test("Ctrl-D on an empty line exits with status 0")
    func controlD() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("hello\r", expecting: "Reply number 1.")
        try await session.type("\u{04}")
        #expect(try await session.terminal.waitForExit() == 0)
    }

    enum ExitPath: String, CaseIterable, Sendable {
        case controlD, exitCommand, sigtermDuringReply, sigtermAtPrompt
    }

    @Test("The terminal is left as found (stty -g, cursor, bracketed paste)", arguments: ExitPath.allCases)
    func terminalRestored(path: ExitPath) async throws {
        let closed = ClosedFlag()
        let stalled = ClosedFlag()
        let server = try REPLChatServer([
            ScriptedReply(["First ", "reply. "]),
            .stalling(["Cut ", "short "], closed: closed),
            .stalling(["Never ", "finished "], closed: stalled),
        ])
        let folder = try PTYTemporaryDirectory()
        let script = """
            trap : INT
            stty -g > "$SSECHAT_TEST_DIR/before"
            "$0" "$@"
            code=$?
            stty -g > "$SSECHAT_TEST_DIR/after"
            echo "WRAPPER-EXIT:$code"
            """
        let session = try REPLSession(server: server, environment: ["SSECHAT_TEST_DIR": folder.path], shell: script)
        try await session.enter("one\r", expecting: "reply.")
        try await session.type("two\r")
        try await session.waitForText("short", after: 0)
        session.terminal.send("\u{03}")
        try await session.waitForText("[interrupted]", after: 0)
        let expectedStatus: Int
        switch path {
        case .controlD:
            try await session.type("\u{04}")
            expectedStatus = 0
        case .exitCommand:
            try await session.type("/exit\r")
            expectedStatus = 0
        case .sigtermDuringReply:
            try await session.type("three\r")
            try await session.waitForText("finished", after: 0)
            let child = try await PTYProcessTable.waitForChild(of: session.terminal.processID, named: "ssechat")
            #expect(kill(child, SIGTERM) == 0)
            expectedStatus = 143
        case .sigtermAtPrompt:
            try await session.type("half-typed line")
            try await session.waitForText("half-typed line", after: 0)
            let child = try await PTYProcessTable.waitForChild(of: session.terminal.processID, named: "ssechat")
            #expect(kill(child, SIGTERM) == 0)
            expectedStatus = 143
        }
        try await session.waitForText("WRAPPER-EXIT:\(expectedStatus)", after: 0)
        #expect(try await session.terminal.waitForExit() == 0)
        let before = try String(contentsOfFile: folder.file("before"), encoding: .utf8)
        let after = try String(contentsOfFile: folder.file("after"), encoding: .utf8)
        #expect(!before.isEmpty)
        #expect(before == after, "stty -g before: \(before) after: \(after)")

        let output = session.terminal.output
        #expect(Self.lastToggleIsOff(output, on: "\u{1B}[?25l", off: "\u{1B}[?25h"), "cursor left hidden")
        #expect(Self.lastToggleIsOff(output, on: "\u{1B}[?2004h", off: "\u{1B}[?2004l"), "bracketed paste left on")
    }

    /// Whether a mode switched on by `on` was switched off again by `off` after its last use.
    private static func lastToggleIsOff(_ output: String, on: String, off: String) -> Bool {
        guard let lastOn = output.range(of: on, options: .backwards) else { return true }
        return output.range(of: off, options: .backwards).map { $0.lowerBound > lastOn.lowerBound } ?? false
    }
}
