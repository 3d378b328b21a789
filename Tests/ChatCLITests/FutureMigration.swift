import ConversationStore
import GRDB

/// Marks a database as migrated by a later ssechat: a migration identifier this version does not know.
enum FutureMigration {
    static func apply(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999-from-the-future')")
        }
        _ = try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try queue.close()
    }
}
