import GRDB

extension ConversationStore {
    /// The versioned schema. A migration is never changed once released: add a new one.
    ///
    /// ```
    /// conversation (id TEXT PK, title, profile, provider, url, model, system, createdAt, updatedAt)
    ///      1 ─── * message (id INTEGER PK, conversationId → conversation ON DELETE CASCADE, role, text, reasoning,
    ///                       status, error, promptTokens, completionTokens, totalTokens, timeToFirstToken,
    ///                       duration, resumptions, createdAt)
    ///                 1 ─── 1 messageSearch (FTS5 over text and reasoning, kept in step by triggers)
    ///                 1 ─── * messagePart (id INTEGER PK, messageId → message ON DELETE CASCADE, text, reasoning)
    ///                            1 ─── 1 messagePartSearch (FTS5, like messageSearch)
    /// ```
    /// A message's text is its own `text` followed by its parts' in order (reasoning likewise): a long one-shot reply
    /// is written in parts as it streams, so it is never held whole in memory.
    ///
    /// Two processes may start on a new database at once. GRDB's migrator decides what to run before it opens each
    /// migration's `BEGIN IMMEDIATE` transaction, so each migration first checks again, inside that transaction,
    /// whether the other process has just applied it; if so it only takes back GRDB's bookkeeping row's place and
    /// changes nothing.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        register(&migrator, "v1-conversations") { db in
            try db.create(table: "conversation") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("profile", .text)
                t.column("provider", .text).notNull()
                t.column("url", .text).notNull()
                t.column("model", .text)
                t.column("system", .text)
                t.column("createdAt", .double).notNull()
                t.column("updatedAt", .double).notNull()
            }
            try db.create(index: "conversation_updatedAt", on: "conversation", columns: ["updatedAt", "createdAt"])
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversationId", .text).notNull()
                    .references("conversation", onDelete: .cascade)
                t.column("role", .text).notNull()
                t.column("text", .text).notNull()
                t.column("reasoning", .text)
                t.column("status", .text)
                t.column("error", .text)
                t.column("promptTokens", .integer)
                t.column("completionTokens", .integer)
                t.column("totalTokens", .integer)
                t.column("timeToFirstToken", .double)
                t.column("duration", .double)
                t.column("resumptions", .integer)
                t.column("createdAt", .double).notNull()
            }
            try db.create(index: "message_conversation", on: "message", columns: ["conversationId", "id"])
            try db.create(virtualTable: "messageSearch", using: FTS5()) { t in
                t.synchronize(withTable: "message")
                t.tokenizer = .unicode61()
                t.column("text")
                t.column("reasoning")
            }
        }
        register(&migrator, "v2-message-parts") { db in
            try db.create(table: "messagePart") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageId", .integer).notNull()
                    .references("message", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("reasoning", .text).notNull()
            }
            try db.create(index: "messagePart_message", on: "messagePart", columns: ["messageId", "id"])
            try db.create(virtualTable: "messagePartSearch", using: FTS5()) { t in
                t.synchronize(withTable: "messagePart")
                t.tokenizer = .unicode61()
                t.column("text")
                t.column("reasoning")
            }
        }
        return migrator
    }

    /// Registers a migration that does nothing when a concurrent process applied it first (see `migrator`).
    private static func register(
        _ migrator: inout DatabaseMigrator,
        _ identifier: String,
        _ migrate: @escaping @Sendable (Database) throws -> Void
    ) {
        migrator.registerMigration(identifier) { db in
            let applied =
                try Bool.fetchOne(
                    db,
                    sql: "SELECT 1 FROM grdb_migrations WHERE identifier = ?",
                    arguments: [identifier]
                ) ?? false
            if applied {
                // GRDB inserts the identifier after this closure; the other process's row makes room for it.
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [identifier])
                return
            }
            try migrate(db)
        }
    }
}
