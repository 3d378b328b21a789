import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import ChatCLI

/// A word the typewriter holds back mid-line (it does not yet know whether the word fits) must not stay hidden when
/// the stream stalls: it shows a frame later, on a real pseudo-terminal, and moves within its own line if it then
/// outgrows it.
@Suite("Terminal: a word held back mid-line", .timeLimit(.minutes(1)))
struct TerminalHeldWordTests {
    /// An OpenAI-compatible server that sends `before`, holds the stream open until `resume` opens, then sends
    /// `after` and the end of the reply. Holding on a gate (not on a socket poll) keeps the stall steady whatever
    /// signals the test process receives.
    final class StallingServer: Sendable {
        let resume = Gate()
        private let http: LoopbackHTTPServer

        init(before: [String], after: [String]) throws {
            let resume = resume
            http = try LoopbackHTTPServer { _, writer in
                writer.writeEventStreamHead()
                for token in before { writer.write(Self.event(token)) }
                resume.wait(timeout: 20)
                for token in after { writer.write(Self.event(token)) }
                writer.write("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
                writer.write("data: [DONE]\n\n")
            }
        }

        deinit {
            resume.open()
            http.stop()
        }

        var baseURL: String { "http://127.0.0.1:\(http.port)/v1" }

        private static func event(_ text: String) -> String {
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\(Transcript.jsonString(text))}}]}\n\n"
        }
    }

    /// Starts `ssechat --once FLAGS go` on a pseudo-terminal against `server`, stderr discarded.
    static func start(
        _ server: StallingServer,
        flags: [String],
        columns: UInt16
    ) throws -> (PseudoTerminal, PTYTemporaryDirectory) {
        let home = try PTYTemporaryDirectory()
        var environment = PseudoTerminal.defaultEnvironment
        environment["HOME"] = home.path
        environment["XDG_STATE_HOME"] = home.file("state")
        environment["OPENAI_BASE_URL"] = server.baseURL
        let terminal = try PseudoTerminal(
            executable: "/bin/sh",
            arguments: ["-c", #"exec "$0" "$@" 2>/dev/null"#, try BuiltProducts.path(of: "ssechat"), "--once"]
                + flags + ["go"],
            environment: environment,
            columns: columns
        )
        return (terminal, home)
    }

    @Test("A reply that stalls inside a word shows the word within a second", arguments: [[], ["--pace", "200"]])
    func stalledWordShows(flags: [String]) async throws {
        let server = try StallingServer(before: ["Hello ", "wor"], after: ["ld."])
        let (terminal, _) = try Self.start(server, flags: flags, columns: 80)
        defer { terminal.terminate() }
        try await terminal.waitForOutput(containing: "Hello")
        // Without the frame timer "wor" would stay hidden until the server resumes, which it does only below.
        try await terminal.waitForOutput(containing: "Hello wor", timeout: .seconds(1))
        #expect(terminal.plainOutput == "Hello wor", "\(terminal.plainOutput.debugDescription)")
        server.resume.open()
        #expect(try await terminal.waitForExit() == 0)
        await terminal.waitForEndOfOutput()
        #expect(terminal.plainOutput == "Hello world.\n", "\(terminal.plainOutput.debugDescription)")
    }

    @Test("A shown word that then outgrows the line moves to the next one, erased from its own line only")
    func shownWordMoves() async throws {
        // 20 columns: "The reply stalls in" is 19 cells, so " in" shows; "incredibly" then does not fit.
        let server = try StallingServer(before: ["The reply stalls ", "in"], after: ["credibly ", "slowly."])
        let (terminal, _) = try Self.start(server, flags: [], columns: 20)
        defer { terminal.terminate() }
        try await terminal.waitForOutput(containing: "stalls in", timeout: .seconds(10))
        server.resume.open()
        #expect(try await terminal.waitForExit() == 0)
        await terminal.waitForEndOfOutput()
        // "c" still fits and fills the line, leaving the cursor on its last cell (pending wrap); at "r" the word
        // moves: back 3 cells to just after "stalls", erase to the end of that line, newline (CR LF on a tty), the
        // whole word.
        #expect(
            terminal.output == "The reply stalls inc\u{1B}[3D\u{1B}[K\r\nincredibly slowly.\r\n",
            "\(terminal.output.debugDescription)"
        )
    }
}
