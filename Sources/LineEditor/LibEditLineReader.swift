import Foundation
import Synchronization

/// Reads lines on a terminal with libedit: Emacs-style editing, persistent history, Tab completion, Ctrl-C to
/// discard the line, Ctrl-D to end, Ctrl-X Ctrl-E to ask for an external editor (`.editRequested`), and bracketed
/// paste (a pasted block of lines becomes one line holding newlines, submitted with Enter).
///
/// Every `el_gets` runs on a thread of its own, never on the cooperative pool. Call ``close()`` (or let the
/// reader go) once the REPL ends: it restores the terminal settings found when the reader was created. Do not call
/// ``close()`` while a ``readLine(prompt:)`` is in progress; it waits for that read to finish.
///
/// `@unchecked Sendable`: it wraps libedit's `EditLine` and `History`, which are not thread-safe. Invariant: the
/// session is only touched while `editorLock` is held, and the reading thread holds it for the whole `el_gets`;
/// history entries added meanwhile wait in `historyState.pending` (behind a `Mutex`) until the lock is free.
package final class LibEditLineReader: LineReader, @unchecked Sendable {
    private struct HistoryState {
        var last: String?
        var pending: [String] = []
    }

    private let session: EditLineSession
    private let editorLock = NSLock()
    private let historyFile: HistoryFile?
    private let historyState: Mutex<HistoryState>

    /// Starts libedit on standard input and output and loads the history.
    /// - Parameters:
    ///   - programName: The program's name, which `~/.editrc` entries can be scoped to.
    ///   - historyFile: The history file's path (see ``HistoryFile/defaultPath(environment:)``), or `nil` to keep
    ///     history for this session only.
    ///   - historyLimit: The most entries kept, in memory and in the file.
    ///   - completions: Candidates for the text from the line's start to the cursor; Tab replaces the word
    ///     before the cursor with them (see the REPL's slash commands). Called on the reading thread.
    /// - Throws: ``LineEditorError``: `.historyFile` when the history file cannot be created or read,
    ///   `.editorUnavailable` when libedit cannot start.
    package init(
        programName: String,
        historyFile: String?,
        historyLimit: Int = 1000,
        completions: @escaping @Sendable (String) -> [String]
    ) throws {
        let file = historyFile.map { HistoryFile(path: $0, limit: historyLimit) }
        let entries = try file?.load() ?? []
        self.historyFile = file
        self.historyState = Mutex(HistoryState(last: entries.last))
        self.session = try EditLineSession(
            programName: programName,
            historyLimit: historyLimit,
            completions: completions
        )
        for entry in entries {
            session.enterHistory(entry)
        }
    }

    deinit {
        session.close()
    }

    /// Reads one line (without its newline) on a dedicated thread.
    /// - Parameter prompt: The prompt. Wrap escape sequences that take no room on screen (colours) in `\u{01}`
    ///   characters so libedit counts its width right, e.g. `"\u{01}\u{1B}[1m\u{01}>\u{01}\u{1B}[0m\u{01} "`.
    ///   libedit drops such a sequence when nothing visible follows it: end the prompt with a visible character.
    /// - Returns: The line, `.interrupted` after Ctrl-C, `.editRequested` with the line after Ctrl-X Ctrl-E, or
    ///   `.endOfInput` after Ctrl-D on an empty line, at the end of the input, or once the reader is closed.
    package func readLine(prompt: String) async -> LineReadResult {
        await readLine(prompt: prompt, initialText: "")
    }

    /// Reads one line that starts out holding `initialText` (a line given back after a cancelled edit, say).
    /// - Parameters:
    ///   - prompt: The prompt, as for ``readLine(prompt:)``.
    ///   - initialText: The text the line starts with, the cursor after it; newlines are kept.
    /// - Returns: As ``readLine(prompt:)``, or `.editRequested` after Ctrl-X Ctrl-E.
    package func readLine(prompt: String, initialText: String) async -> LineReadResult {
        await DedicatedThread.run(name: "ssechat-line-editor") { [self] in
            editorLock.withLock {
                applyPendingHistory()
                defer { applyPendingHistory() }
                return session.read(prompt: prompt, initialText: initialText)
            }
        }
    }

    /// Adds an entry to history (and appends it to the history file) unless it starts with a space, is blank, or
    /// repeats the newest entry. A history file that cannot be written is skipped silently.
    /// - Parameter line: The line as the user submitted it.
    package func addHistory(_ line: String) {
        let recorded = historyState.withLock { state in
            guard HistoryFile.shouldRecord(line, previous: state.last) else { return false }
            state.last = line
            state.pending.append(line)
            try? historyFile?.append(line)
            return true
        }
        if recorded && editorLock.try() {
            applyPendingHistory()
            editorLock.unlock()
        }
    }

    /// Ends libedit and restores the terminal settings found at creation. Idempotent; later reads return
    /// `.endOfInput`.
    package func close() {
        editorLock.withLock {
            applyPendingHistory()
            session.close()
        }
    }

    /// Moves entries added during a read into libedit's history. Call with `editorLock` held.
    private func applyPendingHistory() {
        let pending = historyState.withLock { state in
            defer { state.pending.removeAll() }
            return state.pending
        }
        for entry in pending {
            session.enterHistory(entry)
        }
    }
}
