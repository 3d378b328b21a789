import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ssechat replies: resume, --json, scripted stdin, --stats, Ctrl-C", .timeLimit(.minutes(1)))
struct ReplyFlowTests {
    private let tokens = ["Resumable", " replies", " lose", " no", " token", " — ", "日本語", " 🦊", ".\n"]

    @Test("a drop mid-reply with ids, resumed with Last-Event-ID: stdout byte-identical to an undisturbed reply")
    func resumeIsByteIdentical() async throws {
        let events = Transcript.openAI(tokens, withIDs: true)
        let undisturbedServer = try TranscriptServer(.events(events))
        let undisturbed = try await ssechat(["--once", "go"], environment: openAIEnvironment(undisturbedServer))
        #expect(undisturbed.exitCode == 0, "\(undisturbed.stderrText)")

        let server = try TranscriptServer([
            // Drops in the middle of event 6, after ids 1…5 were dispatched.
            .events(Array(events[0..<5]) + [String(events[5].prefix(40))]),
            .custom { request, writer in
                let from = Int(request.header("Last-Event-ID") ?? "") ?? 0
                writer.writeEventStreamHead()
                for event in events[from...] { writer.write(event) }
            },
        ])
        let resumed = try await ssechat(["--once", "go"], environment: openAIEnvironment(server))
        #expect(resumed.exitCode == 0, "\(resumed.stderrText)")
        #expect(resumed.stdout == undisturbed.stdout)
        #expect(resumed.stdoutText == tokens.joined())
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[1].header("Last-Event-ID") == "5")
        #expect(requests[1].body == requests[0].body)
        expectNoKey(resumed)
    }

    @Test("--json: one parseable object per line: text, reasoning, usage, finish, done")
    func jsonLines() async throws {
        let server = try TranscriptServer(
            .events(Transcript.openAI(["Hi", " \"there\"\n", "🦊"], reasoning: ["hmm"]))
        )
        let result = try await ssechat(["--once", "--json", "hello"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let objects = try result.stdoutLines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        let types = objects.compactMap { $0["type"] as? String }
        #expect(types == ["reasoning", "text", "text", "text", "finish", "usage", "done"])
        let text = objects.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined()
        #expect(text == "Hi \"there\"\n🦊")
        #expect(objects.first?["text"] as? String == "hmm")
        #expect(objects.first { $0["type"] as? String == "finish" }?["reason"] as? String == "stop")
        let usage = try #require(objects.first { $0["type"] as? String == "usage" })
        #expect(usage["completion_tokens"] as? Int == 3)
        #expect(objects.last?["complete"] as? Bool == true)
        #expect(!result.stderrText.contains("hmm"))
        expectNoKey(result)
    }

    @Test("--json with an incomplete reply: the done line says complete false; exit 6")
    func jsonIncomplete() async throws {
        let server = try TranscriptServer(.events(Array(Transcript.openAI(["cut"]).prefix(2))))
        let result = try await ssechat(["--once", "--json", "hello"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 6)
        let last = try #require(result.stdoutLines.last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "done")
        #expect(object["complete"] as? Bool == false)
    }

    @Test("scripted stdin: one turn per line (\\ continues), the second carrying the first; replies in order")
    func scriptedStdin() async throws {
        let server = try TranscriptServer([
            .events(Transcript.openAI(["first", " reply"])),
            .events(Transcript.openAI(["second", " reply"])),
        ])
        let result = try await ssechat(
            [],
            environment: openAIEnvironment(server),
            input: .bytes(Data("a\nb\\\nc\n".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "first reply\nsecond reply\n")
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(try requestMessages(requests[0]) == [["role": "user", "content": "a"]])
        #expect(
            try requestMessages(requests[1]) == [
                ["role": "user", "content": "a"], ["role": "assistant", "content": "first reply"],
                ["role": "user", "content": "b\nc"],
            ]
        )
    }

    @Test("scripted stdin: each reply is complete on stdout before the next line is sent")
    func scriptedStdinIsSequential() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["answer"])))
        let runner = try SSEChatRunner()
        let child = try runner.start([], environment: openAIEnvironment(server), input: .open)
        child.write(Data("one\n".utf8))
        try await child.waitForStdout(containing: "answer\n")
        #expect(server.requests.count == 1)
        child.write(Data("two\n".utf8))
        try await waitUntil { server.requests.count == 2 }
        child.closeInput()
        let result = await child.waitForExit()
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "answer\nanswer\n")
    }

    @Test("--stats: one stats line on stderr; stdout is still exactly the reply")
    func stats() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["a", "b", "c"])))
        let result = try await ssechat(["--once", "--stats", "hello"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "abc\n")
        try #require(result.stderrLines.count == 1, "\(result.stderrText)")
        let line = result.stderrLines[0]
        for part in ["ttft", "3 tokens", "tok/s", "total", "0 reconnects"] {
            #expect(line.contains(part), "\(line)")
        }
    }

    @Test(
        "Ctrl-C mid-reply: the connection closes, the partial text stays on stdout, exit 130 (143 on SIGTERM)",
        arguments: [(Int32(SIGINT), Int32(130)), (Int32(SIGTERM), Int32(143))]
    )
    func interrupted(signal: Int32, exitCode: Int32) async throws {
        let closed = ClosedFlag()
        let events = Transcript.openAI(["Partial", " reply"])
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write(events[0] + events[1] + events[2])
                closed.set(writer.waitForClientClose(timeout: .seconds(20)))
            }
        )
        let child = try SSEChatRunner().start(["--once", "hello"], environment: openAIEnvironment(server))
        try await child.waitForStdout(containing: "Partial reply")
        child.send(signal: signal)
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(result.killedBySignal == nil, "the signal must be handled, not kill the process")
        #expect(result.exitCode == exitCode, "\(result.stderrText)")
        #expect(result.stdoutText == "Partial reply\n")
        try await waitUntil(timeout: .seconds(5)) { closed.value != nil }
        #expect(closed.value == true)
        expectNoKey(result)
    }
}
