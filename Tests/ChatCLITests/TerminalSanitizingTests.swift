import Foundation
import TestSupport
import Testing

/// A reply full of terminal control sequences, rendered by `ssechat --once` with stdout on a real pseudo-terminal.
@Suite("Terminal: hostile replies", .timeLimit(.minutes(1)))
struct TerminalSanitizingTests {
    /// Colours, a screen clear and cursor moves, an OSC 8 link, an OSC 52 clipboard write (split over two
    /// deltas), a title change, an 8-bit CSI, BEL, backspace and a bare CR.
    static let hostileTokens = [
        "Start \u{1B}[31mred\u{1B}[39m ",
        "\u{1B}[2J\u{1B}[Hcleared ",
        "\u{1B}]8;;http://evil.example/\u{07}link\u{1B}]8;;\u{07} ",
        "\u{1B}]52;c;SGVs", "bG8=\u{07}clip ",
        "\u{1B}]0;pwned title\u{07}title ",
        "\u{9B}31mc1 ",
        "bell\u{07} back\u{08}space bare\rcr ",
        "\u{1B}[5;10Hmoved End",
    ]
    /// What a user may see of it.
    static let visibleText = "Start red cleared link clip title c1 bell backspace barecr moved End"
    /// Text from inside the sequences, which must never be printed.
    static let smuggled = ["evil.example", "SGVs", "bG8=", "pwned", "31m", "2J", "5;10H"]

    @Test("Nothing but the CLI's own SGR reaches the terminal", arguments: ["never", "always"])
    func sanitized(color: String) async throws {
        let reply = ScriptedReply(Self.hostileTokens, reasoning: ["Thinking \u{1B}[31mhard\u{1B}[39m\u{07}. "])
        let run = try await TerminalOnceRun.run(reply, arguments: ["--color", color])
        #expect(run.status == 0)
        let output = run.output
        let controls = PTYControls.all(in: output)
        let nonSGR = controls.filter { !PTYControls.isSGR($0) }
        #expect(nonSGR.isEmpty, "controls reached the terminal: \(nonSGR.map(PTYControls.visible))")
        let sgr = Set(controls.filter(PTYControls.isSGR))
        if color == "never" {
            #expect(sgr.isEmpty, "SGR with --color never: \(sgr.map(PTYControls.visible))")
        } else {
            // Only the dim reasoning and the reset after it; the model's red never survives.
            #expect(sgr == ["\u{1B}[2m", "\u{1B}[0m"], "\(sgr.map(PTYControls.visible))")
        }
        let plain = PseudoTerminal.strippingEscapes(output)
        #expect(plain.contains("Thinking hard."))
        #expect(plain.contains(Self.visibleText + "\n"), "\(PTYControls.visible(plain))")
        for text in Self.smuggled {
            #expect(!plain.contains(text), "\(text) leaked from inside a control sequence")
        }
    }

    @Test("--raw passes the model's bytes through untouched")
    func raw() async throws {
        let run = try await TerminalOnceRun.run(ScriptedReply(Self.hostileTokens), arguments: ["--raw"])
        #expect(run.status == 0)
        #expect(run.output.contains(Self.hostileTokens.joined()), "\(PTYControls.visible(run.output))")
    }
}
