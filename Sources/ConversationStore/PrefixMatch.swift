/// What a conversation id prefix names.
package enum PrefixMatch: Sendable, Equatable {
    /// Exactly one conversation.
    case found(StoredConversation)
    /// More than one; their ids.
    case ambiguous([String])
    /// None.
    case none
}
