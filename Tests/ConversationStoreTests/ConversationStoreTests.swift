import ConversationStore
import Foundation
import GRDB
import TestSupport
import Testing

@Suite("ConversationStore")
struct ConversationStoreTests {
    private func conversation(_ title: String, at seconds: Double) -> StoredConversation {
        StoredConversation(
            title: title,
            provider: "openai",
            url: "http://127.0.0.1/v1",
            model: "m",
            createdAt: Date(timeIntervalSince1970: seconds)
        )
    }

    private func message(_ role: String, _ text: String, at seconds: Double) -> StoredMessage {
        StoredMessage(role: role, text: text, createdAt: Date(timeIntervalSince1970: seconds))
    }

    @Test("FTS5 is compiled into the system SQLite that GRDB links")
    func fts5Available() throws {
        let queue = try DatabaseQueue()
        let options = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA compile_options") }
        #expect(options.contains("ENABLE_FTS5"), "\(options)")
    }

    @Test("A conversation and its messages round-trip with every field of the turn")
    func roundTrip() throws {
        let store = try ConversationStore.inMemory()
        let record = conversation("hello", at: 1000)
        let reply = StoredMessage(
            role: "assistant",
            text: "hi there",
            reasoning: "thinking",
            status: .incomplete,
            error: "dropped",
            promptTokens: 3,
            completionTokens: 5,
            totalTokens: 8,
            timeToFirstToken: 0.25,
            duration: 1.5,
            resumptions: 2,
            createdAt: Date(timeIntervalSince1970: 1001)
        )
        let ids = try store.start(record, with: [message("user", "hello", at: 1000)])
        try store.append([reply], to: record.id, model: "m2", system: "be brief")
        let messages = try store.messages(in: record.id)
        #expect(messages.count == 2)
        #expect(messages.first?.id == ids.first)
        var expected = reply
        expected.id = messages.last?.id
        expected.conversationId = record.id
        #expect(messages.last == expected)
        let updated = try #require(try store.mostRecentlyUpdated())
        #expect(updated.model == "m2")
        #expect(updated.system == "be brief")
        #expect(updated.updatedAt == Date(timeIntervalSince1970: 1001))
    }

    @Test("The most recently updated conversation wins over the most recently created one")
    func mostRecentlyUpdated() throws {
        let store = try ConversationStore.inMemory()
        let older = conversation("older", at: 100)
        let newer = conversation("newer", at: 200)
        try store.start(older, with: [message("user", "a", at: 100)])
        try store.start(newer, with: [message("user", "b", at: 200)])
        #expect(try store.mostRecentlyUpdated()?.id == newer.id)
        try store.append([message("assistant", "c", at: 300)], to: older.id, model: nil, system: nil)
        #expect(try store.mostRecentlyUpdated()?.id == older.id)
        #expect(try store.list(limit: 10).map(\.conversation.title) == ["older", "newer"])
        #expect(try store.list(limit: 10).map(\.messageCount) == [2, 1])
    }

    @Test("An id prefix finds one conversation, reports ambiguity, or nothing")
    func prefixes() throws {
        let store = try ConversationStore.inMemory()
        var first = conversation("one", at: 1)
        first.id = "abc111" + String(repeating: "0", count: 26)
        var second = conversation("two", at: 2)
        second.id = "abc222" + String(repeating: "0", count: 26)
        try store.start(first, with: [])
        try store.start(second, with: [])
        #expect(try store.conversation(prefix: "abc1") == .found(first))
        #expect(try store.conversation(prefix: "ABC2") == .found(second))
        #expect(try store.conversation(prefix: "abc") == .ambiguous([first.id, second.id]))
        #expect(try store.conversation(prefix: "abd") == .none)
        #expect(try store.conversation(prefix: "zz%") == .none)
        #expect(try store.conversation(prefix: "") == .none)
    }

    @Test("Deleting a conversation removes its messages and their search entries")
    func delete() throws {
        let store = try ConversationStore.inMemory()
        let record = conversation("doomed", at: 1)
        try store.start(record, with: [message("user", "unforgettable words", at: 1)])
        #expect(try store.delete(conversation: record.id))
        #expect(try store.delete(conversation: record.id) == false)
        #expect(try store.counts() == (0, 0))
        #expect(try store.search(try #require(SearchQuery("unforgettable")), limit: 10).isEmpty)
    }

    @Test("Retracting messages from a row on keeps the earlier ones")
    func retract() throws {
        let store = try ConversationStore.inMemory()
        let record = conversation("r", at: 1)
        let ids = try store.start(
            record,
            with: [message("user", "1", at: 1), message("assistant", "2", at: 2), message("user", "3", at: 3)]
        )
        try store.deleteMessages(in: record.id, from: ids[1])
        #expect(try store.messages(in: record.id).map(\.text) == ["1"])
    }

    @Test(
        "Search takes what users type literally and ranks the best match first",
        arguments: ["gpt-4o", "C++", "\"unbalanced", "AND OR NOT", "text:colon", "star*", "(paren", "NEAR(a b)"]
    )
    func searchLiteral(typed: String) throws {
        let store = try ConversationStore.inMemory()
        let record = conversation("search", at: 1)
        try store.start(record, with: [message("user", "about \(typed) here", at: 1)])
        let query = try #require(SearchQuery(typed))
        let hits = try store.search(query, limit: 10)
        #expect(hits.count == 1, "\(query.expression)")
        #expect(hits.first?.conversation.id == record.id)
    }

    @Test("Search ranks a message with more of the words first, and finds reasoning text")
    func searchRanking() throws {
        let store = try ConversationStore.inMemory()
        let record = conversation("rank", at: 1)
        try store.start(
            record,
            with: [
                message("user", "swift swift swift concurrency", at: 1),
                message("assistant", "a long answer that mentions swift once among many other words", at: 2),
                StoredMessage(role: "assistant", text: "x", reasoning: "ponder quokka", createdAt: Date()),
            ]
        )
        let hits = try store.search(try #require(SearchQuery("swift")), limit: 10)
        #expect(hits.map(\.message.text).first == "swift swift swift concurrency")
        #expect(hits.first?.snippet.contains("[swift]") == true)
        #expect(try store.search(try #require(SearchQuery("quokka")), limit: 10).count == 1)
    }

    @Test("Words without a letter or digit make no query")
    func emptyQuery() {
        #expect(SearchQuery("++ -- \"") == nil)
        #expect(SearchQuery("  ") == nil)
        #expect(SearchQuery("a \"b\"")?.expression == "\"a\" \"\"\"b\"\"\"")
    }
}
