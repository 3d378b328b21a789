import ConversationStore
import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every turn is kept in the conversation log, in every mode, and `-c` / `--conversation` go on with it.
@Suite("Conversation log: turns kept and continued", .timeLimit(.minutes(1)))
struct ConversationLogTests {
    @Test("A one-shot turn is kept: prompt, reply, reasoning, status, usage and timings; the URL without the key")
    func oneShot() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["Hello", " there"], reasoning: ["hmm"])))
        let runner = try SSEChatRunner()
        let result = try await runner.run(
            ["--once", "-m", "test-model", "--system", "be brief", "hi there\nsecond line"],
            environment: openAIEnvironment(server)
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Hello there\n")
        let kept = try runner.kept()
        try #require(kept.count == 1)
        let (conversation, messages) = kept[0]
        #expect(conversation.title == "hi there")
        #expect(conversation.provider == "openai")
        #expect(conversation.url == server.url("/v1"))
        #expect(conversation.model == "test-model")
        #expect(conversation.system == "be brief")
        #expect(roles(messages) == ["user: hi there\nsecond line", "assistant: Hello there"])
        let reply = messages[1]
        #expect(reply.status == .complete)
        #expect(reply.reasoning == "hmm")
        #expect(reply.promptTokens == 5)
        #expect(reply.completionTokens == 2)
        #expect(reply.totalTokens == 7)
        #expect(reply.timeToFirstToken != nil)
        #expect(reply.duration != nil)
        #expect(reply.resumptions == 0)
        #expect(messages[0].status == nil)
    }

    @Test("The user's message is kept before the request reaches the server")
    func keptBeforeSending() async throws {
        let runner = try SSEChatRunner()
        let path = runner.databasePath
        let keptOnArrival = Mutex<[String]?>(nil)
        let events = Transcript.openAI(["ok"])
        let server = try TranscriptServer(
            .custom { _, writer in
                let texts = try? ConversationStore.open(at: path).list(limit: 10).flatMap { summary in
                    try ConversationStore.open(at: path).messages(in: summary.conversation.id).map(\.text)
                }
                keptOnArrival.withLock { $0 = texts ?? [] }
                writer.writeEventStreamHead()
                writer.write(events.joined())
            }
        )
        let result = try await runner.run(["--once", "remember me"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(keptOnArrival.withLock { $0 } == ["remember me"])
    }

    @Test("Scripted stdin keeps one conversation with every turn; --json is kept the same way")
    func scripted() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let runner = try SSEChatRunner()
        let result = try await runner.run(
            ["--json"],
            environment: openAIEnvironment(server),
            input: .bytes(Data("first\nsecond\n".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let kept = try runner.kept()
        try #require(kept.count == 1)
        #expect(roles(kept[0].messages) == ["user: first", "assistant: ok", "user: second", "assistant: ok"])
        #expect(kept[0].messages.compactMap(\.status) == [.complete, .complete])
    }

    @Test("An incomplete reply and a failed request are kept with their status and message")
    func statuses() async throws {
        let events = Transcript.openAI(["cut"])
        let server = try TranscriptServer([
            .events(Array(events.prefix(2))),
            .status(401, body: "no such key"),
        ])
        let runner = try SSEChatRunner()
        let result = try await runner.run(
            [],
            environment: openAIEnvironment(server),
            input: .bytes(Data("one\ntwo\n".utf8))
        )
        #expect(result.exitCode == 3, "\(result.stderrText)")
        let messages = try #require(try runner.kept().first?.messages)
        #expect(roles(messages) == ["user: one", "assistant: cut", "user: two", "assistant: "])
        #expect(messages[1].status == .incomplete)
        #expect(messages[1].error?.isEmpty == false)
        #expect(messages[3].status == .error)
        #expect(messages[3].error?.isEmpty == false)
    }

    @Test("-c continues the most recently updated conversation (not the newest) and sends its history")
    func continueMostRecentlyUpdated() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let runner = try SSEChatRunner()
        let environment = openAIEnvironment(server)
        #expect(
            try await runner.run(["--once", "-m", "model-a", "--system", "sys-a", "alpha"], environment: environment)
                .exitCode == 0
        )
        #expect(try await runner.run(["--once", "beta"], environment: environment).exitCode == 0)
        let alpha = try #require(try runner.kept().first { $0.conversation.title == "alpha" }?.conversation)
        let resumed = try await runner.run(
            ["--conversation", String(alpha.id.prefix(6)), "alpha again"],
            environment: environment
        )
        #expect(resumed.exitCode == 0, "\(resumed.stderrText)")
        let continued = try await runner.run(["-c", "and more"], environment: environment)
        #expect(continued.exitCode == 0, "\(continued.stderrText)")

        try #require(server.requests.count == 4)
        let last = try requestMessages(server.requests[3]).map { "\($0["role"] ?? ""): \($0["content"] ?? "")" }
        #expect(
            last == [
                "system: sys-a", "user: alpha", "assistant: ok", "user: alpha again", "assistant: ok", "user: and more",
            ]
        )
        #expect(try requestJSON(server.requests[3])["model"] as? String == "model-a")
        let kept = try runner.kept()
        #expect(kept.count == 2)
        #expect(kept[0].conversation.id == alpha.id)
        #expect(kept[0].messages.count == 6)
    }

    @Test("--conversation with an unknown or ambiguous prefix: one line, exit 2, no request")
    func unknownConversation() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let runner = try SSEChatRunner()
        let store = try runner.store()
        for suffix in ["1", "2"] {
            try store.start(
                StoredConversation(
                    id: "abcd" + suffix + String(repeating: "0", count: 27),
                    title: "t",
                    provider: "openai",
                    url: "u"
                ),
                with: []
            )
        }
        let unknown = try await runner.run(["--conversation", "ffff", "hi"], environment: openAIEnvironment(server))
        expectFailure(unknown, exitCode: 2, stderrContains: ["ffff"])
        let ambiguous = try await runner.run(["--conversation", "abcd", "hi"], environment: openAIEnvironment(server))
        expectFailure(ambiguous, exitCode: 2, stderrContains: ["ambiguous"])
        let empty = try await SSEChatRunner().run(["-c", "hi"], environment: openAIEnvironment(server))
        expectFailure(empty, exitCode: 2, stderrContains: ["no kept conversation"])
        #expect(server.requests.isEmpty)
    }

    @Test("--no-log keeps nothing (no database is even created); --version and --help never open it")
    func noLog() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let runner = try SSEChatRunner()
        let result = try await runner.run(["--no-log", "--once", "hi"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let scripted = try await runner.run(
            ["--no-log"],
            environment: openAIEnvironment(server),
            input: .bytes(Data("a\n".utf8))
        )
        #expect(scripted.exitCode == 0, "\(scripted.stderrText)")
        #expect(try await runner.run(["--version"]).exitCode == 0)
        #expect(try await runner.run(["--help"]).exitCode == 0)
        #expect(try await runner.run(["log", "--help"]).exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: runner.databasePath))
        #expect(!FileManager.default.fileExists(atPath: runner.sandbox.directory + "/data/ssechat"))
    }

    @Test("The folder is 0700, the database and its -wal/-shm 0600, and no key or credential is in their bytes")
    func modesAndNoKey() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let runner = try SSEChatRunner()
        let url = "http://user:SECRETPASS@127.0.0.1:\(server.port)/v1?api_key=\(secretKey)&deployment=d1"
        let child = try runner.start(
            ["--url", url, "-k", secretKey],
            environment: ["OPENAI_API_KEY": secretKey],
            input: .open
        )
        child.write(Data("hello\n".utf8))
        try await child.waitForStdout(containing: "ok")
        // While the process still runs, the last turn may be only in the -wal: check it too.
        try await waitUntil { (try? runner.kept().first?.messages.count) == 2 }
        for suffix in ["", "-wal"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: runner.databasePath + suffix))
            #expect(bytes.range(of: Data(secretKey.utf8)) == nil, "key in ssechat.db\(suffix)")
            #expect(bytes.range(of: Data("SECRETPASS".utf8)) == nil, "password in ssechat.db\(suffix)")
        }
        #expect(PTYTemporaryDirectory.permissions(of: runner.databasePath) == 0o600)
        #expect(PTYTemporaryDirectory.permissions(of: runner.databasePath + "-wal") == 0o600)
        #expect(PTYTemporaryDirectory.permissions(of: runner.databasePath + "-shm") == 0o600)
        #expect(PTYTemporaryDirectory.permissions(of: runner.sandbox.directory + "/data/ssechat") == 0o700)
        child.closeInput()
        let result = await child.waitForExit()
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let conversation = try #require(try runner.kept().first?.conversation)
        #expect(conversation.url == "http://127.0.0.1:\(server.port)/v1?deployment=d1")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: runner.databasePath))
        #expect(bytes.range(of: Data(secretKey.utf8)) == nil)
        expectNoKey(result)
    }
}
