import Foundation
import TestSupport

/// `ssechat --once` against a scripted server, with stdout on a real pseudo-terminal.
enum TerminalOnceRun {
    /// Where stderr goes.
    enum Stderr {
        /// The pseudo-terminal too (spinner and status lines appear in the output).
        case terminal
        /// A file, so the output holds stdout alone.
        case file
    }

    /// What a run produced.
    struct Result {
        /// Everything written to the pseudo-terminal.
        var output: String
        /// The exit status.
        var status: Int32
        /// Stderr, when it went to a file.
        var stderr: String?
    }

    /// Runs `ssechat --once ARGUMENTS "show me"` to the end.
    /// - Parameters:
    ///   - reply: The server's reply.
    ///   - arguments: Flags before the prompt.
    ///   - stderr: Where stderr goes.
    ///   - environment: Variables to add or override.
    ///   - columns: The terminal's width.
    ///   - whileRunning: Called once the program started, with its terminal and the server (to open a gate, say).
    static func run(
        _ reply: ScriptedReply,
        arguments: [String] = [],
        stderr: Stderr = .file,
        environment: [String: String] = [:],
        columns: UInt16 = 80,
        whileRunning: (PseudoTerminal, REPLChatServer) async throws -> Void = { _, _ in }
    ) async throws -> Result {
        let server = try REPLChatServer([reply])
        let folder = try PTYTemporaryDirectory()
        let shell: String? =
            switch stderr {
            case .terminal: nil
            case .file: #"exec "$0" "$@" 2>"$SSECHAT_TEST_DIR/stderr""#
            }
        let session = try REPLSession(
            server: server,
            arguments: ["--once"] + arguments + ["show me"],
            environment: environment.merging(["SSECHAT_TEST_DIR": folder.path]) { $1 },
            columns: columns,
            shell: shell
        )
        try await whileRunning(session.terminal, server)
        let status = try await session.terminal.waitForExit()
        await session.terminal.waitForEndOfOutput()
        let errors = stderr == .file ? try? String(contentsOfFile: folder.file("stderr"), encoding: .utf8) : nil
        return Result(output: session.terminal.output, status: status, stderr: errors)
    }
}
