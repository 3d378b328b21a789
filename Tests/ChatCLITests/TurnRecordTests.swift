import ChatClient
import ConversationStore
import Foundation
import Testing

@testable import ChatCLI

/// The pure mapping between turns and kept messages.
@Suite("TurnRecord")
struct TurnRecordTests {
    private func message(_ id: Int64, _ role: String, _ text: String, _ status: MessageStatus? = nil) -> StoredMessage {
        StoredMessage(id: id, role: role, text: text, status: status, error: status == .error ? "boom" : nil)
    }

    @Test("History skips a failed request with no reply text, and a prompt whose reply never came")
    func history() {
        let (entries, rowIDs) = TurnRecord.history([
            message(1, "user", "one"),
            message(2, "assistant", "first", .complete),
            message(3, "user", "failed"),
            message(4, "assistant", "", .error),
            message(5, "user", "two"),
            message(6, "assistant", "cut", .interrupted),
            message(7, "user", "killed mid-reply"),
        ])
        #expect(entries.map(\.content) == ["one", "first", "two", "cut"])
        #expect(entries.map(\.end) == [nil, .complete, nil, .interrupted])
        #expect(rowIDs == [1, 2, 5, 6])
    }

    @Test(
        "Each way a reply ends maps to a kept status and back",
        arguments: [
            (ReplyEnd.complete, MessageStatus.complete),
            (.incomplete("dropped"), .incomplete),
            (.stalled("silent"), .incomplete),
            (.interrupted, .interrupted),
            (.failed(ChatClientError(.server, "bad")), .error),
        ]
    )
    func statuses(end: ReplyEnd, status: MessageStatus) {
        let (kept, reason) = TurnRecord.status(end)
        #expect(kept == status)
        #expect(reason == end.reason)
        if end != .complete && end != .interrupted {
            #expect(TurnRecord.end(kept, error: reason).reason == end.reason)
        }
    }
}
