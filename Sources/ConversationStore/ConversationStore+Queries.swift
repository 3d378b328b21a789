import Foundation
import GRDB

extension ConversationStore {
    /// The conversation updated last (ties: the one created last).
    /// - Throws: `ConversationStoreError`.
    package func mostRecentlyUpdated() throws(ConversationStoreError) -> StoredConversation? {
        try read { db in
            try StoredConversation.fetchOne(
                db,
                sql: "SELECT * FROM conversation ORDER BY updatedAt DESC, createdAt DESC LIMIT 1"
            )
        }
    }

    /// The conversation whose id starts with `prefix` (case-insensitive).
    /// - Parameter prefix: A full id or a prefix of one.
    /// - Returns: The one match, the ambiguous ids, or none.
    /// - Throws: `ConversationStoreError`.
    package func conversation(prefix: String) throws(ConversationStoreError) -> PrefixMatch {
        let lowered = prefix.lowercased()
        guard !lowered.isEmpty, lowered.allSatisfy(\.isHexDigit) else { return .none }
        let found = try read { db in
            // A range on the primary key: every id that starts with the prefix sorts between it and prefix + "g".
            try StoredConversation.fetchAll(
                db,
                sql: "SELECT * FROM conversation WHERE id >= ? AND id < ? ORDER BY id LIMIT 5",
                arguments: [lowered, lowered + "g"]
            )
        }
        switch found.count {
        case 0: return .none
        case 1: return .found(found[0])
        default: return .ambiguous(found.map(\.id))
        }
    }

    /// A conversation's messages, oldest first, each with its whole text (parts included).
    /// - Throws: `ConversationStoreError`.
    package func messages(in id: String) throws(ConversationStoreError) -> [StoredMessage] {
        try read { db in
            var messages = try StoredMessage.fetchAll(
                db,
                sql: "SELECT * FROM message WHERE conversationId = ? ORDER BY id",
                arguments: [id]
            )
            try Self.appendParts(
                to: &messages,
                db,
                sql: """
                    SELECT messagePart.messageId, messagePart.text, messagePart.reasoning
                    FROM messagePart JOIN message ON message.id = messagePart.messageId
                    WHERE message.conversationId = ? ORDER BY messagePart.id
                    """,
                arguments: [id]
            )
            return messages
        }
    }

    /// The conversations updated last, newest first, with their message counts.
    /// - Parameter limit: The most to return.
    /// - Throws: `ConversationStoreError`.
    package func list(limit: Int) throws(ConversationStoreError) -> [ConversationSummary] {
        try read { db in
            try ConversationSummary.fetchAll(
                db,
                sql: """
                    SELECT conversation.*,
                        (SELECT COUNT(*) FROM message WHERE message.conversationId = conversation.id) AS messageCount
                    FROM conversation ORDER BY updatedAt DESC, createdAt DESC LIMIT ?
                    """,
                arguments: [limit]
            )
        }
    }

    /// Messages whose text or reasoning (parts included) matches `query`, best (BM25) first; a message matched in
    /// several parts is listed once, with its best part's snippet.
    /// - Parameters:
    ///   - query: The words to find.
    ///   - limit: The most hits to return.
    /// - Throws: `ConversationStoreError`.
    package func search(_ query: SearchQuery, limit: Int) throws(ConversationStoreError) -> [SearchHit] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT hit.snippet, message.*, conversation.id AS c_id, conversation.title AS c_title,
                        conversation.profile AS c_profile, conversation.provider AS c_provider,
                        conversation.url AS c_url, conversation.model AS c_model, conversation.system AS c_system,
                        conversation.createdAt AS c_createdAt, conversation.updatedAt AS c_updatedAt
                    FROM (
                        SELECT messageId, MIN(rank) AS rank, snippet FROM (
                            SELECT rowid AS messageId, rank, snippet(messageSearch, -1, '[', ']', '…', 12) AS snippet
                            FROM messageSearch WHERE messageSearch MATCH ?
                            UNION ALL
                            SELECT messagePart.messageId, messagePartSearch.rank,
                                snippet(messagePartSearch, -1, '[', ']', '…', 12)
                            FROM messagePartSearch JOIN messagePart ON messagePart.id = messagePartSearch.rowid
                            WHERE messagePartSearch MATCH ?
                        )
                        GROUP BY messageId ORDER BY rank LIMIT ?
                    ) AS hit
                    JOIN message ON message.id = hit.messageId
                    JOIN conversation ON conversation.id = message.conversationId
                    ORDER BY hit.rank
                    """,
                arguments: [query.expression, query.expression, limit]
            )
            var hits = try rows.map { row in
                let conversation = StoredConversation(
                    id: row["c_id"],
                    title: row["c_title"],
                    profile: row["c_profile"],
                    provider: row["c_provider"],
                    url: row["c_url"],
                    model: row["c_model"],
                    system: row["c_system"],
                    createdAt: Date(timeIntervalSince1970: row["c_createdAt"]),
                    updatedAt: Date(timeIntervalSince1970: row["c_updatedAt"])
                )
                return SearchHit(
                    conversation: conversation,
                    message: try StoredMessage(row: row),
                    snippet: row["snippet"]
                )
            }
            var messages = hits.map(\.message)
            let ids = messages.compactMap(\.id)
            guard !ids.isEmpty else { return hits }
            try Self.appendParts(
                to: &messages,
                db,
                sql: "SELECT messageId, text, reasoning FROM messagePart WHERE messageId IN "
                    + "(\(databaseQuestionMarks(count: ids.count))) ORDER BY id",
                arguments: StatementArguments(ids)
            )
            for index in hits.indices { hits[index].message = messages[index] }
            return hits
        }
    }

    /// How many conversations and messages are kept.
    /// - Throws: `ConversationStoreError`.
    package func counts() throws(ConversationStoreError) -> (conversations: Int, messages: Int) {
        try read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conversation") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message") ?? 0
            )
        }
    }
}
