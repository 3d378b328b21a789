import ChatClient
import ChatWire
import SSEClient
import Testing

@Suite("ReplyStateMachine: the format's own cursor and end markers")
struct ReplyStateMachineResumePointTests {
    private static let cursor = ChatResumeCursor(replyID: "resp_1", position: 6)

    @Test("a drop after a cursor resumes from the point, cursor and all, even with no event id")
    func resumesWithCursor() {
        var machine = ReplyStateMachine(options: ReplyStateMachineTests.options())
        machine.opened()
        _ = ReplyStateMachineTests.receive(&machine, id: "", cursor: Self.cursor, .text("Hi"))
        #expect(
            machine.closed(.failed(ReplyStateMachineTests.dropped), jitter: 0)
                == .resume(
                    after: .milliseconds(250),
                    from: ChatResumePoint(cursor: Self.cursor),
                    reason: "connection to h:1 failed: connection reset"
                )
        )
    }

    @Test("the latest point wins: a later event moves the cursor")
    func latestPoint() {
        var machine = ReplyStateMachine(options: ReplyStateMachineTests.options())
        machine.opened()
        _ = ReplyStateMachineTests.receive(&machine, id: "", cursor: Self.cursor, .text("a"))
        let later = ChatResumeCursor(replyID: "resp_1", position: 9)
        _ = ReplyStateMachineTests.receive(&machine, id: "", cursor: later, .text("b"))
        #expect(
            machine.closed(.endOfStream, jitter: 0)
                == .resume(
                    after: .milliseconds(250),
                    from: ChatResumePoint(cursor: later),
                    reason: "the server ended the reply before its end marker"
                )
        )
    }

    @Test("no cursor and no event id (a Responses reply not in the background): a drop ends the reply incomplete")
    func noPoint() {
        var machine = ReplyStateMachine(options: ReplyStateMachineTests.options())
        machine.opened()
        _ = ReplyStateMachineTests.receive(&machine, id: "", .text("Hi"))
        #expect(
            machine.closed(.failed(ReplyStateMachineTests.dropped), jitter: 0)
                == .finish(.incomplete("connection to h:1 failed: connection reset"))
        )
    }

    @Test("the format's .incomplete finishes the reply incomplete with the server's reason; later input is ignored")
    func formatIncomplete() {
        var machine = ReplyStateMachine(options: ReplyStateMachineTests.options())
        machine.opened()
        #expect(
            ReplyStateMachineTests.receive(&machine, id: "", .incomplete("interrupted")) == [
                .emit(.incomplete("interrupted")),
                .finish(.incomplete("the server ended the reply early (interrupted)")),
            ]
        )
        #expect(machine.isFinished)
        #expect(machine.closed(.endOfStream, jitter: 0) == nil)
    }
}
