/// One message of a conversation.
package struct ChatMessage: Codable, Sendable, Equatable, Hashable {
    /// Who said it.
    package var role: ChatRole
    /// What was said, as plain text.
    package var content: String

    /// Creates a message.
    /// - Parameters:
    ///   - role: Who said it.
    ///   - content: What was said.
    package init(role: ChatRole, content: String) {
        self.role = role
        self.content = content
    }
}
