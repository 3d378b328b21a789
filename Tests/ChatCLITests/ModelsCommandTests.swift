import Foundation
import TestSupport
import Testing

/// `ssechat models` through the built binary against loopback servers speaking each list format.
@Suite("ssechat models", .timeLimit(.minutes(1)))
struct ModelsCommandTests {
    private static func json(_ body: String) -> TranscriptReply {
        .status(200, headers: [("Content-Type", "application/json")], body: body)
    }

    @Test("OpenAI-compatible: GET {base}/models with the bearer key; ids one per line in the server's order")
    func openAI() async throws {
        let server = try TranscriptServer(
            Self.json(
                #"{"object":"list","data":[{"id":"gpt-4o","object":"model","owned_by":"openai"},"#
                    + #"{"id":"a-model","object":"model","owned_by":"me"},{"id":"evil\u001b[31m","object":"model"}]}"#
            )
        )
        let result = try await ssechat(["models"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "gpt-4o\na-model\nevil [31m\n")
        #expect(result.stderrText.isEmpty)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/v1/models")
        #expect(request.header("Authorization") == "Bearer \(secretKey)")
        expectNoKey(result)
    }

    @Test("Anthropic: x-api-key and anthropic-version; pages followed with after_id while has_more")
    func anthropicPages() async throws {
        let server = try TranscriptServer([
            Self.json(
                #"{"data":[{"type":"model","id":"claude-b","display_name":"Claude B"},"#
                    + #"{"type":"model","id":"claude-a","display_name":"Claude A"}],"has_more":true,"#
                    + #""first_id":"claude-b","last_id":"claude-a"}"#
            ),
            Self.json(#"{"data":[{"type":"model","id":"claude-old"}],"has_more":false,"last_id":"claude-old"}"#),
        ])
        let result = try await ssechat(
            ["models", "--provider", "anthropic", "--url", server.url()],
            environment: ["ANTHROPIC_API_KEY": secretKey]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "claude-b\nclaude-a\nclaude-old\n")
        #expect(server.requests.map(\.target) == ["/v1/models", "/v1/models?after_id=claude-a"])
        #expect(server.requests.allSatisfy { $0.header("x-api-key") == secretKey })
        #expect(server.requests.allSatisfy { $0.header("anthropic-version") != nil })
        expectNoKey(result)
    }

    @Test("Gemini: x-goog-api-key; pages followed with pageToken; names without models/; --json")
    func geminiPagesJSON() async throws {
        let server = try TranscriptServer([
            Self.json(
                #"{"models":[{"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","#
                    + #""inputTokenLimit":1048576,"outputTokenLimit":65536}],"nextPageToken":"p2+/="}"#
            ),
            Self.json(#"{"models":[{"name":"models/embedding-001","displayName":"Embedding 001"}]}"#),
        ])
        let result = try await ssechat(
            ["models", "--json", "--provider", "gemini", "--url", server.url("/v1beta")],
            environment: ["GEMINI_API_KEY": secretKey]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(
            result.stdoutLines == [
                #"{"id":"gemini-2.5-flash","display_name":"Gemini 2.5 Flash","input_token_limit":1048576,"#
                    + #""output_token_limit":65536}"#,
                #"{"id":"embedding-001","display_name":"Embedding 001"}"#,
            ]
        )
        #expect(server.requests.map(\.target) == ["/v1beta/models", "/v1beta/models?pageToken=p2%2B%2F%3D"])
        #expect(server.requests.allSatisfy { $0.header("x-goog-api-key") == secretKey })
        expectNoKey(result)
    }

    @Test("A server whose page token repeats: the list ends instead of looping")
    func repeatingToken() async throws {
        let server = try TranscriptServer(Self.json(#"{"models":[{"name":"models/m"}],"nextPageToken":"same"}"#))
        let result = try await ssechat(
            ["models", "--provider", "gemini", "--url", server.url("/v1beta")],
            environment: ["GEMINI_API_KEY": secretKey]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "m\nm\n")
        #expect(server.requests.count == 2)
    }

    @Test("--demo lists the built-in server's model")
    func demo() async throws {
        let result = try await ssechat(["models", "--demo"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "ssechat-demo\n")
    }

    @Test("The sse provider has no list: one line, exit 2, nothing sent")
    func plainSSE() async throws {
        let server = try TranscriptServer(Self.json("{}"))
        let result = try await ssechat(["models", "--url", server.url("/chat?q={prompt}")])
        expectFailure(result, exitCode: 2, stderrContains: ["the sse provider has no model list"])
        #expect(server.requests.isEmpty)
    }

    @Test("401: exit 3 with the server's message")
    func unauthorized() async throws {
        let server = try TranscriptServer(
            .status(
                401,
                headers: [("Content-Type", "application/json")],
                body: #"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}"#
            )
        )
        let result = try await ssechat(["models"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 3, stderrContains: ["Incorrect API key provided.", "401"])
        #expect(result.stdout.isEmpty)
    }

    @Test("429 from Gemini: exit 4; a refused connection: exit 5")
    func rateLimitedAndRefused() async throws {
        let server = try TranscriptServer(
            .status(
                429,
                headers: [("Content-Type", "application/json")],
                body: #"{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED"}}"#
            )
        )
        let limited = try await ssechat(
            ["models", "--provider", "gemini", "--url", server.url("/v1beta")],
            environment: ["GEMINI_API_KEY": secretKey]
        )
        expectFailure(limited, exitCode: 4, stderrContains: ["Quota exceeded."])
        let port = try refusedPort()
        let refused = try await ssechat(
            ["models", "--url", "http://127.0.0.1:\(port)/v1"],
            environment: ["OPENAI_API_KEY": secretKey]
        )
        expectFailure(refused, exitCode: 5)
    }

    @Test("A body that is not a model list: exit 1, one line")
    func notAList() async throws {
        let server = try TranscriptServer(Self.json(#"{"unexpected":true}"#))
        let result = try await ssechat(["models"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 1, stderrContains: ["malformed"])
    }
}
