import Foundation
import TestSupport
import Testing

/// `--provider gemini` through the built binary against loopback servers playing Gemini streams.
@Suite("ssechat --provider gemini", .timeLimit(.minutes(1)))
struct GeminiProviderTests {
    private func gemini(
        _ server: TranscriptServer,
        _ extra: [String] = [],
        environment: [String: String] = ["GEMINI_API_KEY": secretKey]
    ) async throws -> CLIResult {
        try await ssechat(
            ["--once", "--provider", "gemini", "--url", server.url("/v1beta")] + extra + ["greet me"],
            environment: environment
        )
    }

    @Test("The request: model in the path, alt=sse, x-goog-api-key, contents and systemInstruction; text on stdout")
    func request() async throws {
        let server = try TranscriptServer(.events(Transcript.gemini(["Bonjour", ", le monde 🦊"])))
        let result = try await gemini(server, ["-m", "gemini-test", "--system", "Be kind."])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Bonjour, le monde 🦊\n")
        expectNoKey(result)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/v1beta/models/gemini-test:streamGenerateContent?alt=sse")
        #expect(request.header("x-goog-api-key") == secretKey)
        #expect(request.header("Authorization") == nil)
        let body = try requestJSON(request)
        let contents = try #require(body["contents"] as? [[String: Any]])
        #expect(contents.count == 1)
        #expect(contents.first?["role"] as? String == "user")
        #expect((contents.first?["parts"] as? [[String: String]]) == [["text": "greet me"]])
        let system = try #require(body["systemInstruction"] as? [String: Any])
        #expect((system["parts"] as? [[String: String]]) == [["text": "Be kind."]])
    }

    @Test("--json: usageMetadata as the usage line (thoughts count as reply tokens), the finish reason, done")
    func usage() async throws {
        let server = try TranscriptServer(.events(Transcript.gemini(["a", "b"], thoughts: ["t"])))
        let result = try await gemini(server, ["--json"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(
            result.stdoutLines.suffix(3) == [
                #"{"type":"finish","reason":"STOP"}"#,
                #"{"type":"usage","prompt_tokens":5,"completion_tokens":3,"total_tokens":8}"#,
                #"{"type":"done","complete":true}"#,
            ],
            "\(result.stdoutText)"
        )
    }

    @Test("No -m: the default model gemini-2.5-flash; GOOGLE_API_KEY when GEMINI_API_KEY is unset")
    func defaults() async throws {
        let server = try TranscriptServer(.events(Transcript.gemini(["ok"])))
        let result = try await gemini(server, environment: ["GOOGLE_API_KEY": secretKey, "OPENAI_API_KEY": "sk-other"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let request = try #require(server.requests.first)
        #expect(request.target == "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
        #expect(request.header("x-goog-api-key") == secretKey)
        expectNoKey(result)
    }

    @Test("Thought parts are reasoning: on stderr when stdout is not a terminal, never on stdout")
    func thoughts() async throws {
        let server = try TranscriptServer(.events(Transcript.gemini(["42."], thoughts: ["Let me", " think."])))
        let result = try await gemini(server)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "42.\n")
        #expect(result.stderrText.contains("Let me think."))
    }

    @Test("MAX_TOKENS: complete (exit 0), one line saying the reply was cut at the token limit")
    func maxTokens() async throws {
        let server = try TranscriptServer(
            .events(Transcript.gemini(["The history", " of"], finishReason: "MAX_TOKENS"))
        )
        let result = try await gemini(server)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "The history of\n")
        #expect(result.stderrLines.count == 1, "\(result.stderrText)")
        #expect(result.stderrText.contains("[reply cut at the token limit (MAX_TOKENS)]"))
    }

    @Test(
        "A reply the server stopped: the text so far on stdout, one line with the reason's meaning, exit 1",
        arguments: [
            ("SAFETY", "flagged for safety"), ("RECITATION", "recitation"), ("SPII", "personal information"),
            ("PROHIBITED_CONTENT", "prohibited content"), ("OTHER", "did not give"),
        ]
    )
    func stopped(reason: String, meaning: String) async throws {
        let server = try TranscriptServer(.events(Transcript.gemini(["To make it,", " first"], finishReason: reason)))
        let result = try await gemini(server)
        expectFailure(result, exitCode: 1, stderrContains: ["the server stopped the reply: \(reason)", meaning])
        #expect(result.stdoutText.hasPrefix("To make it, first"))
    }

    @Test("A blocked prompt (promptFeedback, no candidates): one line naming the reason, exit 1, nothing on stdout")
    func blocked() async throws {
        let server = try TranscriptServer(
            .events([
                #"data: {"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":4}}"#
                    + "\r\n\r\n"
            ])
        )
        let result = try await gemini(server)
        expectFailure(result, exitCode: 1, stderrContains: ["the prompt was blocked: SAFETY (flagged for safety)"])
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test("A stream cut before any finishReason is incomplete: exit 6, the text kept")
    func cut() async throws {
        let server = try TranscriptServer(.events(Transcript.gemini(["Half of", " an answer"], finishReason: nil)))
        let result = try await gemini(server)
        expectFailure(result, exitCode: 6, stderrContains: ["incomplete"])
        #expect(result.stdoutText == "Half of an answer\n")
    }

    @Test(
        "An error in the stream: its message, and the exit code its status means",
        arguments: [
            (429, "RESOURCE_EXHAUSTED", Int32(4)), (403, "PERMISSION_DENIED", 3), (401, "UNAUTHENTICATED", 3),
            (503, "UNAVAILABLE", 1),
        ]
    )
    func inStreamError(code: Int, status: String, exitCode: Int32) async throws {
        let error = #"{"error":{"code":\#(code),"message":"Something went wrong here.","status":"\#(status)"}}"#
        let server = try TranscriptServer(
            .events(Array(Transcript.gemini(["Partial"]).prefix(1)) + ["data: \(error)\r\n\r\n"])
        )
        let result = try await gemini(server)
        expectFailure(result, exitCode: exitCode, stderrContains: ["Something went wrong here."])
    }

    @Test(
        "HTTP error bodies: the message, and the exit code (an invalid key's 400 is an auth failure)",
        arguments: [
            (
                400,
                #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}"#,
                "API key not valid.", Int32(3)
            ),
            (
                403,
                #"{"error":{"code":403,"message":"Permission denied on resource project x.","status":"PERMISSION_DENIED"}}"#,
                "Permission denied on resource", 3
            ),
            (
                429,
                #"[{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}]"#,
                "Resource has been exhausted", 4
            ),
            (
                404,
                #"{"error":{"code":404,"message":"models/nope is not found for API version v1beta.","status":"NOT_FOUND"}}"#,
                "is not found for API version", 1
            ),
        ]
    )
    func httpErrors(status: Int, body: String, message: String, exitCode: Int32) async throws {
        let server = try TranscriptServer(
            .status(status, headers: [("Content-Type", "application/json"), ("Retry-After", "0")], body: body)
        )
        let result = try await gemini(server)
        expectFailure(result, exitCode: exitCode, stderrContains: [message])
        #expect(result.stdout.isEmpty)
    }

    @Test("A config profile with provider = \"gemini\": chat works, config show names the sources, never the key")
    func profile() async throws {
        let server = try TranscriptServer(.events(Transcript.gemini(["from the profile"])))
        let runner = try SSEChatRunner()
        let text = """
            [profiles.g]
            provider = "gemini"
            url = "\(server.url("/v1beta"))"
            model = "gemini-profile"
            """
        let config = try runner.sandbox.file(named: "profile.toml", contents: Data(text.utf8))
        let environment = ["GEMINI_API_KEY": secretKey, "OPENAI_API_KEY": "sk-not-this-one"]
        let chat = try await runner.run(["--config", config, "-p", "g", "--once", "hi"], environment: environment)
        #expect(chat.exitCode == 0, "\(chat.stderrText)")
        #expect(chat.stdoutText == "from the profile\n")
        #expect(server.requests.first?.target == "/v1beta/models/gemini-profile:streamGenerateContent?alt=sse")
        #expect(server.requests.first?.header("x-goog-api-key") == secretKey)
        let show = try await runner.run(["config", "show", "--config", config, "-p", "g"], environment: environment)
        #expect(show.exitCode == 0, "\(show.stderrText)")
        #expect(show.stdoutText.contains("gemini"))
        #expect(show.stdoutText.contains("GEMINI_API_KEY"), "\(show.stdoutText)")
        expectNoKey(chat)
        expectNoKey(show)
    }

    @Test("A lone GEMINI_API_KEY makes gemini the provider, with Google's base URL and the default model")
    func inferredByKey() async throws {
        let result = try await ssechat(["config", "show", "--json"], environment: ["GEMINI_API_KEY": secretKey])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText.contains(#""gemini""#), "\(result.stdoutText)")
        #expect(result.stdoutText.contains("gemini-2.5-flash"))
        expectNoKey(result)
    }
}
