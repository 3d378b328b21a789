import Testing

@testable import ChatCLI

/// `RunMode.select` when stdin is a file attached with `-f -`: it is then never read as the prompt or as lines.
@Suite("RunMode with -f -")
struct RunModeTests {
    @Test(
        "piped stdin attached: one turn with the prompt as given (maybe empty), stdin not read here",
        arguments: [(["explain"], false), ([], false), ([], true), (["a", "b"], true)]
    )
    func attachedPipe(words: [String], once: Bool) {
        let mode = RunMode.select(
            promptWords: words,
            once: once,
            stdinIsTerminal: false,
            stdoutIsTerminal: false,
            stdinIsAttached: true,
            readStdin: {
                Issue.record("stdin read as the prompt"); return ""
            }
        )
        #expect(mode == .once(words.joined(separator: " ")))
    }

    @Test("without -f -, piped stdin with no prompt is still one turn per line")
    func notAttached() {
        let mode = RunMode.select(
            promptWords: [],
            once: false,
            stdinIsTerminal: false,
            stdoutIsTerminal: false,
            readStdin: { "" }
        )
        #expect(mode == .script)
    }

    @Test("a terminal on stdin decides as without -f -")
    func terminal() {
        let select = { (words: [String]) in
            RunMode.select(
                promptWords: words,
                once: false,
                stdinIsTerminal: true,
                stdoutIsTerminal: true,
                stdinIsAttached: true,
                readStdin: { "" }
            )
        }
        #expect(select([]) == .repl)
        #expect(select(["hi"]) == .once("hi"))
    }
}
