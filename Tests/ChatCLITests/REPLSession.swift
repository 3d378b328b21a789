import Foundation
import TestSupport

/// `ssechat` on a pseudo-terminal, as a user would run it: its own `HOME` and `XDG_STATE_HOME` in a temporary
/// folder, `TERM=xterm-256color`, no `NO_COLOR`, and `OPENAI_BASE_URL` pointing at a scripted loopback server.
///
/// Typing goes through ``enter(_:expecting:prompt:)``: it waits for the prompt first (libedit reads Ctrl-C as a key
/// only while the prompt is up), types, then waits for the expected text and the next prompt after it.
final class REPLSession {
    /// The REPL's prompt.
    static let prompt = "> "
    /// The prompt while a message continues over several lines.
    static let continuationPrompt = "... "

    let terminal: PseudoTerminal
    let home: PTYTemporaryDirectory
    /// Where in the output the next wait for a prompt starts.
    private var promptMark = 0
    /// Whether keys were typed (or the program just started) since the last prompt was seen.
    private var awaitingPrompt = true

    /// The history file the REPL uses.
    var historyPath: String { home.file("state/ssechat/history") }

    /// Starts `ssechat`.
    /// - Parameters:
    ///   - server: The server `OPENAI_BASE_URL` points at.
    ///   - arguments: The command-line arguments.
    ///   - home: The folder for `HOME` and `XDG_STATE_HOME` (`<home>/state`); a new one when `nil`.
    ///   - environment: Variables to add or override.
    ///   - columns: The terminal's width.
    ///   - shell: A `/bin/sh -c` script to run instead of `ssechat` itself; `"$0" "$@"` in it runs `ssechat`.
    init(
        server: REPLChatServer,
        arguments: [String] = [],
        home: PTYTemporaryDirectory? = nil,
        environment: [String: String] = [:],
        columns: UInt16 = 80,
        shell: String? = nil
    ) throws {
        let home = try home ?? PTYTemporaryDirectory()
        self.home = home
        let environment = Self.environment(home: home, server: server).merging(environment) { $1 }
        let executable = try BuiltProducts.path(of: "ssechat")
        if let shell {
            terminal = try PseudoTerminal(
                executable: "/bin/sh",
                arguments: ["-c", shell, executable] + arguments,
                environment: environment,
                columns: columns
            )
        } else {
            terminal = try PseudoTerminal(
                executable: executable,
                arguments: arguments,
                environment: environment,
                columns: columns
            )
        }
    }

    deinit {
        terminal.terminate()
    }

    /// The environment a session starts with.
    static func environment(home: PTYTemporaryDirectory, server: REPLChatServer) -> [String: String] {
        var environment = PseudoTerminal.defaultEnvironment
        environment["HOME"] = home.path
        environment["XDG_STATE_HOME"] = home.file("state")
        environment["OPENAI_BASE_URL"] = server.baseURL
        return environment
    }

    /// Waits for the next prompt (after everything already waited for), unless it was already seen, and then for
    /// libedit to put the terminal in raw mode: it prints the prompt first, and a key that arrives before raw mode
    /// meets the terminal driver instead (Ctrl-C would raise SIGINT, Ctrl-D would be lost).
    func waitForPrompt(_ prompt: String = REPLSession.prompt) async throws {
        guard awaitingPrompt else { return }
        let offset = try await waitForText(prompt, after: promptMark)
        promptMark = offset + prompt.utf8.count
        try await PTYTerminalMode.waitForRawMode(processID: terminal.processID)
        awaitingPrompt = false
    }

    /// Waits for the prompt, types `keys`, waits for `text` (when given) and then for the next prompt.
    /// - Parameters:
    ///   - keys: The keystrokes, usually ending in Enter (`"\r"`).
    ///   - text: Output that shows the keys took effect (a reply, a note); it must not be part of the echoed keys.
    ///   - prompt: The prompt expected after it.
    /// - Returns: The output from the keys to the next prompt, escape sequences removed.
    @discardableResult
    func enter(_ keys: String, expecting text: String? = nil, prompt: String = REPLSession.prompt) async throws
        -> String
    {
        try await waitForPrompt()
        let mark = terminal.outputMark
        terminal.send(keys)
        awaitingPrompt = true
        var from = mark
        if let text {
            from = try await waitForText(text, after: mark) + text.utf8.count
        }
        promptMark = from
        try await waitForPrompt(prompt)
        return PseudoTerminal.strippingEscapes(output(from: mark))
    }

    /// Waits for the prompt and types `keys` without waiting for anything after them.
    func type(_ keys: String) async throws {
        try await waitForPrompt()
        promptMark = terminal.outputMark
        terminal.send(keys)
        awaitingPrompt = true
    }

    /// Waits until `text` appears after byte offset `mark`.
    /// - Returns: The byte offset where it starts.
    @discardableResult
    func waitForText(_ text: String, after mark: Int, timeout: Duration = .seconds(10)) async throws -> Int {
        let output = try await terminal.waitForOutput(containing: text, after: mark, timeout: timeout)
        let bytes = Array(output.utf8)
        let needle = Array(text.utf8)
        var index = mark
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return mark
    }

    /// The raw output from byte offset `mark` on.
    func output(from mark: Int) -> String {
        let bytes = Array(terminal.output.utf8)
        return String(decoding: bytes[min(mark, bytes.count)...], as: UTF8.self)
    }
}
