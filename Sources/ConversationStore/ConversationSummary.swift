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

/// One message that matched a search, best first.
package struct SearchHit: Sendable, Equatable {
    /// The conversation it is in.
    package var conversation: StoredConversation
    /// The message.
    package var message: StoredMessage
    /// A short excerpt with the matched words between `[` and `]`.
    package var snippet: String
}

/// What a conversation id prefix names.
package enum PrefixMatch: Sendable, Equatable {
    /// Exactly one conversation.
    case found(StoredConversation)
    /// More than one; their ids.
    case ambiguous([String])
    /// None.
    case none
}
