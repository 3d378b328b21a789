import Foundation
import TestSupport
import Testing

/// Code blocks rendered on a real terminal (tmux) copy back exactly: what `tmux capture-pane -J` reads from the
/// screen holds every code line as it was fenced.
@Suite("Markdown in tmux: code blocks copy back exactly", .timeLimit(.minutes(1)))
struct TmuxCopyBackTests {
    static let markdown = """
        Some **text** before, long enough to wrap on a narrow terminal at least once or twice.

        ```python
        def greet(name):
            return f"Hello, {name}!"  # a comment longer than the pane is wide, so the terminal wraps it itself
        ```

        - a list item with code:
          ```sh
          for f in *.txt; do wc -l "$f"; done
          ```

        Done.
        """

    @Test("capture-pane -J gives back each code line, at 30 and 80 columns", arguments: [30, 80])
    func copyBack(columns: Int) async throws {
        let directory = try PTYTemporaryDirectory()
        let input = directory.file("reply.md")
        try Self.markdown.write(toFile: input, atomically: true, encoding: .utf8)
        let binary = try BuiltProducts.path(of: "ssechat")
        let socket = directory.file("tmux.sock")
        let session = "copy\(columns)"
        defer {
            let kill = Process()
            kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            kill.arguments = ["tmux", "-S", socket, "kill-server"]
            try? kill.run()
            kill.waitUntilExit()
        }
        // The pane stays after the command ends (remain-on-exit), so its screen can be read at leisure.
        try await Self.tmux(
            socket,
            [
                "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "40",
                "sh -c '\"$0\" render < \"$1\"; echo RENDERED' \(binary) \(input)", ";",
                "set-option", "-t", session, "remain-on-exit", "on",
            ]
        )
        var screen = ""
        for _ in 0..<200 {
            screen = try await Self.tmux(socket, ["capture-pane", "-p", "-J", "-t", session])
            if screen.contains("RENDERED") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(screen.contains("RENDERED"), "\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        for code in [
            "def greet(name):",
            #"    return f"Hello, {name}!"  # a comment longer than the pane is wide, so the terminal wraps it itself"#,
            #"for f in *.txt; do wc -l "$f"; done"#,
        ] {
            #expect(lines.contains(code), "\(code) not on the screen:\n\(screen)")
        }
        #expect(!screen.contains("```"))
    }

    /// Runs tmux on its own socket, in a pseudo-terminal of its own: the child starts with no signal blocked (a
    /// test thread's blocked signals would be inherited through a plain spawn, and tmux would hang).
    @discardableResult
    static func tmux(_ socket: String, _ arguments: [String]) async throws -> String {
        var environment = PseudoTerminal.defaultEnvironment
        environment["TERM"] = "xterm-256color"
        let terminal = try PseudoTerminal(
            executable: "/usr/bin/env",
            arguments: ["tmux", "-S", socket] + arguments,
            environment: environment,
            columns: 200
        )
        let status = try await terminal.waitForExit()
        _ = await terminal.waitForEndOfOutput()
        let text = terminal.output.replacingOccurrences(of: "\r\n", with: "\n")
        try #require(status == 0, "tmux \(arguments.first ?? "") failed: \(text)")
        return text
    }
}
