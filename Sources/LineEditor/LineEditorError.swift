#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error from the line editor: libedit could not start, the history file could not be read or written, or the
/// external editor (``ExternalEditor``) could not be used.
package struct LineEditorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, broadly.
    package enum Code: Sendable, Equatable {
        /// `el_init` or `history_init` failed.
        case editorUnavailable
        /// The history file or its folder could not be created, read or written.
        case historyFile
        /// The external editor's program (named here) is not in `PATH`.
        case editorNotFound(String)
        /// The external editor could not be started (`systemError` says why).
        case editorNotStarted(String)
        /// The external editor exited with a status other than 0.
        case editorFailed(String, status: Int32)
        /// The external editor was killed by a signal.
        case editorKilled(String, signal: Int32)
        /// The temporary file for the external editor could not be created, written or read (`path`).
        case temporaryFile
    }

    /// What went wrong, broadly.
    package let code: Code
    /// The file the error is about, if any.
    package let path: String?
    /// The `errno` value behind the failure, or 0.
    package let systemError: Int32

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The file involved, if any.
    ///   - systemError: The `errno` value, or 0.
    package init(code: Code, path: String? = nil, systemError: Int32 = 0) {
        self.code = code
        self.path = path
        self.systemError = systemError
    }

    /// A one-line readable description, e.g. `cannot use history file /x/history: Permission denied`.
    package var description: String {
        var text: String
        switch code {
        case .editorUnavailable: text = "cannot start the line editor (libedit)"
        case .historyFile: text = "cannot use history file \(path ?? "")"
        case .editorNotFound(let name): text = "the editor '\(name)' was not found (set VISUAL or EDITOR)"
        case .editorNotStarted(let name): text = "cannot start the editor '\(name)'"
        case .editorFailed(let name, let status): text = "the editor '\(name)' exited with status \(status)"
        case .editorKilled(let name, let signal): text = "the editor '\(name)' was killed by signal \(signal)"
        case .temporaryFile: text = "cannot use the temporary file \(path ?? "")"
        }
        if systemError != 0 {
            text += ": " + String(cString: strerror(systemError))
        }
        return text
    }

    /// An error for the current `errno`.
    static func history(_ path: String, errno code: Int32 = errno) -> LineEditorError {
        LineEditorError(code: .historyFile, path: path, systemError: code)
    }
}
