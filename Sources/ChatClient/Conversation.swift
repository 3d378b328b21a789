import ChatWire
import Foundation

/// A conversation: the system prompt and the turns so far, each assistant turn with how it ended.
package struct Conversation: Sendable, Equatable, Codable {
    /// One message; an assistant's with how it ended.
    package struct Entry: Sendable, Equatable, Codable {
        package var role: ChatRole
        package var content: String
        package var end: ReplyEnd?

        /// Creates an entry.
        package init(role: ChatRole, content: String, end: ReplyEnd? = nil) {
            self.role = role
            self.content = content
            self.end = end
        }

        private enum CodingKeys: String, CodingKey {
            case role, content, status
        }

        /// Written flat: `{"role":…,"content":…,"status":…,"reason":…}`.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(role, forKey: .role)
            try container.encode(content, forKey: .content)
            try end?.encode(to: encoder)
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            role = try container.decode(ChatRole.self, forKey: .role)
            content = try container.decode(String.self, forKey: .content)
            end = container.contains(.status) ? try ReplyEnd(from: decoder) : nil
        }
    }

    /// The system prompt, sent first when set.
    package var system: String?
    /// The model the conversation uses, when chosen.
    package var model: String?
    /// The turns, oldest first.
    package var entries: [Entry] = []

    /// Creates a conversation.
    package init(system: String? = nil, model: String? = nil) {
        self.system = system
        self.model = model
    }

    /// The messages to send: the system prompt, then every turn (interrupted replies as far as they got).
    package var messages: [ChatMessage] {
        var result: [ChatMessage] = []
        if let system, !system.isEmpty { result.append(ChatMessage(role: .system, content: system)) }
        for entry in entries where !(entry.role == .assistant && entry.content.isEmpty) {
            result.append(ChatMessage(role: entry.role, content: entry.content))
        }
        return result
    }

    /// Adds the user's turn.
    package mutating func addUser(_ text: String) {
        entries.append(Entry(role: .user, content: text))
    }

    /// Adds the assistant's reply with how it ended.
    package mutating func addAssistant(_ text: String, end: ReplyEnd) {
        entries.append(Entry(role: .assistant, content: text, end: end))
    }

    /// The last user message, for `/retry`; removes it and every later entry.
    package mutating func popLastUserTurn() -> String? {
        guard let index = entries.lastIndex(where: { $0.role == .user }) else { return nil }
        let text = entries[index].content
        entries.removeSubrange(index...)
        return text
    }

    /// Whether the last reply was cut short (for `/continue`).
    package var lastReplyIsUnfinished: Bool {
        guard let last = entries.last, last.role == .assistant else { return false }
        return last.end?.isUnfinished ?? true
    }

    /// Forgets every turn; keeps the system prompt and model.
    package mutating func clear() {
        entries.removeAll()
    }
}

extension Conversation {
    /// Writes the conversation as JSON to `path`, creating the file with mode 0600 (and tightening an existing one).
    /// - Throws: Any file-system error.
    package func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: data + Data("\n".utf8))
    }

    /// Reads a conversation saved by `save(to:)`.
    /// - Throws: Any file-system or decoding error.
    package static func load(from path: String) throws -> Conversation {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(Conversation.self, from: data)
    }
}
