import ChatClient
import ChatWire
import Testing

@Suite("Finish reasons: one table, and how a reply ends by it")
struct FinishReasonTests {
    @Test(
        "Every format's reasons",
        arguments: [
            ("stop", ChatFinishReason.Outcome.complete), ("end_turn", .complete), ("STOP", .complete),
            ("tool_calls", .complete), ("tool_use", .complete), ("some_future_reason", .complete),
            ("length", .truncated), ("max_tokens", .truncated), ("MAX_TOKENS", .truncated),
            ("content_filter", .stopped("content_filter (omitted by the content filter)")),
            ("refusal", .stopped("refusal (the model's safety system declined to go on)")),
            ("SAFETY", .stopped("SAFETY (flagged for safety)")),
            ("RECITATION", .stopped("RECITATION (flagged as recitation of existing content)")),
            ("BLOCKLIST", .stopped("BLOCKLIST (a term from the blocklist)")),
            ("SPII", .stopped("SPII (it may hold sensitive personal information)")),
            ("MALFORMED_FUNCTION_CALL", .stopped("MALFORMED_FUNCTION_CALL (the model made an invalid function call)")),
        ]
    )
    func outcomes(reason: String, expected: ChatFinishReason.Outcome) {
        #expect(ChatFinishReason.outcome(of: reason) == expected)
    }

    private func end(after events: [ChatEvent]) -> [ReplyStateMachine.Action] {
        var machine = ReplyStateMachine(options: ChatReplyOptions())
        machine.opened()
        var actions: [ReplyStateMachine.Action] = []
        for event in events {
            machine.eventReceived(at: ChatResumePoint())
            machine.decoded(event) { actions.append($0) }
        }
        return actions.filter { if case .finish = $0 { true } else { false } }
    }

    @Test("A truncated reply completes; a stopped one fails as the server's error at its end marker")
    func replyEnds() {
        #expect(end(after: [.text("a"), .finishReason("length"), .done]) == [.finish(.complete)])
        #expect(end(after: [.text("a"), .finishReason("stop"), .done]) == [.finish(.complete)])
        #expect(
            end(after: [.text("a"), .finishReason("SAFETY"), .usage(ChatUsage(promptTokens: 1)), .done])
                == [
                    .finish(
                        .failed(ChatClientError(.server, "the server stopped the reply: SAFETY (flagged for safety)"))
                    )
                ]
        )
        #expect(end(after: [.finishReason("content_filter")]).isEmpty)
    }
}
