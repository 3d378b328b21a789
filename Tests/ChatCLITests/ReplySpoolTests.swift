import ConversationStore
import Foundation
import Testing

@testable import ChatCLI

/// The spool writes a reply's parts off the reply's thread, in the order they were handed over, and `written` waits
/// for them; the buffers of written parts come back for the next ones.
@Suite("Reply spool: parts written in order on the spool's queue")
struct ReplySpoolTests {
    /// An in-memory store holding a conversation with the user's message, and a spool armed at it.
    private static func armedSpool() throws -> (ReplySpool, ConversationStore, String) {
        let store = try ConversationStore.inMemory()
        let conversation = StoredConversation(title: "a long reply", provider: "openai", url: "http://127.0.0.1/v1")
        try store.start(conversation, with: [StoredMessage(role: "user", text: "write a lot")])
        let spool = ReplySpool()
        spool.arm(.init(store: store, conversationID: conversation.id, model: nil, system: nil))
        return (spool, store, conversation.id)
    }

    @Test("Twenty parts handed over at once are kept whole and in order once `written` returns")
    func partsInOrder() throws {
        let (spool, store, conversationID) = try Self.armedSpool()
        let parts = (0..<20).map { index in
            (text: "part \(index) " + String(repeating: "x", count: 50_000), reasoning: index == 3 ? "why" : "")
        }
        var buffersBack = 0
        for part in parts where spool.write(part) != nil {
            buffersBack += 1
        }
        let written = spool.written
        #expect(written.error == nil)
        let messageID = try #require(written.messageID)
        let reply = try #require(try store.messages(in: conversationID).last)
        #expect(reply.id == messageID)
        #expect(reply.text == parts.map(\.text).joined())
        #expect(reply.reasoning == "why")
        #expect(reply.status == .interrupted)
        // At most two parts wait at a time, so from the third hand-over on a written part's buffers are free.
        #expect(buffersBack >= 1)
    }

    @Test("The buffers given back are emptied")
    func buffersComeBackEmpty() throws {
        let (spool, _, _) = try Self.armedSpool()
        let first = (text: String(repeating: "a", count: 300_000), reasoning: "")
        // The part's own buffers come back from this `write` if it was already written, else from the next one.
        let back = try #require(
            spool.write(first)
                ?? {
                    _ = spool.written
                    return spool.write((text: "b", reasoning: ""))
                }()
        )
        #expect(back.text.isEmpty && back.reasoning.isEmpty)
    }

    @Test("After a failed write the later parts are dropped and the first failure is reported")
    func failureStopsWriting() throws {
        let store = try ConversationStore.inMemory()
        let spool = ReplySpool()
        // No conversation with this id: the first part's message cannot be added.
        spool.arm(.init(store: store, conversationID: "missing", model: nil, system: nil))
        for index in 0..<4 {
            _ = spool.write((text: "part \(index)", reasoning: ""))
        }
        let written = spool.written
        #expect(written.messageID == nil)
        #expect(written.error != nil)
        #expect(try store.counts().messages == 0)
    }

    @Test("An unarmed spool keeps nothing")
    func unarmedKeepsNothing() throws {
        let spool = ReplySpool()
        _ = spool.write((text: "dropped", reasoning: ""))
        #expect(spool.written.messageID == nil)
        #expect(spool.written.error == nil)
    }
}
