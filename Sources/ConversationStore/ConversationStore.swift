import CSQLiteConfig
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kept conversations: one SQLite database in WAL mode, written in short transactions.
///
/// One connection per process (a GRDB `DatabaseQueue`); WAL lets other processes read while one writes.
/// Each write is one `BEGIN IMMEDIATE … COMMIT` of a few rows, and no transaction is open between two calls, so a
/// second process (another REPL, a script) waits at most for one such write (the busy timeout) and never fails with
/// "database is locked". Every error is a `ConversationStoreError`.
package final class ConversationStore: Sendable {
    /// The database's path; `nil` for an in-memory store.
    package let path: String?
    private let writer: any DatabaseWriter

    private init(path: String?, writer: any DatabaseWriter) {
        self.path = path
        self.writer = writer
    }

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    ///
    /// A new folder is made with mode 0700 and a new file with mode 0600 (SQLite gives its `-wal` and `-shm` files
    /// the database's mode). A file that is not a database, or that a newer ssechat migrated, is left as it is.
    /// - Parameter path: The database's path.
    /// - Returns: The open store.
    /// - Throws: `ConversationStoreError`.
    package static func open(at path: String) throws(ConversationStoreError) -> ConversationStore {
        do {
            try prepareFile(at: path)
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.prepareDatabase { db in
                // WAL set by hand rather than by GRDB (`DatabasePool`, or `journalMode = .wal`): GRDB makes sure a
                // -wal file exists by committing a CREATE and DROP TABLE at every open, which would modify a
                // database this version must leave untouched, and costs a write at every start. On an existing WAL
                // database this pragma only reads; on garbage it fails with SQLITE_NOTADB before anything is written.
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else {
                    throw DatabaseError(message: "cannot use WAL mode (journal mode \(mode ?? "?"))")
                }
                // Durable across a crash of the process (SIGKILL) once committed; only a power loss may lose the
                // last transactions.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // No checkpoint (and -wal deletion) at close: see CSQLiteConfig.h. The first connection of a
                // process reads the whole -wal to rebuild its index, so the WAL is checkpointed when it passes 128
                // pages (about ten turns) instead of SQLite's 1000.
                _ = ssechat_sqlite_keep_wal_on_close(db.sqliteConnection)
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 128")
            }
            // Processes opening the database at once open, check and migrate it one after the other: an exclusive
            // flock(2) on the file (independent of SQLite's own fcntl locks) is held from the open to the end of the
            // migration. Two first opens of a new file would otherwise both hold a shared lock while each switches it
            // to WAL, a deadlock SQLite answers with an immediate "database is locked", busy timeout or not; and
            // none reads the schema while another is creating it.
            let lock = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            if lock >= 0 { _ = flock(lock, LOCK_EX) }
            defer {
                if lock >= 0 {
                    _ = flock(lock, LOCK_UN)
                    Glibc.close(lock)
                }
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let store = ConversationStore(path: path, writer: queue)
            try store.migrate()
            return store
        } catch {
            throw ConversationStoreError.from(error, path: path)
        }
    }

    /// An empty store in memory, for tests.
    /// - Throws: `ConversationStoreError`.
    package static func inMemory() throws(ConversationStoreError) -> ConversationStore {
        do {
            let store = ConversationStore(path: nil, writer: try DatabaseQueue())
            try store.migrate()
            return store
        } catch {
            throw ConversationStoreError.from(error, path: nil)
        }
    }

    /// Brings the schema up to date (`open(at:)` holds the file's lock around it).
    private func migrate() throws {
        let migrator = Self.migrator
        let (superseded, complete) = try writer.writeWithoutTransaction { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded { throw ConversationStoreError(.newerVersion, path: path) }
        guard !complete else { return }
        try migrator.migrate(writer)
    }

    /// Makes the folder (0700) and an empty file (0600) when they do not exist yet.
    private static func prepareFile(at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        }
        if let failure = createPrivateFile(path) {
            throw ConversationStoreError(.cannotOpen, path: path, detail: failure)
        }
    }

    // MARK: Writing

    /// Keeps a new conversation with its first messages, in one transaction.
    /// - Parameters:
    ///   - conversation: The conversation.
    ///   - messages: Its messages so far (their `conversationId` is set here).
    /// - Returns: The messages' row ids, in order.
    /// - Throws: `ConversationStoreError`.
    @discardableResult
    package func start(_ conversation: StoredConversation, with messages: [StoredMessage])
        throws(ConversationStoreError)
        -> [Int64]
    {
        try write { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO conversation (id, title, profile, provider, url, model, system, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    conversation.id, conversation.title, conversation.profile, conversation.provider, conversation.url,
                    conversation.model, conversation.system, conversation.createdAt.timeIntervalSince1970,
                    conversation.updatedAt.timeIntervalSince1970,
                ]
            )
            return try Self.insert(messages, into: conversation.id, db)
        }
    }

    /// Adds messages to a conversation and marks it updated, in one transaction.
    /// - Parameters:
    ///   - messages: The messages.
    ///   - id: The conversation's id.
    ///   - model: The model now in use, when it changed.
    ///   - system: The system prompt now in use.
    /// - Returns: The messages' row ids, in order.
    /// - Throws: `ConversationStoreError`.
    @discardableResult
    package func append(
        _ messages: [StoredMessage],
        to id: String,
        model: String?,
        system: String?
    ) throws(ConversationStoreError) -> [Int64] {
        try write { db in
            let updatedAt = messages.last?.createdAt ?? Date()
            try db.cachedStatement(sql: "UPDATE conversation SET updatedAt = ?, model = ?, system = ? WHERE id = ?")
                .execute(arguments: [updatedAt.timeIntervalSince1970, model, system, id])
            return try Self.insert(messages, into: id, db)
        }
    }

    /// Removes the messages of a conversation from row `firstID` on (a `/retry` replaces them).
    /// - Throws: `ConversationStoreError`.
    package func deleteMessages(in id: String, from firstID: Int64) throws(ConversationStoreError) {
        try write { db in
            try db.execute(
                sql: "DELETE FROM message WHERE conversationId = ? AND id >= ?",
                arguments: [id, firstID]
            )
        }
    }

    /// Deletes a conversation and its messages.
    /// - Parameter id: The conversation's full id.
    /// - Returns: Whether it existed.
    /// - Throws: `ConversationStoreError`.
    @discardableResult
    package func delete(conversation id: String) throws(ConversationStoreError) -> Bool {
        try write { db in try StoredConversation.deleteOne(db, key: id) }
    }

    /// Inserts messages with one cached statement (plain arguments: no record encoding on the turn's path).
    private static func insert(_ messages: [StoredMessage], into id: String, _ db: Database) throws -> [Int64] {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO message (conversationId, role, text, reasoning, status, error, promptTokens,
                    completionTokens, totalTokens, timeToFirstToken, duration, resumptions, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        var ids: [Int64] = []
        for message in messages {
            try statement.execute(
                arguments: [
                    id, message.role, message.text, message.reasoning, message.status?.rawValue, message.error,
                    message.promptTokens, message.completionTokens, message.totalTokens, message.timeToFirstToken,
                    message.duration, message.resumptions, message.createdAt.timeIntervalSince1970,
                ]
            )
            ids.append(db.lastInsertedRowID)
        }
        return ids
    }

    /// Runs a write transaction; errors become `ConversationStoreError`.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(ConversationStoreError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw ConversationStoreError.from(error, path: path)
        }
    }

    // MARK: Reading

    /// Runs a read; errors become `ConversationStoreError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(ConversationStoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw ConversationStoreError.from(error, path: path)
        }
    }
}

/// Creates an empty file with mode 0600 unless one exists; returns why it failed, if it did.
private func createPrivateFile(_ path: String) -> String? {
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if descriptor >= 0 {
        close(descriptor)
        return nil
    }
    return errno == EEXIST ? nil : String(cString: strerror(errno))
}
