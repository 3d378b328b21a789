private import CLibEdit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one libedit editor (`EditLine`) and its in-memory history (`History`).
///
/// Not thread-safe: ``LibEditLineReader`` serialises every call. The editor functions in
/// `EditLineSession+EditorFunctions.swift` find this object again through libedit's client-data pointer; the
/// pointer is unretained, which is safe because `el_end` runs (in ``close()`` or `deinit`) before this object goes.
///
/// Terminal handling:
/// - Emacs key bindings, then the user's `~/.editrc` (or `$EDITRC`), then this reader's own keys:
///   Tab (completion), Ctrl-C (interrupt), Ctrl-X Ctrl-E (edit in an external editor) and the bracketed-paste
///   start marker.
/// - In edit mode the terminal's `isig` flag is cleared (`setty -d -isig`), so Ctrl-C reaches the editor as a key
///   instead of raising SIGINT; no signal handler is involved and libedit's own (EL_SIGNAL) stays off. Between
///   reads the terminal is in its normal mode, where Ctrl-C raises SIGINT as usual (the REPL uses it to cancel a
///   streaming reply). Ctrl-Z and Ctrl-\ are likewise plain keys while the prompt is shown.
/// - `icrnl` and `inlcr` (which libedit sets) are cleared too, so a paste's CR LF arrives as it is (and becomes
///   one newline); Enter (CR) and Ctrl-J (LF) both submit.
/// - After every read the cursor is at the start of a fresh line: libedit moves there after Enter and Ctrl-C,
///   and ``read(prompt:)`` writes the newline after Ctrl-D.
/// - `el_end` restores the terminal settings found at `el_init`.
final class EditLineSession {
    let editor: OpaquePointer
    let history: OpaquePointer
    let completions: @Sendable (String) -> [String]
    /// Set by the Ctrl-C editor function during `el_gets`.
    var interrupted = false
    /// Set by the Ctrl-X Ctrl-E editor function during `el_gets`.
    var editRequested = false
    private let output: UnsafeMutablePointer<FILE>
    private let isTerminal: Bool
    private let bracketedPaste: Bool
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private var closed = false

    /// Starts libedit on the process's standard input and output.
    /// - Parameters:
    ///   - programName: The name `~/.editrc` entries are matched against.
    ///   - historyLimit: The most history entries kept in memory.
    ///   - completions: Candidates for the line's text before the cursor.
    /// - Throws: ``LineEditorError`` with code `.editorUnavailable` when libedit cannot start.
    init(programName: String, historyLimit: Int, completions: @escaping @Sendable (String) -> [String]) throws {
        Self.useUTF8Locale()
        guard let output = clibedit_stdout(),
            let editor = el_init(programName, clibedit_stdin(), output, clibedit_stderr())
        else {
            throw LineEditorError(code: .editorUnavailable)
        }
        guard let history = history_init() else {
            el_end(editor)
            throw LineEditorError(code: .editorUnavailable)
        }
        self.editor = editor
        self.history = history
        self.output = output
        self.completions = completions
        self.promptBuffer = strdup("")
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        self.isTerminal = isatty(STDIN_FILENO) == 1 && isatty(fileno(output)) == 1
        self.bracketedPaste = isTerminal && term != "dumb" && !term.isEmpty
        configure(historyLimit: historyLimit)
    }

    deinit {
        close()
    }

    private func configure(historyLimit: Int) {
        _ = clibedit_history_set_size(history, Int32(clamping: historyLimit))
        _ = clibedit_history_set_unique(history, 1)
        _ = clibedit_set_history(editor, history)
        _ = clibedit_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = clibedit_set_prompt(editor, Self.promptFunction, 1)
        _ = clibedit_set_editor(editor, "emacs")
        _ = clibedit_set_signal(editor, 0)
        _ = clibedit_setty(editor, "-d", "-isig")
        _ = clibedit_setty(editor, "-d", "-icrnl")
        _ = clibedit_setty(editor, "-d", "-inlcr")
        _ = el_source(editor, nil)
        _ = clibedit_add_function(editor, "ssechat-complete", "Complete the word", Self.completeFunction)
        _ = clibedit_add_function(editor, "ssechat-interrupt", "Discard the line", Self.interruptFunction)
        _ = clibedit_add_function(editor, "ssechat-paste", "Insert a bracketed paste", Self.pasteFunction)
        _ = clibedit_add_function(editor, "ssechat-edit", "Edit the line in $VISUAL or $EDITOR", Self.editFunction)
        _ = clibedit_bind(editor, "^I", "ssechat-complete")
        _ = clibedit_bind(editor, "^C", "ssechat-interrupt")
        _ = clibedit_bind(editor, "^X^E", "ssechat-edit")
        _ = clibedit_bind(editor, BracketedPaste.startMarker, "ssechat-paste")
    }

    /// Reads one line with `el_gets`; blocks until the user submits, interrupts or ends the input.
    /// - Parameters:
    ///   - prompt: The prompt; text between two `\u{01}` characters is treated as taking no width.
    ///   - initialText: Text the line starts with, newlines included (it goes in as a bracketed paste would, so
    ///     nothing in it acts as a key).
    /// - Returns: The result of the read.
    func read(prompt: String, initialText: String = "") -> LineReadResult {
        guard !closed else { return .endOfInput }
        guard let newPrompt = strdup(prompt) else { return .endOfInput }
        free(promptBuffer)
        promptBuffer = newPrompt
        interrupted = false
        editRequested = false
        if !initialText.isEmpty {
            el_push(editor, BracketedPaste.startMarker + initialText + BracketedPaste.endMarker)
        }
        if bracketedPaste { write(BracketedPaste.enableSequence) }
        defer {
            if bracketedPaste { write(BracketedPaste.disableSequence) }
        }
        var retries = 0
        while true {
            var count: Int32 = 0
            errno = 0
            let line = el_gets(editor, &count)
            if interrupted { return .interrupted }
            guard let line, count > 0 else {
                if count < 0 && errno == EINTR && retries < 3 {
                    retries += 1
                    continue
                }
                if isTerminal { write("\n") }
                return .endOfInput
            }
            let start = UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self)
            var bytes = UnsafeBufferPointer(start: start, count: Int(count))
            if bytes.last == UInt8(ascii: "\n") {
                bytes = UnsafeBufferPointer(rebasing: bytes.dropLast())
            }
            let text = String(decoding: bytes, as: UTF8.self)
            return editRequested ? .editRequested(text) : .line(text)
        }
    }

    /// Adds an entry to the in-memory history.
    /// - Parameter entry: The entry.
    func enterHistory(_ entry: String) {
        guard !closed else { return }
        _ = clibedit_history_enter(history, entry)
    }

    /// Writes text straight to the terminal through libedit's output stream.
    /// - Parameter text: The text.
    func write(_ text: String) {
        fputs(text, output)
        fflush(output)
    }

    /// The prompt for the current read, for the prompt function.
    var prompt: UnsafeMutablePointer<CChar>? { promptBuffer }

    /// Ends libedit (restoring the terminal) and frees the history. Idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        el_end(editor)
        history_end(history)
        free(promptBuffer)
        promptBuffer = nil
    }

    /// libedit decodes input with the C library's multibyte functions: make them decode UTF-8, taking the
    /// user's locale when it is a UTF-8 one and `C.UTF-8` otherwise (a bare container has no `LANG`).
    private static func useUTF8Locale() {
        _ = setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}
