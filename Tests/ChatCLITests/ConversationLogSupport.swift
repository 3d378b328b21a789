import ConversationStore
import Foundation
import TestSupport
import Testing

extension SSEChatRunner {
    /// The conversation log's path in this sandbox (`$XDG_DATA_HOME/ssechat/ssechat.db`).
    var databasePath: String { sandbox.directory + "/data/ssechat/ssechat.db" }

    /// Opens the sandbox's conversation log.
    func store() throws -> ConversationStore {
        try ConversationStore.open(at: databasePath)
    }

    /// Every kept conversation, newest update first, with its messages.
    func kept() throws -> [(conversation: StoredConversation, messages: [StoredMessage])] {
        let store = try store()
        return try store.list(limit: 1000).map { ($0.conversation, try store.messages(in: $0.conversation.id)) }
    }
}

/// A loopback OpenAI server whose reply streams `tokens` and then holds the connection open (no end marker) until
/// the client closes it, recording whether it did.
func stallingServer(_ tokens: [String], closed: ClosedFlag) throws -> TranscriptServer {
    let events = Transcript.openAI(tokens)
    return try TranscriptServer(
        .custom { _, writer in
            writer.writeEventStreamHead()
            writer.write(events[0..<(1 + tokens.count)].joined())
            closed.set(writer.waitForClientClose(timeout: .seconds(20)))
        }
    )
}

/// The role and text of each message.
func roles(_ messages: [StoredMessage]) -> [String] {
    messages.map { "\($0.role): \($0.text)" }
}
