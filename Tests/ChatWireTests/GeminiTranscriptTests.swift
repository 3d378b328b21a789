import ChatWire
import SSE
import TestSupport
import Testing

@Suite("Gemini transcripts")
struct GeminiTranscriptTests {
    private let format = GeminiWireFormat()

    /// Every fixture, with the outcome it must decode to however its bytes are cut.
    static let expected: [(String, Transcript.Outcome)] = [
        (
            "gemini-plain.sse",
            .init(events: [
                .text("Once upon"), .text(" a time, in a land"), .text(" far away — 🦊 狐.\n"), .finishReason("STOP"),
                .usage(ChatUsage(promptTokens: 8, completionTokens: 14, totalTokens: 22)), .done,
            ])
        ),
        (
            "gemini-thinking.sse",
            .init(events: [
                .reasoning("**Weighing the options**\n\nThe user wants a number."), .reasoning(" 27 × 453 is 12,231."),
                .text("27 × 453 = **12,231**"), .finishReason("STOP"),
                .usage(ChatUsage(promptTokens: 12, completionTokens: 51, totalTokens: 63)), .done,
            ])
        ),
        (
            "gemini-max-tokens.sse",
            .init(events: [
                .text("The history of Rome begins"), .text(" with"), .finishReason("MAX_TOKENS"),
                .usage(ChatUsage(promptTokens: 6, completionTokens: 5, totalTokens: 11)), .done,
            ])
        ),
        (
            "gemini-safety.sse",
            .init(events: [
                .text("To make it, first"), .finishReason("SAFETY"),
                .usage(ChatUsage(promptTokens: 9, completionTokens: 4, totalTokens: 13)), .done,
            ])
        ),
        (
            "gemini-recitation.sse",
            .init(events: [
                .text("It was the best of times, it was"), .text(" the worst"), .finishReason("RECITATION"),
                .usage(ChatUsage(promptTokens: 7, completionTokens: 10, totalTokens: 17)), .done,
            ])
        ),
        (
            "gemini-blocked.sse",
            .init(
                events: [],
                error: .serverError(
                    message: "the prompt was blocked: PROHIBITED_CONTENT (prohibited content)",
                    type: "blocked"
                )
            )
        ),
        (
            "gemini-error.sse",
            .init(
                events: [.text("Partial")],
                error: .serverError(
                    message: "The model is overloaded. Please try again later.",
                    type: "UNAVAILABLE",
                    code: "503"
                )
            )
        ),
        ("gemini-cut.sse", .init(events: [.text("Half of"), .text(" an answer")])),
        (
            "gemini-array.sse",
            .init(events: [
                .text("Hi"), .text("!"), .finishReason("STOP"),
                .usage(ChatUsage(promptTokens: 2, completionTokens: 2, totalTokens: 4)), .done,
            ])
        ),
    ]

    @Test("Each transcript decodes whole, byte by byte and in random pieces", arguments: Transcript.Split.allCases)
    func transcripts(split: Transcript.Split) throws {
        for (name, expected) in Self.expected {
            let outcome = try Transcript.decode(Transcript.fixture(name), with: format, split: split)
            #expect(outcome == expected, "\(name)")
        }
    }

    @Test("Each transcript cut in two at every offset decodes the same")
    func everyOffset() throws {
        for (name, expected) in Self.expected {
            let bytes = try Transcript.fixture(name)
            for cut in 0...bytes.count {
                let outcome = try Transcript.decode([bytes[..<cut], bytes[cut...]], with: format)
                #expect(outcome == expected, "\(name) cut at \(cut)")
                if outcome != expected { break }
            }
        }
    }

    @Test("Only a finishReason ends the reply: a stream cut before it has no .done")
    func cutStreamIsIncomplete() throws {
        let outcome = try Transcript.decode(Transcript.fixture("gemini-cut.sse"), with: format, split: .whole)
        #expect(!outcome.events.contains(.done))
        #expect(!outcome.events.contains { if case .finishReason = $0 { true } else { false } })
    }

    @Test("The usage reported with the end is the last chunk's, counting thoughts as reply tokens")
    func usageIsTheLastReport() {
        let result = Transcript.decode(
            ServerSentEvent(
                data: #"{"candidates":[{"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":3,"#
                    + #""thoughtsTokenCount":7,"totalTokenCount":10}}"#
            ),
            with: format
        )
        #expect(
            result
                == .success([
                    .finishReason("STOP"), .usage(ChatUsage(promptTokens: 3, completionTokens: 7, totalTokens: 10)),
                    .done,
                ])
        )
    }

    @Test(
        "In-stream errors: the message, and the status that decides the exit code",
        arguments: [
            (#"{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}"#, "rate"),
            (#"{"error":{"code":403,"message":"Permission denied","status":"PERMISSION_DENIED"}}"#, "auth"),
            (#"{"error":{"code":401,"message":"No key","status":"UNAUTHENTICATED"}}"#, "auth"),
            (#"[{"error":{"code":500,"message":"Internal","status":"INTERNAL"}}]"#, "server"),
        ]
    )
    func inStreamErrors(data: String, kind: String) throws {
        let result = Transcript.decode(ServerSentEvent(data: data), with: format)
        let failure: ChatWireError? = if case .failure(let error) = result { error } else { nil }
        let error = try #require(failure, "decoded \(result)")
        #expect(error.code == .serverError)
        #expect(error.isRateLimit == (kind == "rate"))
        #expect(error.isAuthentication == (kind == "auth"))
        #expect(error.serverMessage?.isEmpty == false)
    }

    @Test("Blank data lines are ignored; a chunk that is not JSON is malformed")
    func blankAndMalformed() throws {
        #expect(Transcript.decode(ServerSentEvent(data: " "), with: format) == .success([]))
        let result = Transcript.decode(ServerSentEvent(data: "not json"), with: format)
        let failure: ChatWireError? = if case .failure(let error) = result { error } else { nil }
        #expect(try #require(failure).code == .malformedChunk)
    }
}
