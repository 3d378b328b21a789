import ChatWire
import Testing

@Suite("OpenAI-compatible transcripts")
struct OpenAITranscriptTests {
    private let format = OpenAIWireFormat()

    @Test(
        "OpenAI plain reply with usage",
        arguments: ["openai-plain.sse", "openai-crlf.sse"],
        Transcript.Split.allCases
    )
    func plainReply(fixture: String, split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture(fixture), with: format, split: split)
        let words = ["Hello", "!", " How", " can", " I", " help", " you", " today", "?"]
        #expect(
            outcome.events
                == words.map(ChatEvent.text) + [
                    .finishReason("stop"),
                    .usage(ChatUsage(promptTokens: 19, completionTokens: 10, totalTokens: 29)),
                    .done,
                ]
        )
        #expect(outcome.error == nil)
    }

    @Test(
        "DeepSeek reasoning_content, keep-alive comments, usage in the finish chunk",
        arguments: Transcript.Split.allCases
    )
    func deepSeekReasoning(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("deepseek-reasoning.sse"), with: format, split: split)
        let thoughts = [
            "Okay", ",", " the", " user", " asks", " for", " 9.11", " vs", " 9.8", ".\n\n", "9.8", " is", " larger",
            ".",
        ]
        let answer = ["**9.8**", " is", " larger", " than", " 9.11", "."]
        #expect(
            outcome.events
                == thoughts.map(ChatEvent.reasoning) + answer.map(ChatEvent.text) + [
                    .finishReason("stop"),
                    .usage(ChatUsage(promptTokens: 17, completionTokens: 187, totalTokens: 204)),
                    .done,
                ]
        )
    }

    @Test("OpenRouter reasoning with reasoning_details and processing comments", arguments: Transcript.Split.allCases)
    func openRouterReasoning(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("openrouter-reasoning.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .reasoning("**Recalling the capital**\n\nThe user wants the capital of France."),
                .reasoning(" That is Paris."),
                .text("The capital of France is"),
                .text(" **Paris**."),
                .finishReason("stop"),
                .usage(ChatUsage(promptTokens: 8, completionTokens: 41, totalTokens: 49)),
                .done,
            ]
        )
    }

    @Test("Ollama /v1 with the reasoning field", arguments: Transcript.Split.allCases)
    func ollama(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("ollama-reasoning.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .reasoning("Greeting"), .reasoning(" back."), .text("Hi"), .text(" there!"), .finishReason("stop"),
                .usage(ChatUsage(promptTokens: 11, completionTokens: 9, totalTokens: 20)), .done,
            ]
        )
    }

    @Test("llama.cpp: other key order, null content, timings object", arguments: Transcript.Split.allCases)
    func llamaCpp(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("llamacpp.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .text("Sure"), .text(":"), .text(" 2"), .text(" + 2"), .text(" = 4"), .finishReason("stop"),
                .usage(ChatUsage(promptTokens: 24, completionTokens: 6, totalTokens: 30)), .done,
            ]
        )
    }

    @Test("Python json.dumps server: spaces and \\u escapes", arguments: Transcript.Split.allCases)
    func pythonCompat(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("python-compat.sse"), with: format, split: split)
        #expect(
            outcome.events == [
                .text("Café "), .text("😀\n"), .text("你好, \"quoted\" \\ path/"), .text("\ttab"), .finishReason("length"),
                .done,
            ]
        )
    }

    @Test("An in-stream error object stops the stream with the server's message", arguments: Transcript.Split.allCases)
    func inStreamError(split: Transcript.Split) throws {
        let outcome = try Transcript.decode(Transcript.fixture("openai-error.sse"), with: format, split: split)
        #expect(outcome.events == [.text("The"), .text(" answer")])
        let error = try #require(outcome.error)
        #expect(error.code == .serverError)
        #expect(error.serverMessage == "The server had an error while processing your request. Sorry about that!")
        #expect(error.serverErrorType == "server_error")
        #expect(
            error.description
                == "server error: The server had an error while processing your request. Sorry about that!"
                + " (server_error)"
        )
    }

    @Test("A stream without [DONE] has no .done")
    func noDoneMarker() throws {
        var bytes = try Transcript.fixture("openai-plain.sse")
        bytes.removeLast("data: [DONE]\n\n".utf8.count)
        let outcome = try Transcript.decode(bytes, with: format, split: .whole)
        #expect(outcome.events.last == .usage(ChatUsage(promptTokens: 19, completionTokens: 10, totalTokens: 29)))
        #expect(!outcome.events.contains(.done))
    }
}
