import ConversationStore
import Foundation
import Testing

/// A reply written in parts as it streams reads back whole, is found by search in any part, and goes with its
/// message.
@Suite("ConversationStore: replies kept in parts")
struct MessagePartTests {
    /// A conversation with a user's message and the first part of a reply, marked interrupted until it ends.
    private func started(_ store: ConversationStore) throws -> (conversation: String, reply: Int64) {
        let record = StoredConversation(
            title: "long",
            provider: "openai",
            url: "http://127.0.0.1/v1",
            createdAt: Date(timeIntervalSince1970: 1000)
        )
        try store.start(record, with: [StoredMessage(role: "user", text: "write a lot")])
        let first = StoredMessage(role: "assistant", text: "alpha ", reasoning: "think ", status: .interrupted)
        let ids = try store.append([first], to: record.id, model: nil, system: nil)
        return (record.id, try #require(ids.first))
    }

    @Test("The parts follow the message's own text, in order; the end sets the status and figures")
    func readsBackWhole() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, reply) = try started(store)
        try store.appendPart(text: "beta ", reasoning: "", to: reply)
        try store.appendPart(text: "gamma ", reasoning: "more ", to: reply)
        let end = StoredMessage(
            role: "assistant",
            text: "delta",
            status: .complete,
            completionTokens: 42,
            duration: 2.5,
            createdAt: Date(timeIntervalSince1970: 2000)
        )
        try store.finishReply(reply, in: conversation, with: end)
        let messages = try store.messages(in: conversation)
        #expect(messages.map(\.text) == ["write a lot", "alpha beta gamma delta"])
        #expect(messages[1].reasoning == "think more ")
        #expect(messages[1].status == .complete)
        #expect(messages[1].completionTokens == 42)
        #expect(messages[1].duration == 2.5)
        #expect(try store.mostRecentlyUpdated()?.updatedAt == Date(timeIntervalSince1970: 2000))
    }

    @Test("A reply cut off after some parts reads back as far as it got, still marked interrupted")
    func cutOff() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, reply) = try started(store)
        try store.appendPart(text: "beta", reasoning: "", to: reply)
        let messages = try store.messages(in: conversation)
        #expect(messages.last?.text == "alpha beta")
        #expect(messages.last?.status == .interrupted)
    }

    @Test("Search finds a word that is only in a later part, once per message, with the whole message")
    func searchesParts() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, reply) = try started(store)
        try store.appendPart(text: "zebra crossing", reasoning: "", to: reply)
        try store.appendPart(text: "another zebra", reasoning: "", to: reply)
        let hits = try store.search(try #require(SearchQuery("zebra")), limit: 10)
        #expect(hits.count == 1)
        #expect(hits.first?.conversation.id == conversation)
        #expect(hits.first?.snippet.contains("[zebra]") == true)
        #expect(hits.first?.message.text == "alpha zebra crossinganother zebra")
        #expect(try store.search(try #require(SearchQuery("alpha")), limit: 10).count == 1)
    }

    @Test("Deleting the conversation or retracting the reply deletes its parts, and search forgets them")
    func deletesParts() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, reply) = try started(store)
        try store.appendPart(text: "zebra", reasoning: "", to: reply)
        try store.deleteMessages(in: conversation, from: reply)
        #expect(try store.search(try #require(SearchQuery("zebra")), limit: 10).isEmpty)
        let again = try store.append(
            [StoredMessage(role: "assistant", text: "x", status: .interrupted)],
            to: conversation,
            model: nil,
            system: nil
        )
        try store.appendPart(text: "okapi", reasoning: "", to: try #require(again.first))
        #expect(try store.delete(conversation: conversation))
        #expect(try store.search(try #require(SearchQuery("okapi")), limit: 10).isEmpty)
    }
}
