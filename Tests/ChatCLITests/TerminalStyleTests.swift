import Foundation
import TestSupport
import Testing

/// Colour, dimmed reasoning and the "thinking…" spinner, as they reach a real pseudo-terminal.
@Suite("Terminal: colour, reasoning and spinner", .timeLimit(.minutes(1)))
struct TerminalStyleTests {
    static let reasoningReply = ScriptedReply(["The ", "answer ", "is ", "42."], reasoning: ["Let me ", "think. "])

    struct ColorCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var environment: [String: String]
        var expectsColor: Bool
        var testDescription: String { "\(arguments) \(environment) → colour \(expectsColor)" }
    }

    static let colorCases = [
        ColorCase(arguments: ["--color", "never"], environment: [:], expectsColor: false),
        ColorCase(arguments: [], environment: ["NO_COLOR": "1"], expectsColor: false),
        ColorCase(arguments: ["--color", "auto"], environment: ["NO_COLOR": "1"], expectsColor: false),
        ColorCase(arguments: [], environment: [:], expectsColor: true),
        ColorCase(arguments: ["--color", "always"], environment: ["NO_COLOR": "1"], expectsColor: true),
    ]

    @Test("--once: --color never and NO_COLOR give no SGR at all, on stdout or stderr", arguments: colorCases)
    func onceColor(_ colorCase: ColorCase) async throws {
        let run = try await TerminalOnceRun.run(
            Self.reasoningReply,
            arguments: colorCase.arguments + ["--stats"],
            stderr: .terminal,
            environment: colorCase.environment
        )
        #expect(run.status == 0)
        let sgr = PTYControls.all(in: run.output).filter(PTYControls.isSGR)
        #expect(sgr.isEmpty == !colorCase.expectsColor, "\(sgr.map(PTYControls.visible))")
        #expect(PseudoTerminal.strippingEscapes(run.output).contains("The answer is 42."))
    }

    @Test("REPL: --color never and NO_COLOR give no SGR in the banner, notes, errors or replies", arguments: colorCases)
    func replColor(_ colorCase: ColorCase) async throws {
        let server = try REPLChatServer([Self.reasoningReply])
        let session = try REPLSession(
            server: server,
            arguments: colorCase.arguments,
            environment: colorCase.environment
        )
        try await session.enter("question\r", expecting: "42.")
        try await session.enter("/nope\r", expecting: "unknown command")
        try await session.enter("/stats\r", expecting: "reconnects")
        try await session.type("\u{04}")
        #expect(try await session.terminal.waitForExit() == 0)
        let sgr = PTYControls.all(in: session.terminal.output).filter(PTYControls.isSGR)
        #expect(sgr.isEmpty == !colorCase.expectsColor, "\(sgr.map(PTYControls.visible))")
    }

    @Test("Reasoning is dimmed and set apart; the answer is not dimmed")
    func reasoningDimmed() async throws {
        let run = try await TerminalOnceRun.run(Self.reasoningReply, arguments: ["--color", "always"])
        #expect(run.status == 0)
        let output = run.output
        let dim = try #require(output.range(of: "\u{1B}[2m"))
        let reasoning = try #require(output.range(of: "Let me think."))
        let reset = try #require(output.range(of: "\u{1B}[0m"))
        let answer = try #require(output.range(of: "The answer is 42."))
        #expect(dim.upperBound <= reasoning.lowerBound)
        #expect(reasoning.upperBound <= reset.lowerBound)
        #expect(reset.upperBound <= answer.lowerBound)
        #expect(output.range(of: "\u{1B}[2m", range: reset.upperBound..<output.endIndex) == nil)
        // One blank line between the reasoning and the answer.
        #expect(PseudoTerminal.strippingEscapes(output).contains("Let me think.\n\nThe answer is 42.\n"))
    }

    @Test("The spinner shows on the terminal before the first token and is erased before the reply")
    func spinner() async throws {
        let gate = Gate()
        let run = try await TerminalOnceRun.run(
            ScriptedReply(["Answer ", "arrives ", "now."], gate: gate),
            stderr: .terminal
        ) { terminal, _ in
            try await terminal.waitForOutput(containing: "thinking…")
            gate.open()
        }
        #expect(run.status == 0)
        let output = run.output
        let lastFrame = try #require(output.range(of: "thinking…", options: .backwards))
        let answer = try #require(output.range(of: "Answer arrives now."))
        let erase = try #require(output.range(of: "\r\u{1B}[2K", range: lastFrame.upperBound..<output.endIndex))
        #expect(erase.upperBound <= answer.lowerBound, "\(PTYControls.visible(output))")
    }

    @Test("The spinner is on stderr: with stdout in a file the terminal gets it, erased, and the file gets none")
    func spinnerOnStderr() async throws {
        let gate = Gate()
        let server = try REPLChatServer([ScriptedReply(["Answer ", "arrives ", "now."], gate: gate)])
        let folder = try PTYTemporaryDirectory()
        let session = try REPLSession(
            server: server,
            arguments: ["--once", "show me"],
            environment: ["SSECHAT_TEST_DIR": folder.path],
            shell: #"exec "$0" "$@" >"$SSECHAT_TEST_DIR/stdout""#
        )
        try await session.terminal.waitForOutput(containing: "thinking…")
        gate.open()
        #expect(try await session.terminal.waitForExit() == 0)
        await session.terminal.waitForEndOfOutput()
        let output = session.terminal.output
        let lastFrame = try #require(output.range(of: "thinking…", options: .backwards))
        #expect(output[lastFrame.upperBound...].hasSuffix("\r\u{1B}[2K"), "\(PTYControls.visible(output))")
        let stdout = try String(contentsOfFile: folder.file("stdout"), encoding: .utf8)
        #expect(stdout == "Answer arrives now.\n")
    }
}
