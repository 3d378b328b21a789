import ChatWire
import Foundation
import SSE
import Testing

@Suite("OpenAI Responses transcripts")
struct ResponsesTranscriptTests {
    private let format = ResponsesWireFormat()

    private static let fixtures = [
        "responses-plain.sse", "responses-crlf.sse", "responses-reasoning.sse", "responses-error.sse",
        "responses-failed.sse", "responses-incomplete.sse", "responses-cut.sse", "responses-replay.sse",
    ]

    private static let greeting = ["Hi", "!", " How", " can", " I", " help", " you", " today", "?"]

    @Test(
        "Plain reply: text deltas, lifecycle events ignored, usage then done",
        arguments: ["responses-plain.sse", "responses-crlf.sse"],
        Transcript.Split.allCases
    )
    func plainReply(fixture: String, split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture(fixture), with: format, split: split)
        #expect(
            outcome.events
                == Self.greeting.map(ChatEvent.text) + [
                    .usage(ChatUsage(promptTokens: 37, completionTokens: 11, totalTokens: 48)), .done,
                ]
        )
        #expect(outcome.error == nil)
    }

    @Test(
        "Reasoning summary deltas are reasoning; reasoning tokens count as output",
        arguments: Transcript.Split.allCases
    )
    func reasoningSummary(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("responses-reasoning.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .reasoning("**Comparing numbers**\n\n"), .reasoning("The user asks whether 9.11 or 9.8 is larger."),
                .reasoning(" 9.8 = 9.80 > 9.11."), .text("**9.8**"), .text(" is"), .text(" larger"), .text("."),
                .usage(ChatUsage(promptTokens: 17, completionTokens: 187, totalTokens: 204)), .done,
            ]
        )
    }

    @Test(
        "An error event stops the stream with the server's message, a rate limit",
        arguments: Transcript.Split.allCases
    )
    func errorEvent(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("responses-error.sse"), with: format, split: split)
        #expect(outcome.events == [.text("Once"), .text(" upon")])
        let error = try #require(outcome.error)
        #expect(error.serverErrorCode == "rate_limit_exceeded")
        #expect(error.serverMessage?.hasPrefix("Rate limit reached for gpt-4.1 in organization org-123") == true)
        #expect(error.isRateLimit)
    }

    @Test("response.failed fails with the response's own error", arguments: Transcript.Split.allCases)
    func failed(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("responses-failed.sse"), with: format, split: split)
        #expect(outcome.events == [.text("Once")])
        let error = try #require(outcome.error)
        #expect(error == .serverError(message: "The model failed to generate a response.", code: "server_error"))
        #expect(!error.isRateLimit && !error.isAuthentication)
    }

    @Test(
        "response.incomplete for max_output_tokens is that finish reason (cut at the token limit), after the usage",
        arguments: Transcript.Split.allCases
    )
    func incomplete(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("responses-incomplete.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .text("Once"), .text(" upon"), .text(" a"), .text(" time"),
                .usage(ChatUsage(promptTokens: 12, completionTokens: 4, totalTokens: 16)),
                .finishReason("max_output_tokens"), .done,
            ]
        )
        #expect(outcome.error == nil)
    }

    @Test("A stream cut before response.completed has no end marker (and drops the partial event)")
    func cut() throws {
        let outcome = try Transcript.decode(Transcript.fixture("responses-cut.sse"), with: format, split: .whole)
        #expect(outcome.events == [.text("Hi"), .text("!"), .text(" How")])
        #expect(outcome.error == nil)
    }

    @Test("Replayed sequence numbers are dropped: nothing is repeated", arguments: Transcript.Split.allCases)
    func replay(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("responses-replay.sse"), with: format, split: split)
        #expect(
            outcome.events
                == Self.greeting.map(ChatEvent.text) + [
                    .usage(ChatUsage(promptTokens: 37, completionTokens: 11, totalTokens: 48)), .done,
                ]
        )
    }

    @Test("Every fixture decodes the same split in two at every offset", arguments: Self.fixtures)
    func everyOffset(fixture: String) throws {
        let bytes = try Transcript.fixture(fixture)
        let whole = try Transcript.decode(bytes, with: format, split: .whole)
        for offset in 0...bytes.count {
            let split = try Transcript.decode(bytes, with: format, splitAt: offset)
            #expect(split == whole, "split at \(offset)")
            if split != whole { break }
        }
    }

    @Test("The cursor: a background reply's id and last sequence number; none without background")
    func cursor() throws {
        for (fixture, expected) in [
            ("responses-replay.sse", ChatResumeCursor(replyID: Self.replyID, position: 13)),
            ("responses-plain.sse", nil),
        ] {
            var parser = SSEParser()
            var decoder = format.makeDecoder()
            var cursors: [ChatResumeCursor?] = []
            try Transcript.fixture(fixture).withUnsafeBytes { bytes in
                try parser.parse(bytes) { event in
                    _ = try decoder.decode(event)
                    cursors.append(decoder.resumeCursor)
                }
            }
            #expect(cursors.last == expected, "\(fixture)")
            if expected != nil {
                // Known from response.created on, and moving with every event.
                #expect(cursors.first == ChatResumeCursor(replyID: Self.replyID, position: 0))
                #expect(cursors[5] == ChatResumeCursor(replyID: Self.replyID, position: 5))
            }
        }
    }

    private static let replyID = "resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654"

    @Test(
        "Single events: error shapes, blank data, unknown types",
        arguments: [
            (
                ServerSentEvent(type: "error", data: #"{"type":"error","code":"invalid_api_key","message":"Bad key"}"#),
                Result<[ChatEvent], ChatWireError>.failure(.serverError(message: "Bad key", code: "invalid_api_key"))
            ),
            (
                ServerSentEvent(type: "error", data: #"{"error":{"message":"Nested","code":"server_error"}}"#),
                .failure(.serverError(message: "Nested", code: "server_error"))
            ),
            (
                ServerSentEvent(type: "error", data: "upstream went away"),
                .failure(.serverError(message: "upstream went away"))
            ),
            (ServerSentEvent(type: "response.output_text.delta", data: "  "), .success([])),
            (ServerSentEvent(type: "response.output_text.annotation.added", data: #"{"annotation":{}}"#), .success([])),
            (
                ServerSentEvent(data: #"{"type":"response.reasoning_summary_text.delta","delta":"Hmm"}"#),
                .success([.reasoning("Hmm")])
            ),
            (
                ServerSentEvent(
                    type: "response.failed",
                    data: #"{"type":"response.failed","response":{"status":"failed"}}"#
                ),
                .failure(.serverError(message: "the response failed"))
            ),
        ]
    )
    func singleEvents(event: ServerSentEvent, expected: Result<[ChatEvent], ChatWireError>) {
        #expect(Transcript.decode(event, with: format) == expected)
    }

    @Test("A complete response object (a server that ignored stream: true)")
    func completeReply() throws {
        let body = #"""
            {"id":"resp_1","object":"response","status":"completed","output":[
             {"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"Think."}]},
             {"id":"msg_1","type":"message","role":"assistant","content":[{"type":"output_text","text":"Hello","annotations":[]},
              {"type":"refusal","refusal":"no"}]}],
             "usage":{"input_tokens":5,"output_tokens":2,"total_tokens":7}}
            """#
        var events: [ChatEvent] = []
        try format.decodeCompleteReply(Data(body.utf8)) { events.append($0) }
        #expect(
            events == [
                .reasoning("Think."), .text("Hello"),
                .usage(ChatUsage(promptTokens: 5, completionTokens: 2, totalTokens: 7)),
                .done,
            ]
        )
        let incomplete = #"{"status":"incomplete","incomplete_details":{"reason":"content_filter"},"output":[]}"#
        events = []
        try format.decodeCompleteReply(Data(incomplete.utf8)) { events.append($0) }
        #expect(events == [.finishReason("content_filter"), .done])
        let unknown = #"{"status":"incomplete","incomplete_details":{"reason":"interrupted"},"output":[]}"#
        events = []
        try format.decodeCompleteReply(Data(unknown.utf8)) { events.append($0) }
        #expect(events == [.incomplete("interrupted")])
        #expect(throws: ChatWireError.serverError(message: "Nope", code: "server_error")) {
            try format.decodeCompleteReply(Data(#"{"error":{"message":"Nope","code":"server_error"}}"#.utf8)) { _ in }
        }
        #expect(format.readsCompleteReplies)
        let queued = #"{"id":"resp_1","status":"queued","output":[]}"#
        #expect(throws: ChatWireError.self) { try format.decodeCompleteReply(Data(queued.utf8)) { _ in } }
    }
}
