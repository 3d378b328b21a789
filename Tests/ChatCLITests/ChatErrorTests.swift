import Foundation
import TestSupport
import Testing

/// Every error case runs with the recognisable key set and checks it never appears in the output.
@Suite("ssechat chat errors: one line, the documented exit code, no key", .timeLimit(.minutes(1)))
struct ChatErrorTests {
    private func once(_ server: TranscriptServer, _ extra: [String] = []) async throws -> CLIResult {
        try await ssechat(["--once"] + extra + ["hello"], environment: openAIEnvironment(server))
    }

    @Test("a refused connection: exit 5, one line, nothing on stdout")
    func refused() async throws {
        let port = try refusedPort()
        let result = try await ssechat(
            ["--once", "hello"],
            environment: ["OPENAI_BASE_URL": "http://127.0.0.1:\(port)/v1", "OPENAI_API_KEY": secretKey],
            timeout: .seconds(15)
        )
        expectFailure(result, exitCode: 5)
        #expect(result.stdout.isEmpty)
    }

    @Test("401: exit 3 with the server's own message")
    func unauthorized() async throws {
        let server = try TranscriptServer(
            .status(
                401,
                headers: [("Content-Type", "application/json")],
                body: #"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","#
                    + #""code":"invalid_api_key"}}"#
            )
        )
        let result = try await once(server)
        expectFailure(result, exitCode: 3, stderrContains: ["Incorrect API key provided.", "401"])
        #expect(result.stdout.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test("--json and a 401: the error as a JSON line with its exit code, and one line on stderr")
    func jsonError() async throws {
        let server = try TranscriptServer(
            .status(
                401,
                headers: [("Content-Type", "application/json")],
                body: #"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}"#
            )
        )
        let result = try await once(server, ["--json"])
        expectFailure(result, exitCode: 3, stderrContains: ["Incorrect API key provided."])
        try #require(result.stdoutLines.count == 1, "\(result.stdoutText)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdoutLines[0].utf8)) as? [String: Any]
        )
        #expect(object["type"] as? String == "error")
        #expect(object["exit_code"] as? Int == 3)
        #expect((object["message"] as? String)?.contains("Incorrect API key provided.") == true)
    }

    @Test("400 with a long multi-line JSON message: exit 1, the message whole on one stderr line")
    func longMultiLineMessage() async throws {
        let parts = [
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens "
                + "(130000 in the messages, 1072 in the functions).",
            "Please reduce the length of the messages or functions, or use a model with a longer context window; "
                + "the models listed at https://example.invalid/models accept up to 1000000 tokens.",
            "Details:",
            "  - system prompt: 2048 tokens",
            "  - conversation history (41 messages): 126930 tokens, the oldest of which could be summarised",
            "  - tool definitions: 1072 tokens across 6 functions (search, fetch, read_file, write_file, run, ask)",
            "Request id: req_0123456789abcdef; proxy: litellm/1.52 (upstream openai, region eu-west).",
        ]
        let message =
            parts[0] + "\n" + parts[1] + "\r\n\r\n" + parts[2] + "\n" + parts[3] + "\r" + parts[4] + "\n\n\n"
            + parts[5] + "\n" + parts[6]
        #expect(message.count > 550)
        let body = try JSONSerialization.data(
            withJSONObject: ["error": ["message": message, "type": "invalid_request_error", "code": "context_length"]]
        )
        let server = try TranscriptServer(
            .status(400, headers: [("Content-Type", "application/json")], body: String(decoding: body, as: UTF8.self))
        )
        let result = try await once(server)
        expectFailure(result, exitCode: 1, stderrContains: ["400", parts.joined(separator: " / ")])
        #expect(!result.stderrText.contains("…"))
        #expect(!result.stderrText.contains("  /"))
        #expect(result.stdout.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test("403: exit 3")
    func forbidden() async throws {
        let server = try TranscriptServer(.status(403, body: "Forbidden: this key may not use that model"))
        let result = try await once(server)
        expectFailure(result, exitCode: 3, stderrContains: ["403"])
        #expect(server.requests.count == 1)
    }

    @Test("429 with Retry-After: 0, then 200: the retry succeeds (two requests, exit 0)")
    func rateLimitedThenOK() async throws {
        let server = try TranscriptServer([
            .status(
                429,
                headers: [("Retry-After", "0"), ("Content-Type", "application/json")],
                body: #"{"error":{"message":"Rate limit reached","type":"requests"}}"#
            ),
            .events(Transcript.openAI(["worked", " after all"])),
        ])
        let result = try await once(server)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "worked after all\n")
        #expect(server.requests.count == 2)
        #expect(server.bodies[0] == server.bodies[1])
        expectNoKey(result)
    }

    @Test("429 every time: exit 4 with the server's message once the retries are spent")
    func rateLimited() async throws {
        let server = try TranscriptServer(
            .status(
                429,
                headers: [("Retry-After", "0"), ("Content-Type", "application/json")],
                body: #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota"}}"#
            )
        )
        let result = try await once(server)
        expectFailure(result, exitCode: 4, stderrContains: ["You exceeded your current quota"])
        #expect(server.requests.count == 3)
    }

    @Test("500 with a JSON error: exit 1, the message quoted (after the retries, waiting 1 s then 2 s)")
    func serverError() async throws {
        let server = try TranscriptServer(
            .status(
                500,
                headers: [("Content-Type", "application/json")],
                body: #"{"error":{"message":"The server had an error while processing your request."}}"#
            )
        )
        let result = try await once(server)
        expectFailure(
            result,
            exitCode: 1,
            stderrContains: ["The server had an error while processing your request.", "500"]
        )
        #expect(server.requests.count == 3)
    }

    @Test("an HTML error page: exit 1, one line, no HTML on the terminal")
    func htmlErrorPage() async throws {
        let page =
            "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
            + "<body><h1>Not Found</h1></body></html>\n"
        let server = try TranscriptServer(.status(404, headers: [("Content-Type", "text/html")], body: page))
        let result = try await once(server)
        expectFailure(result, exitCode: 1, stderrContains: ["404"])
        #expect(!result.stderrText.contains("<"))
    }

    @Test(
        "a 200 that is neither an event stream nor a JSON reply: exit 1",
        arguments: [
            ("text/html", "<html><body>Welcome to nginx!</body></html>"),
            ("text/plain", "not streamed"),
        ]
    )
    func notAnEventStream(contentType: String, body: String) async throws {
        let server = try TranscriptServer(.status(200, headers: [("Content-Type", contentType)], body: body))
        let result = try await once(server)
        expectFailure(result, exitCode: 1, stderrContains: [contentType])
        #expect(result.stdout.isEmpty)
        #expect(!result.stderrText.contains("<html"))
    }

    @Test("a stall longer than --timeout: exit 5, the partial text kept on stdout")
    func stall() async throws {
        let release = Gate()
        defer { release.open() }
        let events = Transcript.openAI(["Partial", " text"])
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write(events[0] + events[1] + events[2])
                release.wait(timeout: 20)
            }
        )
        // The server holds the stream open, silent, for 20 s: exit 5 (a timeout), not 6 (the stream ended), shows
        // that --timeout ended it.
        let result = try await once(server, ["--timeout", "0.5"])
        expectFailure(result, exitCode: 5)
        #expect(result.stdoutText == "Partial text\n")
        #expect(server.requests.count == 1)
    }

    @Test("a drop mid-reply without ids: exit 6, partial text on stdout, stderr says incomplete, one request")
    func dropWithoutIDs() async throws {
        let events = Transcript.openAI(["Half", " a reply", " never finished"])
        let server = try TranscriptServer(.events(Array(events[0..<3]) + [#"data: {"choices":[{"delta":{"con"#]))
        let result = try await once(server)
        expectFailure(result, exitCode: 6, stderrContains: ["incomplete"])
        #expect(result.stdoutText == "Half a reply\n")
        #expect(server.requests.count == 1)
    }

    @Test("a malformed JSON chunk: exit 1, one line that says so")
    func malformedChunk() async throws {
        let server = try TranscriptServer(
            .events([Transcript.openAIContent("Before"), "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}\n\n"])
        )
        let result = try await once(server)
        expectFailure(result, exitCode: 1, stderrContains: ["malformed"])
        #expect(result.stdoutText == "Before\n")
    }

    @Test("an error object inside the stream: exit 1, its message quoted on one line without its control sequences")
    func inStreamError() async throws {
        let server = try TranscriptServer(
            .events([
                Transcript.openAIContent("Some"),
                #"data: {"error":{"message":"Upstream \u001b]0;pwned\u0007model\ncrashed\u001b[2J","#
                    + #""type":"server_error"}}"# + "\n\n",
            ])
        )
        let result = try await once(server)
        expectFailure(result, exitCode: 1, stderrContains: ["Upstream model crashed"])
        #expect(!result.stderrText.contains("\u{1B}") && !result.stderrText.contains("\u{7}"))
        #expect(result.stdoutText == "Some\n")
    }

    @Test("an absurdly long line (past the 128 MiB default) fails with one clear line instead of eating memory")
    func absurdlyLongLine() async throws {
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
                guard writer.write("data: ") else { return }
                for _ in 0..<129 where writer.write(chunk) {}
            }
        )
        let result = try await once(server)
        expectFailure(result, exitCode: 1, stderrContains: ["longer than \(128 << 20) bytes"])
        #expect(result.stdout.isEmpty)
    }

    @Test("--max-line-bytes: a data line over it fails the reply with one clear line")
    func maxLineBytes() async throws {
        let server = try TranscriptServer(
            .events([Transcript.openAIContent("Short"), Transcript.openAIContent(String(repeating: "y", count: 2048))])
        )
        let result = try await once(server, ["--max-line-bytes", "1024"])
        expectFailure(result, exitCode: 1, stderrContains: ["longer than 1024 bytes"])
        #expect(result.stdoutText == "Short\n", "\(result.stdout.count) bytes on stdout")
    }

    @Test("invalid UTF-8 in the stream comes out as U+FFFD")
    func invalidUTF8() async throws {
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                let invalid: [UInt8] = [0xFF, 0xC3]
                writer.write(
                    Array(#"data: {"choices":[{"delta":{"content":"bad "#.utf8) + invalid
                        + Array(#" byte"}}]}"#.utf8) + [10, 10]
                )
                writer.write(Transcript.openAIContent(" ok"))
                writer.write("data: [DONE]\n\n")
            }
        )
        let result = try await once(server)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "bad \u{FFFD}\u{FFFD} byte ok\n")
        expectNoKey(result)
    }

    @Test(
        "bad flags: exit 2 with one line, nothing sent",
        arguments: [
            ["--bogus"], ["--timeout", "0"], ["--timeout", "soon"], ["--json", "--raw"], ["--provider", "nope"],
            ["--max-reconnects", "-1"], ["--color", "purple"], ["--url", "ftp://127.0.0.1/"],
            ["--max-line-bytes", "0"],
        ]
    )
    func badFlags(flags: [String]) async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["x"])))
        let result = try await once(server, flags)
        expectFailure(result, exitCode: 2)
        #expect(result.stdout.isEmpty)
        #expect(server.requests.isEmpty)
    }
}
