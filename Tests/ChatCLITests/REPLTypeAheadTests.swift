import Foundation
import TestSupport
import Testing

/// Keys typed while a reply streams: not echoed into the reply, kept for the next prompt.
@Suite("REPL: typing ahead while a reply streams", .timeLimit(.minutes(1)))
struct REPLTypeAheadTests {
    typealias Message = ChatRequestRecord.Message

    @Test("text typed during a reply is not echoed among the reply, and is waiting, editable, at the next prompt")
    func typeAhead() async throws {
        let gate = Gate()
        let server = try REPLChatServer([ScriptedReply(["The ", "reply ", "text."], gate: gate)])
        let session = try REPLSession(server: server)
        try await session.type("hello\r")
        // The request is out and the terminal's echo is off for the reply: type the next message now, while the
        // server holds the reply back.
        _ = try await server.waitForRequests(1)
        try await PTYTerminalMode.waitForQuietMode(processID: session.terminal.processID)
        let typedAt = session.terminal.outputMark
        session.terminal.send("queued text")
        gate.open()
        let replyEnd = try await session.waitForText("text.", after: typedAt)
        let promptAt = try await session.waitForText(REPLSession.prompt, after: replyEnd)
        let duringReply = PseudoTerminal.strippingEscapes(session.output(from: typedAt))
            .components(separatedBy: REPLSession.prompt)[0]
        #expect(
            !duringReply.contains("queued"),
            "typed keys were echoed into the reply: \(duringReply.debugDescription)"
        )
        try await session.waitForText("queued text", after: promptAt)
        try await session.enter("\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        #expect(requests[1].messages.last == Message(role: "user", content: "queued text"))
    }
}
