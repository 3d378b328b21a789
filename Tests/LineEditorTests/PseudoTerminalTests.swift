import Foundation
import TestSupport
import Testing

@Suite("PseudoTerminal and BuiltProducts", .timeLimit(.minutes(1)))
struct PseudoTerminalTests {
    private static func shell(_ script: String) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: "/bin/sh",
            arguments: ["-c", script],
            environment: PseudoTerminal.defaultEnvironment
        )
    }

    @Test("Output is captured, input is typed, and the exit status is reported")
    func roundTrip() async throws {
        let terminal = try Self.shell(#"printf 'ready\n'; read line; echo "got<$line>"; exit 3"#)
        try await terminal.waitForOutput(containing: "ready")
        terminal.send("abc\r")
        try await terminal.waitForOutput(containing: "got<abc>")
        #expect(try await terminal.waitForExit() == 3)
        #expect(terminal.plainOutput.contains("ready\nabc\ngot<abc>\n"))
    }

    @Test("The child runs on a terminal of the requested size, and resize reaches it")
    func size() async throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/sh",
            arguments: ["-c", "test -t 0 && stty size; read x; stty size"],
            environment: PseudoTerminal.defaultEnvironment,
            rows: 20,
            columns: 70
        )
        try await terminal.waitForOutput(containing: "20 70")
        terminal.resize(rows: 30, columns: 100)
        terminal.send("\r")
        try await terminal.waitForOutput(containing: "30 100")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test("waitForOutput(after:) only looks at later output")
    func mark() async throws {
        let terminal = try Self.shell("echo one; read x; echo one; read y")
        try await terminal.waitForOutput(containing: "one")
        let mark = terminal.outputMark
        terminal.send("\r")
        let output = try await terminal.waitForOutput(containing: "one", after: mark)
        #expect(output.components(separatedBy: "one").count == 3)
        terminal.send("\r")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test("Waiting fails fast when the program ends without the text, and after a timeout")
    func failures() async throws {
        let terminal = try Self.shell("echo bye")
        await #expect(throws: PseudoTerminalError.self) {
            try await terminal.waitForOutput(containing: "never", timeout: .seconds(30))
        }
        let sleeper = try Self.shell("sleep 30")
        await #expect(throws: PseudoTerminalError.self) {
            try await sleeper.waitForOutput(containing: "never", timeout: .milliseconds(200))
        }
        // The wait ended on its timeout, not on the program's end: the program still runs.
        #expect(PTYProcessTable.isRunning(sleeper.processID))
        sleeper.terminate()
    }

    @Test("terminate() kills the process group; a signal shows as 128 + its number")
    func terminate() async throws {
        let terminal = try Self.shell("echo started; sleep 30; echo not reached")
        try await terminal.waitForOutput(containing: "started")
        terminal.terminate()
        terminal.terminate()
        #expect(try await terminal.waitForExit() == 128 + SIGKILL)
        let signalled = try Self.shell("kill -TERM $$")
        #expect(try await signalled.waitForExit() == 128 + SIGTERM)
    }

    @Test(
        "strippingEscapes removes control sequences",
        arguments: [
            ("\u{1B}[?2004hh1> \u{1B}[1mbold\u{1B}[0m\r\n", "h1> bold\n"),
            ("\u{1B}]8;;https://x\u{07}link\u{1B}]8;;\u{1B}\\ end", "link end"),
            ("a\u{1B}7b\u{1B}(Bc\u{1B}[8Gd\u{07}", "abcd"),
            ("tab\tstays", "tab\tstays"),
            ("cut \u{1B}[", "cut "),
        ]
    )
    func strip(raw: String, plain: String) {
        #expect(PseudoTerminal.strippingEscapes(raw) == plain)
    }

    @Test("BuiltProducts finds the harness next to the tests and reports what it searched otherwise")
    func builtProducts() throws {
        let path = try BuiltProducts.path(of: "line-editor-harness")
        #expect(FileManager.default.isExecutableFile(atPath: path))
        let error = #expect(throws: BuiltProducts.NotFound.self) {
            try BuiltProducts.path(of: "no-such-product")
        }
        #expect(error?.searched.isEmpty == false)
    }
}
