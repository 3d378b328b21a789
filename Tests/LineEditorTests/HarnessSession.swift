import Foundation
import LineEditor
import TestSupport

/// A `line-editor-harness` process in a pseudo-terminal, with a temporary folder for its history file.
///
/// The harness numbers its prompts (`h1> `, `h2> ` …) and reports each read as `LINE:<JSON>`, `INTERRUPTED`,
/// `EDIT:<JSON>` or `EOF`; ``submit(_:)`` types keys and returns the reported result.
final class HarnessSession {
    let terminal: PseudoTerminal
    let historyPath: String
    private var promptNumber = 1
    private let promptEnd: String

    /// Starts the harness.
    /// - Parameters:
    ///   - folder: The test's temporary folder; the history file is `<folder>/state/ssechat/history`.
    ///   - historyLimit: The harness's history cap.
    ///   - wrapper: A shell command line run by `/bin/sh -c` instead of the harness itself; `"$0"` in it is the
    ///     harness's path.
    ///   - boldPrompt: Makes the harness show its prompt in bold.
    init(folder: TemporaryFolder, historyLimit: Int? = nil, wrapper: String? = nil, boldPrompt: Bool = false) throws {
        historyPath = folder.path + "/state/ssechat/history"
        promptEnd = boldPrompt ? ">\u{1B}[0m " : "> "
        var environment = PseudoTerminal.defaultEnvironment
        environment["HOME"] = folder.path
        environment["LINE_EDITOR_HARNESS_HISTORY"] = historyPath
        if boldPrompt {
            environment["LINE_EDITOR_HARNESS_BOLD"] = "1"
        }
        if let historyLimit {
            environment["LINE_EDITOR_HARNESS_LIMIT"] = String(historyLimit)
        }
        let harness = try BuiltProducts.path(of: "line-editor-harness")
        if let wrapper {
            terminal = try PseudoTerminal(
                executable: "/bin/sh",
                arguments: ["-c", wrapper, harness],
                environment: environment
            )
        } else {
            terminal = try PseudoTerminal(executable: harness, arguments: [], environment: environment)
        }
    }

    /// The prompt the harness shows next.
    var prompt: String { "h\(promptNumber)" + promptEnd }

    /// Waits for the current prompt and then for libedit to put the terminal in raw mode: it prints the prompt
    /// first, and a key that arrives before raw mode meets the terminal driver instead (Ctrl-D at the start of a
    /// line is taken as the driver's end of file and lost, Ctrl-C raises SIGINT).
    func waitForPrompt() async throws {
        try await terminal.waitForOutput(containing: prompt)
        try await PTYTerminalMode.waitForRawMode(processID: terminal.processID)
    }

    /// Waits for the current prompt, types `keys`, and returns what the harness reported for that read.
    /// - Parameter keys: Keystrokes ending the read (Enter, Ctrl-C or Ctrl-D).
    /// - Returns: The read's result.
    func submit(_ keys: String) async throws -> LineReadResult {
        try await waitForPrompt()
        let mark = terminal.outputMark
        terminal.send(keys)
        promptNumber += 1
        let endMarker = keys.hasSuffix("\u{04}") ? "CLOSED" : prompt
        try await terminal.waitForOutput(containing: endMarker, after: mark)
        let raw = String(decoding: Array(terminal.output.utf8)[mark...], as: UTF8.self)
        let text = PseudoTerminal.strippingEscapes(raw)
        for line in text.split(separator: "\n").reversed() {
            if line == "INTERRUPTED" { return .interrupted }
            if line == "EOF" { return .endOfInput }
            if line.hasPrefix("LINE:") {
                return .line(try JSONDecoder().decode(String.self, from: Data(line.dropFirst(5).utf8)))
            }
            if line.hasPrefix("EDIT:") {
                return .editRequested(try JSONDecoder().decode(String.self, from: Data(line.dropFirst(5).utf8)))
            }
        }
        throw HarnessError(output: text)
    }

    /// Types keys at the current prompt without finishing the read.
    func type(_ keys: String) async throws {
        try await waitForPrompt()
        terminal.send(keys)
    }

    struct HarnessError: Error, CustomStringConvertible {
        let output: String
        var description: String { "the harness reported no result; output:\n\(output)" }
    }
}

/// A temporary folder, removed when the value goes.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/line-editor-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The permission bits of a file, or nil when it does not exist.
func permissions(of path: String) -> Int? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        let mode = attributes[.posixPermissions] as? NSNumber
    else { return nil }
    return mode.intValue & 0o777
}
