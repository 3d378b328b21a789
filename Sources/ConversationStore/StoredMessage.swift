import Foundation
import GRDB

/// One kept message; an assistant's carries how its turn went.
package struct StoredMessage: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "message"

    /// The row id, in the order messages were kept; `nil` until inserted.
    package var id: Int64?
    /// The conversation it belongs to.
    package var conversationId: String
    /// `user`, `assistant` or `system`.
    package var role: String
    /// The text (an assistant's as far as it got).
    package var text: String
    /// The reasoning text the model streamed before its answer, if any.
    package var reasoning: String?
    /// How the reply ended; `nil` for a user's message.
    package var status: MessageStatus?
    /// Why a reply stopped short or failed.
    package var error: String?
    /// Prompt tokens the server reported.
    package var promptTokens: Int?
    /// Completion tokens the server reported (or counted deltas).
    package var completionTokens: Int?
    /// Total tokens the server reported.
    package var totalTokens: Int?
    /// Seconds from sending to the first token.
    package var timeToFirstToken: Double?
    /// Seconds from sending to the end.
    package var duration: Double?
    /// How many times the reply was resumed or retried.
    package var resumptions: Int?
    /// When it was kept.
    package var createdAt: Date

    /// Creates a message record.
    package init(
        id: Int64? = nil,
        conversationId: String = "",
        role: String,
        text: String,
        reasoning: String? = nil,
        status: MessageStatus? = nil,
        error: String? = nil,
        promptTokens: Int? = nil,
        completionTokens: Int? = nil,
        totalTokens: Int? = nil,
        timeToFirstToken: Double? = nil,
        duration: Double? = nil,
        resumptions: Int? = nil,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.conversationId = conversationId
        self.role = role
        self.text = text
        self.reasoning = reasoning
        self.status = status
        self.error = error
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
        self.timeToFirstToken = timeToFirstToken
        self.duration = duration
        self.resumptions = resumptions
        self.createdAt = createdAt
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Times are kept as seconds since 1970 (a REAL), so they sort and compare exactly.
    package static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    package static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
