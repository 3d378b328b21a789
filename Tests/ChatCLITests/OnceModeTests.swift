import Foundation
import TestSupport
import Testing

@Suite("ssechat one-shot: --once, PROMPT, piped stdin", .timeLimit(.minutes(1)))
struct OnceModeTests {
    private let reply = ["Hello", ",", " wörld", " — 日本語 🦊", "!"]
    private var replyText: String { reply.joined() }

    @Test("--once: stdout is exactly the reply and a final newline; stderr empty; exit 0")
    func onceStdoutIsTheReply() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let result = try await ssechat(["--once", "Say hi"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == replyText + "\n")
        #expect(result.stderr.isEmpty, "\(result.stderrText)")
        #expect(try requestMessages(#require(server.requests.first)) == [["role": "user", "content": "Say hi"]])
        expectNoKey(result)
    }

    @Test("PROMPT words: joined with spaces into one turn, same output as --once")
    func promptArguments() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let result = try await ssechat(["why", "is", "the sky blue?"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == replyText + "\n")
        let sent = try requestMessages(#require(server.requests.first))
        #expect(sent == [["role": "user", "content": "why is the sky blue?"]])
    }

    @Test("a reply that ends in a newline gets no second one")
    func noDoubleNewline() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["line one\n", "line two\n"])))
        let result = try await ssechat(["--once", "x"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0)
        #expect(result.stdoutText == "line one\nline two\n")
    }

    @Test("tokens reach stdout as they arrive: the first is there before the server sends the rest")
    func streamsBeforeTheRest() async throws {
        let firstSeen = Gate()
        let events = Transcript.openAI(["first-token", " and", " the", " rest"])
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write(events[0] + events[1])
                firstSeen.wait(timeout: 20)
                for event in events[2...] { writer.write(event) }
            }
        )
        defer { firstSeen.open() }
        let child = try SSEChatRunner().start(["--once", "stream please"], environment: openAIEnvironment(server))
        try await child.waitForStdout(containing: "first-token")
        #expect(child.stdoutSoFar == Data("first-token".utf8))
        #expect(!child.hasExited)
        firstSeen.open()
        let result = await child.waitForExit()
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "first-token and the rest\n")
    }

    @Test("piped stdin is appended after the prompt, separated by a blank line")
    func pipedStdinAppended() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let piped = "diff --git a/x b/x\n+added line\n"
        let result = try await ssechat(
            ["--once", "review this"],
            environment: openAIEnvironment(server),
            input: .bytes(Data(piped.utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == replyText + "\n")
        let sent = try requestMessages(#require(server.requests.first))
        #expect(sent == [["role": "user", "content": "review this\n\n" + piped]])
    }

    @Test("a prompt argument with piped stdin is one turn too (no --once needed)")
    func promptWithPipedStdin() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let result = try await ssechat(
            ["summarise"],
            environment: openAIEnvironment(server),
            input: .bytes(Data("a\nb\n".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(server.requests.count == 1)
        let sent = try requestMessages(#require(server.requests.first))
        #expect(sent == [["role": "user", "content": "summarise\n\na\nb\n"]])
    }

    @Test("--once with stdin alone: stdin is the prompt")
    func stdinAlone() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let result = try await ssechat(
            ["--once"],
            environment: openAIEnvironment(server),
            input: .bytes(Data("only stdin\nsecond line".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == replyText + "\n")
        let sent = try requestMessages(#require(server.requests.first))
        #expect(sent == [["role": "user", "content": "only stdin\nsecond line"]])
    }

    @Test("--once with an empty prompt and empty stdin is a usage error")
    func emptyPrompt() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let result = try await ssechat(["--once"], environment: openAIEnvironment(server), input: .bytes(Data()))
        expectFailure(result, exitCode: 2)
        #expect(server.requests.isEmpty)
    }

    @Test("nothing is truncated: 1 MB of piped stdin reaches the server byte for byte")
    func largeStdin() async throws {
        var big = ""
        var line = 0
        while big.utf8.count < 1 << 20 {
            big += "line \(line): ünïcödé 日本語 🦊 \"quoted\" \\ tab\t end\n"
            line += 1
        }
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let result = try await ssechat(
            ["--once", "count the lines"],
            environment: openAIEnvironment(server),
            input: .bytes(Data(big.utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "ok\n")
        let sent = try requestMessages(#require(server.requests.first))
        #expect(sent.count == 1)
        #expect(sent.first?["content"]?.utf8.count == ("count the lines\n\n" + big).utf8.count)
        #expect(sent.first?["content"] == "count the lines\n\n" + big)
    }

    @Test("request shape: POST …/chat/completions, model, system + user messages, stream true, Bearer key")
    func requestShape() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let result = try await ssechat(
            ["--once", "-m", "my-model", "--system", "You are terse.", "hi"],
            environment: openAIEnvironment(server)
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/v1/chat/completions")
        #expect(request.header("Authorization") == "Bearer " + secretKey)
        #expect(request.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(request.header("Accept") == "text/event-stream")
        let body = try requestJSON(request)
        #expect(body["model"] as? String == "my-model")
        #expect(body["stream"] as? Bool == true)
        #expect(
            try requestMessages(request) == [
                ["role": "system", "content": "You are terse."], ["role": "user", "content": "hi"],
            ]
        )
        expectNoKey(result)
    }

    @Test("no key configured: no Authorization header at all")
    func noKeyNoAuthorization() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let result = try await ssechat(["--once", "hi"], environment: openAIEnvironment(server, key: nil))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let request = try #require(server.requests.first)
        #expect(request.header("Authorization") == nil)
        #expect(request.target == "/v1/chat/completions")
    }

    @Test("--url and --api-key flags win over the environment; OPENAI_API_BASE is an alias")
    func flagsAndAliases() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(reply)))
        let viaFlags = try await ssechat(
            ["--once", "--url", server.url("/v1"), "--api-key", secretKey, "hi"],
            environment: ["OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "OPENAI_API_KEY": "sk-other"]
        )
        #expect(viaFlags.exitCode == 0, "\(viaFlags.stderrText)")
        #expect(server.requests.first?.header("Authorization") == "Bearer " + secretKey)
        expectNoKey(viaFlags)

        let viaAlias = try await ssechat(
            ["--once", "hi"],
            environment: ["OPENAI_API_BASE": server.url("/v1"), "OPENAI_API_KEY": secretKey]
        )
        #expect(viaAlias.exitCode == 0, "\(viaAlias.stderrText)")
        #expect(viaAlias.stdoutText == replyText + "\n")
        #expect(server.requests.count == 2)
    }

    @Test(
        "--help and --version print on stdout and exit 0, touching no server",
        arguments: [
            ["--help"], ["--version"], ["events", "--help"],
        ]
    )
    func helpAndVersion(arguments: [String]) async throws {
        let result = try await ssechat(arguments)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(!result.stdout.isEmpty)
    }
}
