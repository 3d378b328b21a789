import GRDB

/// Why the conversation log could not be used; its description is one line for stderr.
package struct ConversationStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    package enum Code: Sendable, Equatable {
        /// The file is not an SQLite database, or is damaged.
        case notADatabase
        /// The database was written by a newer ssechat (a migration this version does not know).
        case newerVersion
        /// The disk (or the file system's quota) is full.
        case diskFull
        /// The file or its folder cannot be opened, read or written.
        case cannotOpen
        /// Any other SQLite failure.
        case other
    }

    /// The kind of failure.
    package var code: Code
    /// The database's path, when it has one.
    package var path: String?
    /// SQLite's own words, when they add something.
    package var detail: String?

    /// Creates an error.
    package init(_ code: Code, path: String?, detail: String? = nil) {
        self.code = code
        self.path = path
        self.detail = detail
    }

    /// Classifies an error thrown by GRDB or the file system.
    /// - Parameters:
    ///   - error: The error.
    ///   - path: The database's path.
    /// - Returns: The store's error.
    package static func from(_ error: any Error, path: String?) -> ConversationStoreError {
        if let error = error as? ConversationStoreError { return error }
        guard let error = error as? DatabaseError else {
            return ConversationStoreError(.cannotOpen, path: path, detail: "\(error)")
        }
        let code: Code =
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: .notADatabase
            case .SQLITE_FULL: .diskFull
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH, .SQLITE_IOERR: .cannotOpen
            default: .other
            }
        return ConversationStoreError(code, path: path, detail: error.message)
    }

    package var description: String {
        let place = path.map { "the conversation log \($0)" } ?? "the conversation log"
        switch code {
        case .notADatabase:
            return "\(place) is not a readable database (left untouched)"
        case .newerVersion:
            return "\(place) was written by a newer ssechat (left untouched)"
        case .diskFull:
            return "cannot write to \(place): the disk is full"
        case .cannotOpen:
            return "cannot use \(place)" + (detail.map { ": \($0)" } ?? "")
        case .other:
            return "\(place) failed" + (detail.map { ": \($0)" } ?? "")
        }
    }
}
