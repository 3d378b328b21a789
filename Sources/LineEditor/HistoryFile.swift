#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The persistent history: where it lives, how it is written, and which lines belong in it.
///
/// The file holds one entry per line, oldest first, with `\` written as `\\`, a newline as `\n` and a carriage
/// return as `\r`, so that a pasted multi-line message stays one entry. Its folder is created with mode 0700 and
/// the file itself always has mode 0600, also when it existed before with a wider mode. It never holds more than
/// ``limit`` entries: an append that goes over the cap rewrites the file (to a temporary file, then `rename`) with
/// the newest ``limit`` entries. Appends re-read the file first, so two sessions running at once both keep their
/// lines.
package struct HistoryFile: Sendable, Equatable {
    /// The history file's path.
    package let path: String
    /// The most entries the file keeps.
    package let limit: Int

    /// Describes a history file; nothing is touched on disk until ``load()`` or ``append(_:)``.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - limit: The most entries to keep (at least 1).
    package init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = max(1, limit)
    }

    /// The default location: `$XDG_STATE_HOME/ssechat/history`, else `~/.local/state/ssechat/history`.
    ///
    /// `XDG_STATE_HOME` is used only when it is an absolute path, as the XDG base directory specification requires.
    /// - Parameter environment: The environment to look in (normally the process's).
    /// - Returns: The path, or `nil` when neither `XDG_STATE_HOME` nor `HOME` gives one.
    package static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return joined(state, "ssechat/history")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return joined(home, ".local/state/ssechat/history")
        }
        return nil
    }

    /// Tells whether a submitted line belongs in history: not empty or blank, not starting with a space (the
    /// user's way to keep a line private), and not the same as the entry before it.
    /// - Parameters:
    ///   - line: The submitted line.
    ///   - previous: The newest history entry, if any.
    /// - Returns: `true` when the line should be added.
    package static func shouldRecord(_ line: String, previous: String?) -> Bool {
        if line.hasPrefix(" ") || line == previous { return false }
        return line.contains { !$0.isWhitespace }
    }

    /// Makes sure the file exists with mode 0600 (creating missing folders with mode 0700) and reads it.
    /// - Returns: The newest ``limit`` entries, oldest first.
    /// - Throws: ``LineEditorError`` with code `.historyFile` when a folder or the file cannot be created or read.
    package func load() throws -> [String] {
        try createParentDirectories()
        let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LineEditorError.history(path) }
        defer { _ = close(descriptor) }
        try restrictMode(descriptor)
        let entries = try Self.decodeFile(readAll(descriptor))
        return Array(entries.suffix(limit))
    }

    /// Adds one entry at the end of the file, rewriting the file with the newest ``limit`` entries when the
    /// append would take it over the cap.
    /// - Parameter entry: The entry (it may contain newlines).
    /// - Throws: ``LineEditorError`` with code `.historyFile` when the file cannot be read or written.
    package func append(_ entry: String) throws {
        let existing = try load()
        if existing.count + 1 > limit {
            try rewrite(existing + [entry])
            return
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LineEditorError.history(path) }
        defer { _ = close(descriptor) }
        try restrictMode(descriptor)
        try writeAll(descriptor, Array((Self.encode(entry) + "\n").utf8))
    }

    /// Replaces the file's content with the newest ``limit`` of `entries`, atomically, mode 0600.
    /// - Parameter entries: The entries, oldest first.
    /// - Throws: ``LineEditorError`` with code `.historyFile` when the file cannot be written.
    package func rewrite(_ entries: [String]) throws {
        try createParentDirectories()
        let temporary = path + ".tmp-\(getpid())"
        _ = unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LineEditorError.history(temporary) }
        var text = ""
        for entry in entries.suffix(limit) {
            text += Self.encode(entry) + "\n"
        }
        do {
            try restrictMode(descriptor)
            try writeAll(descriptor, Array(text.utf8))
        } catch {
            _ = close(descriptor)
            _ = unlink(temporary)
            throw error
        }
        _ = close(descriptor)
        guard rename(temporary, path) == 0 else {
            let code = errno
            _ = unlink(temporary)
            throw LineEditorError.history(path, errno: code)
        }
    }

    // MARK: - File system helpers

    private static func joined(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// Creates each missing folder above the file with mode 0700; existing folders are left as they are.
    private func createParentDirectories() throws {
        var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty else { throw LineEditorError(code: .historyFile, path: path, systemError: EINVAL) }
        components.removeLast()
        var current = path.hasPrefix("/") ? "" : "."
        for component in components {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw LineEditorError.history(current)
            }
        }
    }

    private func restrictMode(_ descriptor: Int32) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw LineEditorError.history(path) }
        if info.st_mode & 0o777 != 0o600 && fchmod(descriptor, 0o600) != 0 {
            throw LineEditorError.history(path)
        }
    }

    private func readAll(_ descriptor: Int32) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw LineEditorError.history(path)
            }
            bytes += buffer[0..<count]
        }
    }

    private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LineEditorError.history(path)
            }
            offset += count
        }
    }
}
