import Foundation
import Testing
import TestSupport

/// `--pace CPS` on a real pseudo-terminal: a reply that arrives in one burst is typed out over time.
@Suite("Terminal: --pace", .timeLimit(.minutes(1)))
struct TerminalPaceTests {
    /// About 300 characters, sent as one burst of small deltas.
    static let words =
        ["PACESTART"] + Array(repeating: "the burst arrives at once but is typed out evenly", count: 5) + ["PACEEND"]
    static var tokens: [String] {
        words.joined(separator: " ").split(separator: " ").map { $0 + " " }
    }

    /// Runs `ssechat --once` and measures the time from the first word's arrival on the pty to the last word's.
    static func spread(arguments: [String]) async throws -> (spread: Duration, plain: String) {
        let server = try REPLChatServer([ScriptedReply(tokens, burst: true)])
        let folder = try PTYTemporaryDirectory()
        let session = try REPLSession(
            server: server,
            arguments: ["--once"] + arguments + ["go"],
            environment: ["SSECHAT_TEST_DIR": folder.path],
            shell: #"exec "$0" "$@" 2>"$SSECHAT_TEST_DIR/stderr""#
        )
        try await session.terminal.waitForOutput(containing: "PACE")
        let first = ContinuousClock.now
        try await session.terminal.waitForOutput(containing: "PACEEND")
        let last = ContinuousClock.now
        #expect(try await session.terminal.waitForExit() == 0)
        await session.terminal.waitForEndOfOutput()
        return (last - first, session.terminal.plainOutput)
    }

    @Test("--pace 200 spreads a burst over time; without it the burst appears at once")
    func paced() async throws {
        let characters = Self.tokens.joined().count
        #expect(characters > 250)
        let (paced, pacedText) = try await Self.spread(arguments: ["--pace", "200"])
        // ~300 characters at 200 per second take about 1.5 s; allow for a slow start, not for a burst.
        #expect(paced > .milliseconds(750), "a \(characters)-character burst at --pace 200 took \(paced)")
        #expect(paced < .seconds(5))
        let (unpaced, unpacedText) = try await Self.spread(arguments: [])
        #expect(unpaced < .milliseconds(500), "without --pace the burst took \(unpaced)")
        // Nothing lost or reordered: the same text, wrapped the same way.
        #expect(pacedText == unpacedText)
        let shown = pacedText.split(whereSeparator: \.isWhitespace).map(String.init)
        let sent = Self.tokens.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(shown == sent)
    }

    @Test("REPL --pace: Ctrl-C while text is still being typed out shows the rest at once and returns the prompt")
    func interruptPaced() async throws {
        let server = try REPLChatServer([ScriptedReply(Self.tokens, burst: true)])
        let session = try REPLSession(server: server, arguments: ["--pace", "20"])
        try await session.type("go\r")
        try await session.waitForText("PACESTART", after: 0)
        let mark = session.terminal.outputMark
        let start = ContinuousClock.now
        session.terminal.send("\u{03}")
        let interrupted = try await session.waitForText("[interrupted]", after: mark)
        try await session.waitForText(REPLSession.prompt, after: interrupted)
        #expect(ContinuousClock.now - start < .seconds(1))
        let shown = session.output(from: 0)
        #expect(PseudoTerminal.strippingEscapes(shown).contains("evenly PACEEND"))
        try await session.enter("next\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        #expect(requests[1].messages.dropFirst().first?.content == Self.tokens.joined())
    }
}
