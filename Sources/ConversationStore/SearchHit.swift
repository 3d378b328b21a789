/// One message that matched a search, best first.
package struct SearchHit: Sendable, Equatable {
    /// The conversation it is in.
    package var conversation: StoredConversation
    /// The message.
    package var message: StoredMessage
    /// A short excerpt with the matched words between `[` and `]`.
    package var snippet: String
}
