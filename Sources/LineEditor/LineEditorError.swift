#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error from the line editor: libedit could not start, or the history file could not be read or written.
package struct LineEditorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, broadly.
    package enum Code: Sendable, Equatable {
        /// `el_init` or `history_init` failed.
        case editorUnavailable
        /// The history file or its folder could not be created, read or written.
        case historyFile
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
