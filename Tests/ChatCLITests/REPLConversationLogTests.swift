import ConversationStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The REPL keeps its turns too: `/new` starts another kept conversation, `-c` picks one up, and Ctrl-C or SIGTERM
/// mid-reply keep the partial reply.
@Suite("REPL: conversation log", .timeLimit(.minutes(1)))
struct REPLConversationLogTests {
    private func kept(_ home: PTYTemporaryDirectory) throws -> [(
        conversation: StoredConversation, messages: [StoredMessage]
    )] {
        let store = try ConversationStore.open(at: home.file(".local/share/ssechat/ssechat.db"))
        return try store.list(limit: 100).map { ($0.conversation, try store.messages(in: $0.conversation.id)) }
    }

    @Test("/new starts a second kept conversation; -c in a new REPL sends the last one's history")
    func newAndContinue() async throws {
        let server = try REPLChatServer()
        let home = try PTYTemporaryDirectory()
        do {
            let session = try REPLSession(server: server, home: home)
            try await session.enter("first topic\r", expecting: "Reply number 1.")
            try await session.enter("/new\r", expecting: "new conversation")
            try await session.enter("second topic\r", expecting: "Reply number 2.")
            try await session.type("\u{04}")
            #expect(try await session.terminal.waitForExit() == 0)
        }
        let conversations = try kept(home)
        #expect(conversations.map(\.conversation.title) == ["second topic", "first topic"])
        let session = try REPLSession(server: server, arguments: ["-c"], home: home)
        try await session.enter("more\r", expecting: "Reply number 3.")
        let requests = try await server.waitForRequests(3)
        #expect(
            requests[2].messages.map(\.description) == [
                #"user: "second topic""#, #"assistant: "Reply number 2.""#, #"user: "more""#,
            ]
        )
        try await waitUntil { (try? self.kept(home).first?.messages.count) == 4 }
    }

    @Test("/retry replaces the kept prompt and reply; /clear starts another kept conversation")
    func retryAndClear() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("question\r", expecting: "Reply number 1.")
        try await session.enter("/retry\r", expecting: "Reply number 2.")
        try await session.enter("/clear\r", expecting: "conversation cleared")
        try await session.enter("fresh\r", expecting: "Reply number 3.")
        // The reply is kept once it has ended, just after its text is on the screen.
        let home = session.home
        try await waitUntil { (try? self.kept(home).first?.messages.count) == 2 }
        let conversations = try kept(session.home)
        #expect(conversations.map(\.conversation.title) == ["fresh", "question"])
        #expect(roles(conversations[1].messages) == ["user: question", "assistant: Reply number 2."])
        #expect(roles(conversations[0].messages) == ["user: fresh", "assistant: Reply number 3."])
    }

    @Test("SIGTERM mid-reply in the REPL keeps the partial reply as interrupted, then exits 143")
    func sigtermKeepsPartial() async throws {
        let closed = ClosedFlag()
        let server = try REPLChatServer([.stalling(["Half ", "done "], closed: closed)])
        let session = try REPLSession(server: server)
        try await session.type("go\r")
        _ = try await session.waitForText("done", after: 0)
        #expect(kill(session.terminal.processID, SIGTERM) == 0)
        #expect(try await session.terminal.waitForExit() == 143)
        let messages = try #require(try kept(session.home).first?.messages)
        #expect(roles(messages) == ["user: go", "assistant: Half done "])
        #expect(messages.last?.status == .interrupted)
    }

    @Test("Ctrl-C mid-reply keeps the partial reply as interrupted and the REPL goes on")
    func controlCKeepsPartial() async throws {
        let closed = ClosedFlag()
        let server = try REPLChatServer([.stalling(["Cut ", "short "], closed: closed)])
        let session = try REPLSession(server: server)
        try await session.type("go\r")
        _ = try await session.waitForText("short", after: 0)
        session.terminal.send("\u{03}")
        try await session.enter("again\r", expecting: "Reply number 2.")
        let messages = try #require(try kept(session.home).first?.messages)
        #expect(roles(messages).prefix(2) == ["user: go", "assistant: Cut short "])
        #expect(messages[1].status == .interrupted)
    }
}
