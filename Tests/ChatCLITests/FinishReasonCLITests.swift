import Foundation
import TestSupport
import Testing

/// How the end of a reply shows, for OpenAI and Anthropic as for Gemini (`ChatFinishReason`'s one table).
@Suite("ssechat finish reasons across providers", .timeLimit(.minutes(1)))
struct FinishReasonCLITests {
    @Test("OpenAI length: exit 0, the text, and one mark saying it was cut at the token limit")
    func openAILength() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["Once", " upon"], finishReason: "length")))
        let result = try await ssechat(["--once", "hi"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Once upon\n")
        #expect(result.stderrLines == ["[reply cut at the token limit (length)]"])
    }

    @Test("OpenAI content_filter: the text so far, one line saying the server stopped it, exit 1")
    func openAIContentFilter() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["Here is"], finishReason: "content_filter")))
        let result = try await ssechat(["--once", "hi"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 1, stderrContains: ["the server stopped the reply: content_filter"])
        #expect(result.stdoutText == "Here is\n")
    }

    @Test("Anthropic refusal: exit 1 with the reason's meaning")
    func anthropicRefusal() async throws {
        let events = Transcript.anthropic(["I can"]).map {
            $0.replacingOccurrences(of: #""stop_reason":"end_turn""#, with: #""stop_reason":"refusal""#)
        }
        let server = try TranscriptServer(.events(events))
        let result = try await ssechat(
            ["--once", "--provider", "anthropic", "--url", server.url(), "x"],
            environment: ["ANTHROPIC_API_KEY": secretKey]
        )
        expectFailure(result, exitCode: 1, stderrContains: ["refusal (the model's safety system declined to go on)"])
    }

    @Test("--json: the finish line, then the error line with exit code 1")
    func json() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["x"], finishReason: "content_filter")))
        let result = try await ssechat(["--once", "--json", "hi"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 1)
        #expect(result.stdoutText.contains(#"{"type":"finish","reason":"content_filter"}"#))
        #expect(result.stdoutLines.last?.contains(#""exit_code":1"#) == true, "\(result.stdoutText)")
    }
}
