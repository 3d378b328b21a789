import Foundation
import GRDB

/// A conversation as `log list` shows it: the record and how many messages it has.
package struct ConversationSummary: Sendable, Equatable, FetchableRecord {
    /// The conversation.
    package var conversation: StoredConversation
    /// How many messages it holds.
    package var messageCount: Int

    /// Creates a summary.
    package init(conversation: StoredConversation, messageCount: Int) {
        self.conversation = conversation
        self.messageCount = messageCount
    }

    package init(row: Row) throws {
        conversation = try StoredConversation(row: row)
        messageCount = row["messageCount"]
    }
}
