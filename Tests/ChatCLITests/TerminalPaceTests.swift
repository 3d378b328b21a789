import Foundation
import TestSupport
import Testing

/// `--pace CPS` on a real pseudo-terminal: a reply that arrives in one burst is typed out over time.
@Suite("Terminal: --pace", .timeLimit(.minutes(1)))
struct TerminalPaceTests {
    /// About 300 characters, sent as one burst of small deltas.
    static let words =
        ["PACESTART"] + Array(repeating: "the burst arrives at once but is typed out evenly", count: 5) + ["PACEEND"]
    static var tokens: [String] {
        words.joined(separator: " ").split(separator: " ").map { $0 + " " }
    }

    /// What one run measured.
    struct Timing {
        /// From the moment the server sent the burst to the moment the program had exited. Starving either
        /// process can only lengthen it, so it bounds a paced run from below reliably.
        var sendToExit: Duration
        /// What the terminal showed.
        var plain: String
    }

    /// Runs `ssechat --once` with the burst.
    static func measure(arguments: [String]) async throws -> Timing {
        let server = try REPLChatServer([ScriptedReply(tokens, burst: true)])
        let folder = try PTYTemporaryDirectory()
        let session = try REPLSession(
            server: server,
            arguments: ["--once"] + arguments + ["go"],
            environment: ["SSECHAT_TEST_DIR": folder.path],
            shell: #"exec "$0" "$@" 2>"$SSECHAT_TEST_DIR/stderr""#
        )
        #expect(try await session.terminal.waitForExit() == 0)
        let exited = ContinuousClock.now
        await session.terminal.waitForEndOfOutput()
        let sent = try #require(server.streamStarts.first)
        return Timing(sendToExit: exited - sent, plain: session.terminal.plainOutput)
    }

    @Test("--pace 200 spreads a burst over time; without it the same text appears")
    func paced() async throws {
        let characters = Self.tokens.joined().count
        #expect(characters > 250)
        let paced = try await Self.measure(arguments: ["--pace", "200"])
        // ~270 characters at 200 per second take about 1.3 s.
        #expect(
            paced.sendToExit > .milliseconds(1000),
            "a \(characters)-character burst at --pace 200 was typed out in \(paced.sendToExit)"
        )
        let unpaced = try await Self.measure(arguments: [])
        // Nothing lost or reordered: the same text, wrapped the same way.
        #expect(paced.plain == unpaced.plain)
        let shown = paced.plain.split(whereSeparator: \.isWhitespace).map(String.init)
        let sent = Self.tokens.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(shown == sent)
    }

    @Test("REPL --pace: Ctrl-C while text is still being typed out shows the rest at once and returns the prompt")
    func interruptPaced() async throws {
        let server = try REPLChatServer([ScriptedReply(Self.tokens, burst: true)])
        // At 5 characters a second the rest would take about a minute to type out: the waits below (10 s each)
        // only see "[interrupted]" and the prompt if Ctrl-C shows the rest at once.
        let session = try REPLSession(server: server, arguments: ["--pace", "5"])
        try await session.type("go\r")
        try await session.waitForText("PACESTART", after: 0)
        let mark = session.terminal.outputMark
        session.terminal.send("\u{03}")
        let interrupted = try await session.waitForText("[interrupted]", after: mark)
        try await session.waitForText(REPLSession.prompt, after: interrupted)
        let shown = session.output(from: 0)
        #expect(PseudoTerminal.strippingEscapes(shown).contains("evenly PACEEND"))
        try await session.enter("next\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        #expect(requests[1].messages.dropFirst().first?.content == Self.tokens.joined())
    }
}
