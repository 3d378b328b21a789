/// Who said a message.
package enum ChatRole: String, Codable, Sendable, CaseIterable {
    /// Instructions that frame the conversation.
    case system
    /// The person at the keyboard.
    case user
    /// The model.
    case assistant
}
