import ChatWire
import SSE
import Testing

@Suite("Plain SSE transcripts")
struct PlainSSETranscriptTests {
    private let format = PlainSSEWireFormat()

    @Test(
        "Raw tokens, status events, [DONE]",
        arguments: ["plain-done.sse", "plain-crlf.sse"],
        Transcript.Split.allCases
    )
    func done(fixture: String, split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture(fixture), with: format, split: split)
        #expect(
            outcome.events == [
                .status("connected"), .status("looking up the forecast"), .text("The"), .text(" weather"), .text(" is"),
                .text(" sunny"), .text(" — 23 °C"), .text(".\n"), .text("Enjoy!"), .done,
            ]
        )
    }

    @Test("[STREAM_END] ends the reply; later events are ignored", arguments: Transcript.Split.allCases)
    func streamEnd(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("plain-stream-end.sse"), with: format, split: split)
        #expect(outcome.events == ["Counting", ":", " 1", " 2", " 3"].map(ChatEvent.text) + [.done])
    }

    @Test("event: end ends the reply", arguments: Transcript.Split.allCases)
    func eventEnd(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("plain-event-end.sse"), with: format, split: split)
        #expect(outcome.events == [.text("Hi"), .text(" 👋"), .text(" 你好"), .done])
    }

    @Test("The clean end of the response ends the reply", arguments: Transcript.Split.allCases)
    func endOfResponse(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("plain-eof.sse"), with: format, split: split)
        #expect(outcome.events == [.text("No"), .text(" end"), .text(" marker"), .done])
    }

    @Test("An error event stops the stream with its data as the message", arguments: Transcript.Split.allCases)
    func errorEvent(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("plain-error.sse"), with: format, split: split)
        #expect(outcome.events == [.text("Partial"), .text(" reply")])
        #expect(outcome.error == .serverError(message: "model crashed: out of memory"))
    }

    @Test(
        "Single events",
        arguments: [
            (ServerSentEvent(data: "token"), [ChatEvent.text("token")]),
            (ServerSentEvent(data: ""), []),
            (ServerSentEvent(data: "[DONE]"), [.done]),
            (ServerSentEvent(data: "[STREAM_END]"), [.done]),
            (ServerSentEvent(type: "done", data: "x"), [.done]),
            (ServerSentEvent(type: "status", data: "queued"), [.status("queued")]),
            (ServerSentEvent(type: "progress", data: "50%"), [.status("50%")]),
            (ServerSentEvent(type: "thinking", data: ""), []),
        ]
    )
    func singleEvents(event: ServerSentEvent, expected: [ChatEvent]) {
        #expect(Transcript.decode(event, with: format) == .success(expected))
    }

    @Test("finishStream after the marker adds nothing")
    func finishAfterDone() throws {
        var decoder = format.makeDecoder()
        var events = try decoder.decode(ServerSentEvent(data: "[DONE]"))
        try decoder.finishStream { events.append($0) }
        #expect(events == [.done])
    }
}
