import Foundation
import TestSupport
import Testing

/// The REPL's slash commands on a real pseudo-terminal, each checked by what the next request carries.
@Suite("REPL: slash commands", .timeLimit(.minutes(1)))
struct REPLSlashCommandTests {
    typealias Message = ChatRequestRecord.Message

    @Test("/help lists the commands")
    func help() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        let screen = try await session.enter("/help\r", expecting: "figures for the last reply")
        let names = ["/exit", "/clear", "/system", "/model", "/retry", "/continue", "/save", "/load", "/stats"]
        for name in names + ["/file", "/edit", "Ctrl-X Ctrl-E"] {
            #expect(screen.contains(name), "\(name) missing from /help")
        }
        #expect(server.requests.isEmpty)
    }

    @Test("/exit, /quit and /bye leave with status 0", arguments: ["/exit", "/quit", "/bye"])
    func leave(command: String) async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.type(command + "\r")
        #expect(try await session.terminal.waitForExit() == 0)
        #expect(server.requests.isEmpty)
    }

    @Test("/clear: the next request has no earlier turns")
    func clear() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("one\r", expecting: "Reply number 1.")
        try await session.enter("/clear\r", expecting: "conversation cleared")
        try await session.enter("two\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        #expect(requests[1].messages == [Message(role: "user", content: "two")])
    }

    @Test("/system TEXT: the next request starts with the system message")
    func system() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("/system Answer in French.\r", expecting: "system prompt set")
        try await session.enter("hello\r", expecting: "Reply number 1.")
        let requests = try await server.waitForRequests(1)
        #expect(
            requests[0].messages == [
                Message(role: "system", content: "Answer in French."), Message(role: "user", content: "hello"),
            ]
        )
    }

    @Test("/model NAME: the next request uses that model")
    func model() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("before\r", expecting: "Reply number 1.")
        try await session.enter("/model tiny-model-7b\r", expecting: "model: tiny-model-7b")
        try await session.enter("after\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        #expect(requests.map(\.model) == ["gpt-4o-mini", "tiny-model-7b"])
    }

    @Test("/model alone: the current model, then the endpoint's list; the REPL goes on")
    func modelList() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        let screen = try await session.enter("/model\r", expecting: "model-two")
        #expect(screen.contains("model: gpt-4o-mini"))
        #expect(screen.contains("available:"))
        #expect(screen.contains("  model-one"))
        #expect(server.modelListRequests == 1)
        try await session.enter("hello\r", expecting: "Reply number 1.")
    }

    @Test("/model alone when the list cannot be had: one line, and the REPL goes on")
    func modelListFails() async throws {
        let server = try REPLChatServer()
        let port = try refusedPort()
        let session = try REPLSession(server: server, environment: ["OPENAI_BASE_URL": "http://127.0.0.1:\(port)/v1"])
        let screen = try await session.enter("/model\r", expecting: "cannot list the models")
        #expect(screen.contains("model: gpt-4o-mini"))
        try await session.enter("/help\r", expecting: "figures for the last reply")
    }

    @Test("/retry re-sends the same message; the earlier reply is dropped from later requests")
    func retry() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("tell me a joke\r", expecting: "Reply number 1.")
        try await session.enter("/retry\r", expecting: "Reply number 2.")
        try await session.enter("another\r", expecting: "Reply number 3.")
        let requests = try await server.waitForRequests(3)
        #expect(requests[1].messages == [Message(role: "user", content: "tell me a joke")])
        #expect(
            requests[2].messages == [
                Message(role: "user", content: "tell me a joke"),
                Message(role: "assistant", content: "Reply number 2."),
                Message(role: "user", content: "another"),
            ]
        )
    }

    @Test("/continue after an interrupted reply sends the partial text and asks to go on")
    func continueAfterInterrupt() async throws {
        let closed = ClosedFlag()
        let server = try REPLChatServer([.stalling(["Once upon ", "a time, "], closed: closed)])
        let session = try REPLSession(server: server)
        try await session.type("story please\r")
        try await session.waitForText("a time,", after: 0)
        session.terminal.send("\u{03}")
        try await session.waitForText("[interrupted]", after: 0)
        try await session.enter("/continue\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        let messages = requests[1].messages
        #expect(messages.count == 3)
        #expect(
            Array(messages.prefix(2)) == [
                Message(role: "user", content: "story please"),
                Message(role: "assistant", content: "Once upon a time, "),
            ]
        )
        #expect(messages.last?.role == "user")
        #expect(messages.last?.content.lowercased().contains("continue") == true)
    }

    @Test("/continue after a complete reply says there is nothing to continue")
    func continueAfterComplete() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("hi\r", expecting: "Reply number 1.")
        try await session.enter("/continue\r", expecting: "nothing to continue")
        #expect(server.requests.count == 1)
    }

    @Test("/save FILE writes the turns as JSON with mode 0600; /load FILE brings them back in a new run")
    func saveAndLoad() async throws {
        let server = try REPLChatServer()
        let folder = try PTYTemporaryDirectory()
        let file = folder.file("chat.json")
        do {
            let session = try REPLSession(server: server)
            try await session.enter("remember the word kiwi\r", expecting: "Reply number 1.")
            try await session.enter("/save \(file)\r", expecting: "saved to")
            #expect(PTYTemporaryDirectory.permissions(of: file) == 0o600)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
            let entries = (json as? [String: Any])?["entries"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["role"] as? String } == ["user", "assistant"])
            #expect(entries.map { $0["content"] as? String } == ["remember the word kiwi", "Reply number 1."])
        }
        let session = try REPLSession(server: server)
        try await session.enter("/load \(file)\r", expecting: "loaded 2 messages")
        try await session.enter("which word?\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        #expect(
            requests[1].messages == [
                Message(role: "user", content: "remember the word kiwi"),
                Message(role: "assistant", content: "Reply number 1."),
                Message(role: "user", content: "which word?"),
            ]
        )
    }

    @Test("/stats shows the last reply's figures")
    func stats() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try await session.enter("/stats\r", expecting: "no reply yet")
        try await session.enter("count\r", expecting: "Reply number 1.")
        let screen = try await session.enter("/stats\r", expecting: "reconnects")
        #expect(screen.contains("ttft "))
        #expect(screen.contains("4 tokens"))
        #expect(screen.contains("0 reconnects"))
    }

    @Test("An unknown command gets a hint and nothing is sent")
    func unknown() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        let screen = try await session.enter("/hlep\r", expecting: "unknown command")
        #expect(screen.contains("unknown command /hlep; did you mean /help?"))
        try await session.enter("still here\r", expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1).count == 1)
    }
}
