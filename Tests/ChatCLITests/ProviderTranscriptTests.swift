import Foundation
import TestSupport
import Testing

@Suite("ssechat providers against loopback transcripts", .timeLimit(.minutes(1)))
struct ProviderTranscriptTests {
    @Test("OpenAI: content on stdout; reasoning_content on stderr when stdout is not a terminal")
    func openAIReasoning() async throws {
        let server = try TranscriptServer(
            .events(Transcript.openAI(["The answer", " is 42."], reasoning: ["Let me think", " about it."]))
        )
        let result = try await ssechat(["--once", "question"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "The answer is 42.\n")
        #expect(result.stderrText.contains("Let me think about it."))
        #expect(!result.stdoutText.contains("think"))
        expectNoKey(result)
    }

    @Test("Anthropic: POST /v1/messages with x-api-key and anthropic-version; text deltas on stdout, thinking not")
    func anthropic() async throws {
        let server = try TranscriptServer(
            .events(Transcript.anthropic(["Bonjour", ", ", "le monde 🦊"], thinking: ["Hmm, French", " it is."]))
        )
        let result = try await ssechat(
            ["--once", "--provider", "anthropic", "--url", server.url(), "--system", "Be kind.", "greet me"],
            environment: ["ANTHROPIC_API_KEY": secretKey]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Bonjour, le monde 🦊\n")
        #expect(result.stderrText.contains("Hmm, French it is."))
        expectNoKey(result)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/v1/messages")
        #expect(request.header("x-api-key") == secretKey)
        #expect(request.header("anthropic-version") != nil)
        #expect(request.header("Authorization") == nil)
        let body = try requestJSON(request)
        #expect(body["stream"] as? Bool == true)
        #expect(body["system"] as? String == "Be kind.")
        #expect((body["model"] as? String)?.isEmpty == false)
        #expect(body["max_tokens"] is Int)
        #expect(try requestMessages(request) == [["role": "user", "content": "greet me"]])
    }

    @Test("Anthropic: a reply cut before message_stop is incomplete (exit 6)")
    func anthropicIncomplete() async throws {
        let events = Transcript.anthropic(["Partial", " answer"])
        let server = try TranscriptServer(.events(Array(events.dropLast(2))))
        let result = try await ssechat(
            ["--once", "--provider", "anthropic", "--url", server.url(), "-m", "claude-test", "x"],
            environment: ["ANTHROPIC_API_KEY": secretKey]
        )
        expectFailure(result, exitCode: 6, stderrContains: ["incomplete"])
        #expect(result.stdoutText == "Partial answer\n")
    }

    @Test("plain SSE: GET with the prompt percent-encoded into {prompt}; tokens on stdout")
    func plainSSERequest() async throws {
        let server = try TranscriptServer(.events(["data: Hello\n\n", "data:  world\n\n", "data: [DONE]\n\n"]))
        let result = try await ssechat(
            ["--once", "--url", server.url("/chat?q={prompt}&v=1"), "hé & you/?+ 🦊"],
            environment: ["OPENAI_API_KEY": secretKey]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Hello world\n")
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/chat?q=h%C3%A9%20%26%20you%2F%3F%2B%20%F0%9F%A6%8A&v=1")
        #expect(request.body.isEmpty)
        expectNoKey(result)
    }

    @Test(
        "plain SSE: each end marker ends the reply; later events are ignored",
        arguments: [
            "data: [DONE]\n\n", "data: [STREAM_END]\n\n", "event: end\ndata: bye\n\n", "event: done\ndata: x\n\n",
        ]
    )
    func plainSSEEndMarkers(marker: String) async throws {
        let release = Gate()
        defer { release.open() }
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write("event: thinking\ndata: pondering deeply\n\n")
                writer.write("data: The\n\ndata:  end\n\n")
                writer.write(marker)
                writer.write("data: AFTER THE MARKER\n\n")
                // Holds the connection open: only the marker can end this reply.
                release.wait(timeout: 20)
            }
        )
        let result = try await ssechat(["--once", "--provider", "sse", "--url", server.url("/chat?q={prompt}"), "go"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "The end\n")
        #expect(!result.stdoutText.contains("pondering"))
        #expect(server.requests.count == 1)
    }

    @Test("plain SSE: the end of the response ends the reply (exit 0)")
    func plainSSEEndOfResponse() async throws {
        let server = try TranscriptServer(
            .events(["event: status\ndata: warming up\n\n", "data: Just\n\n", "data:  this\n\n"])
        )
        let result = try await ssechat(["--once", "--url", server.url("/sse/{prompt}"), "go"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Just this\n")
        #expect(!result.stdoutText.contains("warming"))
        #expect(server.requests.first?.target == "/sse/go")
    }

    @Test("plain SSE: --method POST --data with a JSON template sends the escaped prompt")
    func plainSSEPost() async throws {
        let server = try TranscriptServer(.events(["data: ok\n\n", "data: [DONE]\n\n"]))
        let result = try await ssechat([
            "--once", "--provider", "sse", "--url", server.url("/chat"), "--method", "POST",
            "--data", #"{"q":"{prompt}"}"#, "say \"hi\"\nplease",
        ])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "ok\n")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        let body = try requestJSON(request)
        #expect(body["q"] as? String == "say \"hi\"\nplease")
    }

    /// What ssechat says, once per run, when a plain-SSE endpoint takes no prompt.
    private static let urlNotice = "ssechat: the URL has no {prompt}; the prompt is not sent"

    @Test("plain SSE with no {prompt}: the URL is requested as written, the reply shown, one notice on stderr")
    func plainSSEWithoutPrompt() async throws {
        let server = try TranscriptServer(.events(["data: A fixed\n\n", "data:  reply\n\n", "data: [DONE]\n\n"]))
        let result = try await ssechat(
            ["--once", "--provider", "sse", "--url", server.url("/api/stream-chat"), "what is this"],
            environment: ["OPENAI_API_KEY": secretKey]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "A fixed reply\n")
        #expect(result.stderrLines == [Self.urlNotice])
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.target == "/api/stream-chat")
        #expect(request.body.isEmpty)
        expectNoKey(result)
    }

    @Test("plain SSE with no {prompt}, scripted stdin: every turn gets the reply, the notice appears once")
    func plainSSEWithoutPromptScripted() async throws {
        let server = try TranscriptServer(.events(["data: Same\n\n", "data:  again\n\n", "data: [DONE]\n\n"]))
        let result = try await ssechat(
            ["--provider", "sse", "--url", server.url("/api/stream-chat")],
            input: .bytes(Data("first question\nsecond question\n".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Same again\nSame again\n")
        #expect(result.stderrLines == [Self.urlNotice])
        #expect(server.requests.map(\.target) == ["/api/stream-chat", "/api/stream-chat"])
        #expect(server.requests.allSatisfy { $0.body.isEmpty })
    }

    @Test("plain SSE with --data but no {prompt}: the body is posted as written, and the notice names both")
    func plainSSEBodyWithoutPrompt() async throws {
        let server = try TranscriptServer(.events(["data: ok\n\n", "data: [DONE]\n\n"]))
        let body = #"{"stream": true, "topic": "weather"}"#
        let result = try await ssechat(
            ["--once", "--provider", "sse", "--url", server.url("/api/stream-chat"), "--data", body, "my prompt"]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "ok\n")
        #expect(result.stderrLines == ["ssechat: neither the URL nor --data has {prompt}; the prompt is not sent"])
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/api/stream-chat")
        #expect(String(decoding: request.body, as: UTF8.self) == body)
    }

    @Test("plain SSE with {prompt}: no notice")
    func plainSSEWithPromptHasNoNotice() async throws {
        let server = try TranscriptServer(.events(["data: ok\n\n", "data: [DONE]\n\n"]))
        let result = try await ssechat(["--once", "--url", server.url("/chat?q={prompt}"), "hi"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stderrText.isEmpty)
        #expect(server.requests.first?.target == "/chat?q=hi")
    }
}
