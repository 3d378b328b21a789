import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ssechat --provider responses: transcripts, background resume, cancel on Ctrl-C", .timeLimit(.minutes(2)))
struct ResponsesCLITests {
    /// A transcript written from OpenAI's documentation (shared with the wire-format tests).
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ChatWireTests/Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func run(_ fixture: String, _ flags: [String] = []) async throws -> (CLIResult, TranscriptServer) {
        let server = try TranscriptServer(.events([try Self.fixture(fixture)]))
        let result = try await ssechat(
            ["--once", "--provider", "responses", "--url", server.url("/v1"), "-m", "gpt-4.1"] + flags + ["question"],
            environment: ["OPENAI_API_KEY": secretKey]
        )
        return (result, server)
    }

    @Test("a plain reply: POST /v1/responses with input and the key; the text on stdout, usage in --stats")
    func plain() async throws {
        let (result, server) = try await Self.run("responses-plain.sse", ["--stats", "--system", "Be brief."])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Hi! How can I help you today?\n")
        #expect(result.stderrText.contains("11 tokens"), "\(result.stderrText)")
        expectNoKey(result)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/v1/responses")
        #expect(request.header("Authorization") == "Bearer \(secretKey)")
        let body = try requestJSON(request)
        #expect(body["stream"] as? Bool == true)
        #expect(body["instructions"] as? String == "Be brief.")
        #expect(body["input"] as? [[String: String]] == [["role": "user", "content": "question"]])
        #expect(body["background"] == nil)
    }

    @Test("reasoning summaries go to stderr when stdout is not a terminal")
    func reasoning() async throws {
        let (result, _) = try await Self.run("responses-reasoning.sse")
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "**9.8** is larger.\n")
        #expect(result.stderrText.contains("The user asks whether 9.11 or 9.8 is larger."))
    }

    @Test(
        "in-stream failures end with the documented exit code and the server's own message",
        arguments: [
            ("responses-error.sse", Int32(4), "Rate limit reached for gpt-4.1"),
            ("responses-failed.sse", 1, "The model failed to generate a response."),
        ]
    )
    func failures(fixture: String, exitCode: Int32, message: String) async throws {
        let (result, _) = try await Self.run(fixture)
        expectFailure(result, exitCode: exitCode, stderrContains: [message])
    }

    @Test("a stream cut before response.completed: the text stands, exit 6")
    func incomplete() async throws {
        let (result, _) = try await Self.run("responses-cut.sse")
        expectFailure(result, exitCode: 6, stderrContains: ["incomplete"])
        #expect(result.stdoutText == "Hi! How\n")
    }

    @Test("response.incomplete at max_output_tokens ends as chat's length does: the text, a note, exit 0")
    func cutAtTokenLimit() async throws {
        let (result, _) = try await Self.run("responses-incomplete.sse")
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Once upon a time\n")
        #expect(
            result.stderrText.contains("[reply cut at the token limit (max_output_tokens)]"),
            "\(result.stderrText)"
        )
    }

    @Test("an HTTP error answer: the server's message, 401 is exit 3")
    func httpError() async throws {
        let body =
            #"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}"#
        let server = try TranscriptServer(.status(401, headers: [("Content-Type", "application/json")], body: body))
        let result = try await ssechat(
            ["--once", "--provider", "responses", "--url", server.url("/v1"), "x"],
            environment: ["OPENAI_API_KEY": secretKey]
        )
        expectFailure(result, exitCode: 3, stderrContains: ["Incorrect API key provided."])
    }

    @Test(
        "background against the built-in server dropping every connection after 3 events (100+ drops): byte-identical, exit 0"
    )
    func backgroundResume() async throws {
        let runner = try SSEChatRunner()
        let healthy = try await Served.start(runner, ["--reply-tokens", "300"])
        let faulty = try await Served.start(
            runner,
            ["--reply-tokens", "300", "--drop-after", "3", "--drop-mid-event", "--retry-ms", "1"]
        )
        let prompt = "Tell me about resumable background replies"
        let undisturbed = try await runner.run(
            ["--once", "--provider", "responses", "--url", healthy.baseURL + "/v1", prompt]
        )
        let resumed = try await runner.run(
            ["--once", "--provider", "responses", "--background", "--stats", "--url", faulty.baseURL + "/v1", prompt],
            timeout: .seconds(60)
        )
        #expect(undisturbed.exitCode == 0, "\(undisturbed.stderrText)")
        #expect(resumed.exitCode == 0, "\(resumed.stderrText.suffix(500))")
        #expect(resumed.stdout == undisturbed.stdout)
        #expect(undisturbed.stdoutText.count > 1000)
        let reconnects = resumed.stderrLines.last.flatMap { line in
            line.split(separator: "·").last?.split(separator: " ").first.flatMap { Int($0) }
        }
        #expect((reconnects ?? 0) >= 100, "\(resumed.stderrLines.last ?? "")")

        // Not in the background, the same drops leave the reply incomplete.
        let foreground = try await runner.run(
            ["--once", "--provider", "responses", "--url", faulty.baseURL + "/v1", prompt]
        )
        expectFailure(foreground, exitCode: 6, stderrContains: ["incomplete"])
        _ = await healthy.stop()
        _ = await faulty.stop()
    }

    @Test(
        "Ctrl-C on a background reply also sends POST /responses/{id}/cancel with the key; not otherwise",
        arguments: [true, false]
    )
    func cancelOnInterrupt(background: Bool) async throws {
        let held = Gate()
        let created =
            #"{"type":"response.created","response":{"id":"resp_cancel_me","status":"queued","background":\#(background)},"#
            + #""sequence_number":0}"#
        let delta = #"{"type":"response.output_text.delta","delta":"Hello","sequence_number":1}"#
        let server = try TranscriptServer([
            .custom { _, writer in
                writer.writeEventStreamHead()
                _ = writer.write("event: response.created\ndata: \(created)\n\n")
                _ = writer.write("event: response.output_text.delta\ndata: \(delta)\n\n")
                held.wait(timeout: 20)
            },
            .status(
                200,
                headers: [("Content-Type", "application/json")],
                body: #"{"id":"resp_cancel_me","object":"response","status":"cancelled"}"#
            ),
        ])
        defer { held.open() }
        let runner = try SSEChatRunner()
        let child = try runner.start(
            ["--once", "--provider", "responses", "--url", server.url("/v1"), "x"]
                + (background ? ["--background"] : []),
            environment: ["OPENAI_API_KEY": secretKey]
        )
        try await child.waitForStdout(containing: "Hello")
        child.send(signal: SIGINT)
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(result.exitCode == 130, "\(result.stderrText)")
        expectNoKey(result)
        let requests = server.requests
        if background {
            try #require(requests.count == 2)
            #expect(requests[1].method == "POST")
            #expect(requests[1].target == "/v1/responses/resp_cancel_me/cancel")
            #expect(requests[1].header("Authorization") == "Bearer \(secretKey)")
        } else {
            #expect(requests.count == 1)
        }
    }

    @Test("background = true in a profile: sent as background and store, shown by config show; --no-background wins")
    func backgroundSetting() async throws {
        let runner = try SSEChatRunner()
        let server = try TranscriptServer(.events([try Self.fixture("responses-plain.sse")]))
        let path = try runner.writeConfig(
            """
            default_profile = "r"
            [profiles.r]
            provider = "responses"
            url = "\(server.url("/v1"))"
            background = true
            """
        )
        let environment = ["OPENAI_API_KEY": secretKey]
        let shown = try await runner.run(["config", "show"], environment: environment)
        let lines = shown.stdoutLines.map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("background true (from \(path):5)"), "\(shown.stdoutText)")
        #expect(lines.contains("provider responses (from \(path):3)"), "\(shown.stdoutText)")

        let result = try await runner.run(["--once", "x"], environment: environment)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let body = try requestJSON(try #require(server.requests.first))
        #expect(body["background"] as? Bool == true)
        #expect(body["store"] as? Bool == true)

        let off = try await runner.run(["--once", "--no-background", "x"], environment: environment)
        #expect(off.exitCode == 0, "\(off.stderrText)")
        #expect(try requestJSON(try #require(server.requests.last))["background"] == nil)
    }

    @Test("a cancel request the server never answers does not hold the exit for long")
    func cancelThatHangs() async throws {
        let held = Gate()
        defer { held.open() }
        let created =
            #"{"type":"response.created","response":{"id":"resp_1","status":"queued","background":true},"#
            + #""sequence_number":0}"#
        let server = try TranscriptServer([
            .custom { _, writer in
                writer.writeEventStreamHead()
                _ = writer.write("event: response.created\ndata: \(created)\n\n")
                _ = writer.write(
                    #"data: {"type":"response.output_text.delta","delta":"Hi","sequence_number":1}"# + "\n\n"
                )
                held.wait(timeout: 30)
            },
            .custom { _, _ in held.wait(timeout: 30) },
        ])
        let child = try SSEChatRunner().start(
            ["--once", "--provider", "responses", "--background", "--url", server.url("/v1"), "x"],
            environment: ["OPENAI_API_KEY": secretKey]
        )
        try await child.waitForStdout(containing: "Hi")
        child.send(signal: SIGINT)
        // The cancel waits at most 2 s; the test allows 10 before it calls the exit held.
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(!result.timedOut)
        #expect(result.exitCode == 130, "\(result.stderrText)")
        #expect(server.requests.count == 2)
    }

    /// A running `ssechat serve --port 0` and the base URL it printed.
    private struct Served {
        let child: CLIProcess
        let baseURL: String

        static func start(_ runner: SSEChatRunner, _ flags: [String]) async throws -> Served {
            let child = try runner.start(["serve", "--port", "0", "--tokens-per-sec", "0"] + flags)
            try await child.waitForStdout(containing: "\n")
            let line = String(decoding: child.stdoutSoFar, as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines
            )
            try #require(line.hasPrefix("http://127.0.0.1:"), "serve printed: \(line)")
            return Served(child: child, baseURL: line)
        }

        func stop() async -> CLIResult {
            child.send(signal: SIGINT)
            return await child.waitForExit(timeout: .seconds(10))
        }
    }
}
