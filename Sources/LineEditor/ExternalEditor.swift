import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Edits a text in the user's editor (``EditorCommand``: `$VISUAL`, else `$EDITOR`, else `vi`), as
/// `git commit` and the shell's `Ctrl-X Ctrl-E` do.
///
/// The text goes into a new temporary file (`$TMPDIR/ssechat-XXXXXX.md`, mode 0600, removed afterwards); the editor
/// runs on it in the foreground, on the same terminal, with the default action for every signal the REPL ignores
/// (so Ctrl-C reaches an editor that does not read keys raw); and what it saved is read back. Call it between
/// reads, when libedit has put the terminal back in its normal (cooked) mode; the terminal settings are saved
/// before the editor starts and put back when it ends, whatever it left behind. The blocking wait runs on a thread
/// of its own.
package struct ExternalEditor: Sendable {
    /// The editor to run.
    package let command: EditorCommand
    /// The folder for the temporary file.
    package let temporaryDirectory: String

    /// The editor and temporary folder the environment names (`VISUAL`, `EDITOR`, `TMPDIR`).
    /// - Parameter environment: The process's environment.
    package init(environment: [String: String]) {
        command = EditorCommand(environment: environment)
        temporaryDirectory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Opens the editor on `text` and waits for it to end.
    /// - Parameter text: The text the file starts with (a final newline is added when it has none).
    /// - Returns: The file's text once the editor ended (see ``message(fromSaved:)``).
    /// - Throws: ``LineEditorError``: `.editorNotFound`, `.editorNotStarted`, `.editorFailed`, `.editorKilled` or
    ///   `.temporaryFile`; nothing of the text is lost (the caller still has it).
    package func edit(_ text: String) async throws(LineEditorError) -> String {
        let command = command
        let directory = temporaryDirectory
        let result = await DedicatedThread.run(name: "ssechat-editor") {
            Result { () throws(LineEditorError) -> String in try Self.run(command, on: text, in: directory) }
        }
        return try result.get()
    }

    /// The message a saved file makes: its text without trailing blanks and newlines (editors end a file with a
    /// newline); `nil` when nothing but whitespace is left, which cancels.
    /// - Parameter text: The file's text.
    /// - Returns: The message, or `nil`.
    package static func message(fromSaved text: String) -> String? {
        guard let last = text.lastIndex(where: { !$0.isWhitespace }) else { return nil }
        return String(text[...last])
    }

    private static func run(_ command: EditorCommand, on text: String, in directory: String) throws(LineEditorError)
        -> String
    {
        let path = try createFile(holding: text.isEmpty || text.hasSuffix("\n") ? text : text + "\n", in: directory)
        defer { unlink(path) }
        var terminal = termios()
        let restores = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &terminal) == 0
        defer { if restores { tcsetattr(STDIN_FILENO, TCSADRAIN, &terminal) } }
        let status = try spawnAndWait(command.arguments(file: path), name: command.name)
        if status & 0x7F != 0 { throw LineEditorError(code: .editorKilled(command.name, signal: status & 0x7F)) }
        let exitStatus = (status >> 8) & 0xFF
        // The shell's "command not found" (the shell has said so too).
        if exitStatus == 127 && command.usesShell { throw LineEditorError(code: .editorNotFound(command.name)) }
        guard exitStatus == 0 else { throw LineEditorError(code: .editorFailed(command.name, status: exitStatus)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LineEditorError(code: .temporaryFile, path: path, systemError: ENOENT)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Creates the temporary file (mode 0600) with `text` in it.
    /// - Returns: Its path.
    private static func createFile(holding text: String, in directory: String) throws(LineEditorError) -> String {
        var template = Array((directory + "/ssechat-XXXXXX.md").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemps($0, 3) } ?? -1
        }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard descriptor >= 0 else {
            throw LineEditorError(code: .temporaryFile, path: directory + "/ssechat-XXXXXX.md", systemError: errno)
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let code = errno
                unlink(path)
                throw LineEditorError(code: .temporaryFile, path: path, systemError: code)
            }
            bytes = bytes.dropFirst(written)
        }
        return path
    }

    /// Starts the editor in this process's group (so it owns the terminal as the REPL did) and waits for it.
    /// - Returns: The raw `waitpid` status.
    private static func spawnAndWait(_ arguments: [String], name: String) throws(LineEditorError) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Ignored signals stay ignored across exec: give the editor the default action for the ones the REPL
        // ignores (SIGINT, SIGTERM, SIGPIPE …), and an empty signal mask.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let started = posix_spawnp(&pid, arguments[0], nil, &attributes, &argv, environ)
        if started == ENOENT { throw LineEditorError(code: .editorNotFound(name)) }
        guard started == 0 else { throw LineEditorError(code: .editorNotStarted(name), systemError: started) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw LineEditorError(code: .editorNotStarted(name), systemError: errno) }
        }
        return status
    }
}
