import ChatWire
import SSE
import Testing

@Suite("Anthropic Messages transcripts")
struct AnthropicTranscriptTests {
    private let format = AnthropicWireFormat()

    @Test(
        "Plain reply: text deltas, ping ignored, usage",
        arguments: ["anthropic-plain.sse", "anthropic-crlf.sse"],
        Transcript.Split.allCases
    )
    func plainReply(fixture: String, split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture(fixture), with: format, split: split)
        #expect(
            outcome.events == [
                .text("Hello"), .text("!"), .text(" I'm Claude"), .text(", how can I help?"), .finishReason("end_turn"),
                .usage(ChatUsage(promptTokens: 25, completionTokens: 15, totalTokens: 40)), .done,
            ]
        )
        #expect(outcome.error == nil)
    }

    @Test("Extended thinking: thinking deltas as reasoning, signature ignored", arguments: Transcript.Split.allCases)
    func thinking(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("anthropic-thinking.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .reasoning("Let me solve this step by step:\n\n1. First break down 27 * 453"),
                .reasoning("\n2. 453 = 400 + 50 + 3"),
                .reasoning("\n3. 27 * 400 = 10,800"),
                .text("27 * 453 = **12,231**"),
                .finishReason("end_turn"),
                .usage(ChatUsage(promptTokens: 72, completionTokens: 108, totalTokens: 180)),
                .done,
            ]
        )
    }

    @Test("Tool use: input_json_delta ignored, cache tokens counted as prompt", arguments: Transcript.Split.allCases)
    func toolUse(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("anthropic-tool-use.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .text("Okay, let me check the weather."), .finishReason("tool_use"),
                .usage(ChatUsage(promptTokens: 2112, completionTokens: 89, totalTokens: 2201)), .done,
            ]
        )
    }

    @Test("An error event stops the stream with the server's message", arguments: Transcript.Split.allCases)
    func errorEvent(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("anthropic-error.sse"), with: format, split: split)
        #expect(outcome.events == [.text("Once upon")])
        let error = try #require(outcome.error)
        #expect(error == .serverError(message: "Overloaded", type: "overloaded_error"))
        #expect(error.description == "server error: Overloaded (overloaded_error)")
        #expect(!error.isRateLimit)
    }

    @Test("Events decode by their JSON type when a proxy dropped the event names")
    func unnamedEvents() throws {
        let original = try Transcript.fixture("anthropic-plain.sse")
        let text = String(decoding: original, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("event:") }
            .joined(separator: "\n")
        let outcome = try Transcript.decode(Array(text.utf8), with: format, split: .whole)
        let expected = try Transcript.decode(original, with: format, split: .whole)
        #expect(outcome == expected)
    }

    @Test("An error event whose data is not JSON becomes a server error with that text")
    func plainTextErrorEvent() {
        let result = Transcript.decode(.init(type: "error", data: "upstream connect error"), with: format)
        #expect(result == .failure(.serverError(message: "upstream connect error")))
    }

    @Test("Unknown event types are ignored")
    func unknownEvents() {
        let result = Transcript.decode(
            .init(type: "future_event", data: #"{"type":"future_event","x":[1]}"#),
            with: format
        )
        #expect(result == .success([]))
    }
}
