import Foundation
import GRDB

/// Replies kept in parts as they stream (see `migrator`): the first part is the message's own text, the rest are
/// `messagePart` rows, each written in its own short transaction.
extension ConversationStore {
    /// Adds the next part of a message's text and reasoning.
    /// - Parameters:
    ///   - text: The text that follows what is kept.
    ///   - reasoning: The reasoning that follows what is kept.
    ///   - messageID: The message's row id.
    /// - Throws: `ConversationStoreError`.
    package func appendPart(text: String, reasoning: String, to messageID: Int64) throws(ConversationStoreError) {
        try write { db in try Self.insertPart(text: text, reasoning: reasoning, into: messageID, db) }
    }

    /// Ends a reply kept in parts: its last part, and how it ended (status, error, usage, timings), in one
    /// transaction that also marks the conversation updated.
    /// - Parameters:
    ///   - messageID: The reply's row id.
    ///   - conversationID: Its conversation.
    ///   - last: The reply's end: its `text` and `reasoning` are the last part, the rest replaces the row's figures.
    /// - Throws: `ConversationStoreError`.
    package func finishReply(
        _ messageID: Int64,
        in conversationID: String,
        with last: StoredMessage
    ) throws(ConversationStoreError) {
        try write { db in
            if !last.text.isEmpty || !(last.reasoning ?? "").isEmpty {
                try Self.insertPart(text: last.text, reasoning: last.reasoning ?? "", into: messageID, db)
            }
            try db.cachedStatement(
                sql: """
                    UPDATE message SET status = ?, error = ?, promptTokens = ?, completionTokens = ?, totalTokens = ?,
                        timeToFirstToken = ?, duration = ?, resumptions = ?
                    WHERE id = ?
                    """
            ).execute(
                arguments: [
                    last.status?.rawValue, last.error, last.promptTokens, last.completionTokens, last.totalTokens,
                    last.timeToFirstToken, last.duration, last.resumptions, messageID,
                ]
            )
            try db.cachedStatement(sql: "UPDATE conversation SET updatedAt = ? WHERE id = ?")
                .execute(arguments: [last.createdAt.timeIntervalSince1970, conversationID])
        }
    }

    private static func insertPart(text: String, reasoning: String, into messageID: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO messagePart (messageId, text, reasoning) VALUES (?, ?, ?)")
            .execute(arguments: [messageID, text, reasoning])
    }

    /// Appends to each message the parts that follow its own text, read with `query` (which selects `messageId`,
    /// `text` and `reasoning` in part order).
    static func appendParts(
        to messages: inout [StoredMessage],
        _ db: Database,
        sql query: String,
        arguments: StatementArguments
    ) throws {
        let parts = try Row.fetchCursor(db, sql: query, arguments: arguments)
        var positions: [Int64: Int] = [:]
        while let part = try parts.next() {
            let messageID: Int64 = part["messageId"]
            if positions.isEmpty {
                for (position, message) in messages.enumerated() {
                    if let id = message.id { positions[id] = position }
                }
            }
            guard let position = positions[messageID] else { continue }
            messages[position].text += part["text"] as String
            let reasoning: String = part["reasoning"]
            if !reasoning.isEmpty { messages[position].reasoning = (messages[position].reasoning ?? "") + reasoning }
        }
    }
}
