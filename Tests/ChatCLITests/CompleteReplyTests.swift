import Foundation
import TestSupport
import Testing

/// Servers that ignore `stream: true` and answer a streaming request with one complete JSON reply.
@Suite("ssechat and a complete JSON reply in place of a stream", .timeLimit(.minutes(1)))
struct CompleteReplyTests {
    @Test("OpenAI: a chat.completion is shown whole, stats filled from its usage, exit 0")
    func openAICompletion() async throws {
        let body = #"""
            {"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
            "content":"Not streamed, but here: 你好 🦊","reasoning_content":"Thinking it over."},
            "finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":7,"total_tokens":16}}
            """#
        let server = try TranscriptServer(.status(200, headers: [("Content-Type", "application/json")], body: body))
        let result = try await ssechat(["--once", "--stats", "hello"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Not streamed, but here: 你好 🦊\n")
        #expect(result.stderrText.contains("Thinking it over."))
        #expect(result.stderrText.contains("7 tokens"), "\(result.stderrText)")
        #expect(server.requests.count == 1)
        expectNoKey(result)
    }

    @Test("OpenAI with --json: the same events a stream of it would give, and done complete")
    func openAICompletionJSON() async throws {
        let body = #"{"choices":[{"message":{"content":"whole"},"finish_reason":"length"}]}"#
        let server = try TranscriptServer(
            .status(200, headers: [("Content-Type", "application/json; charset=utf-8")], body: body)
        )
        let result = try await ssechat(["--once", "--json", "hello"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains(#""text":"whole""#) == true, "\(lines)")
        #expect(lines.contains { $0.contains(#""finish""#) && $0.contains("length") }, "\(lines)")
        #expect(lines.last?.contains(#""complete":true"#) == true, "\(lines)")
    }

    @Test("Anthropic: a message is shown whole, thinking on stderr, exit 0")
    func anthropicMessage() async throws {
        let body = #"""
            {"id":"msg_1","type":"message","role":"assistant","content":[{"type":"thinking","thinking":"Hmm."},
            {"type":"text","text":"Bonjour"},{"type":"text","text":", le monde"}],"stop_reason":"end_turn",
            "usage":{"input_tokens":12,"output_tokens":4}}
            """#
        let server = try TranscriptServer(.status(200, headers: [("Content-Type", "application/json")], body: body))
        let result = try await ssechat(
            ["--once", "--provider", "anthropic", "--url", server.url(), "-m", "claude-test", "--stats", "greet me"],
            environment: ["ANTHROPIC_API_KEY": secretKey]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Bonjour, le monde\n")
        #expect(result.stderrText.contains("Hmm."))
        #expect(result.stderrText.contains("4 tokens"), "\(result.stderrText)")
        expectNoKey(result)
    }

    @Test("a 200 JSON error object is the server's error: exit 1 with its message")
    func errorObject() async throws {
        let body = #"{"error":{"message":"The model is overloaded","type":"server_error"}}"#
        let server = try TranscriptServer(.status(200, headers: [("Content-Type", "application/json")], body: body))
        let result = try await ssechat(["--once", "hello"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 1, stderrContains: ["The model is overloaded"])
        #expect(result.stdout.isEmpty)
    }

    @Test("a 200 JSON body that is no reply: exit 1, one line")
    func notAReply() async throws {
        let server = try TranscriptServer(
            .status(200, headers: [("Content-Type", "application/json")], body: #"{"status":"ok"}"#)
        )
        let result = try await ssechat(["--once", "hello"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 1)
        #expect(result.stdout.isEmpty)
    }
}
