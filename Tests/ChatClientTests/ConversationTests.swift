import ChatClient
import ChatWire
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Conversation")
struct ConversationTests {
    private func sample() -> Conversation {
        var conversation = Conversation(system: "Be brief.", model: "m-1")
        conversation.addUser("first \"question\"\nwith a newline and ünïcödé 🦊")
        conversation.addAssistant("an answer", end: .complete)
        conversation.addUser("second")
        conversation.addAssistant("cut sh", end: .interrupted)
        return conversation
    }

    private func mode(of path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o777
    }

    @Test("messages: the system prompt first, then every turn; empty assistant turns left out")
    func messages() {
        var conversation = sample()
        conversation.addUser("third")
        conversation.addAssistant("", end: .incomplete("dropped"))
        #expect(conversation.messages.map(\.role) == [.system, .user, .assistant, .user, .assistant, .user])
        #expect(conversation.messages.first?.content == "Be brief.")
        #expect(conversation.messages[4].content == "cut sh")
        #expect(Conversation().messages.isEmpty)
        #expect(Conversation(system: "").messages.isEmpty)
    }

    @Test("popLastUserTurn removes the last user turn and everything after it")
    func popLastUserTurn() {
        var conversation = sample()
        #expect(conversation.popLastUserTurn() == "second")
        #expect(conversation.entries.count == 2)
        #expect(conversation.lastReplyIsUnfinished == false)
        conversation.clear()
        #expect(conversation.entries.isEmpty)
        #expect(conversation.system == "Be brief.")
        #expect(conversation.model == "m-1")
        #expect(conversation.popLastUserTurn() == nil)
    }

    @Test(
        "lastReplyIsUnfinished for every end but complete",
        arguments: [
            (ReplyEnd.complete, false), (.interrupted, true), (.incomplete("dropped"), true), (.stalled("quiet"), true),
            (.failed(ChatClientError(.server, "boom")), true),
        ]
    )
    func unfinished(end: ReplyEnd, expected: Bool) {
        var conversation = Conversation()
        conversation.addUser("q")
        #expect(!conversation.lastReplyIsUnfinished)
        conversation.addAssistant("a", end: end)
        #expect(conversation.lastReplyIsUnfinished == expected)
    }

    @Test("save then load gives the same conversation, in a file of mode 0600")
    func roundTrip() throws {
        let sandbox = try CLIProcessSandbox()
        let path = sandbox.directory + "/conversation.json"
        let conversation = sample()
        try conversation.save(to: path)
        #expect(mode(of: path) == 0o600)
        #expect(try Conversation.load(from: path) == conversation)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(json is [String: Any])
    }

    @Test("saving over an existing 0644 file tightens it to 0600 and replaces all of its content")
    func tightensExistingFile() throws {
        let sandbox = try CLIProcessSandbox()
        let path = try sandbox.file(named: "old.json", contents: Data(String(repeating: "x", count: 100_000).utf8))
        #expect(chmod(path, 0o644) == 0)
        #expect(mode(of: path) == 0o644)
        let conversation = sample()
        try conversation.save(to: path)
        #expect(mode(of: path) == 0o600)
        #expect(try Conversation.load(from: path) == conversation)
    }

    @Test("loading a file that is not a conversation throws")
    func loadGarbage() throws {
        let sandbox = try CLIProcessSandbox()
        let path = try sandbox.file(named: "bad.json", contents: Data("not json".utf8))
        #expect(throws: (any Error).self) { try Conversation.load(from: path) }
        #expect(throws: (any Error).self) { try Conversation.load(from: sandbox.directory + "/missing.json") }
    }
}
