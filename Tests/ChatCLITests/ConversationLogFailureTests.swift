import ConversationStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing is lost to a signal, to a second process, or to a log that cannot be used.
@Suite("Conversation log: signals, concurrency, bad databases", .timeLimit(.minutes(2)))
struct ConversationLogFailureTests {
    @Test(
        "Ctrl-C and SIGTERM mid-reply keep the partial reply, marked interrupted",
        arguments: [(Int32(SIGINT), Int32(130)), (Int32(SIGTERM), Int32(143))]
    )
    func interrupted(signal: Int32, exitCode: Int32) async throws {
        let closed = ClosedFlag()
        let server = try stallingServer(["Partial", " reply"], closed: closed)
        let runner = try SSEChatRunner()
        let child = try runner.start(["--once", "hello"], environment: openAIEnvironment(server))
        try await child.waitForStdout(containing: "Partial reply")
        child.send(signal: signal)
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(result.exitCode == exitCode, "\(result.stderrText)")
        let messages = try #require(try runner.kept().first?.messages)
        #expect(roles(messages) == ["user: hello", "assistant: Partial reply"])
        #expect(messages.last?.status == .interrupted)
    }

    @Test("SIGKILL mid-reply loses only the reply in flight: earlier turns and the user's message stay")
    func killed() async throws {
        let closed = ClosedFlag()
        let events = Transcript.openAI(["first answer"])
        let server = try TranscriptServer([
            .events(events),
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write(Transcript.openAIContent("never kept"))
                closed.set(writer.waitForClientClose(timeout: .seconds(20)))
            },
        ])
        let runner = try SSEChatRunner()
        let child = try runner.start([], environment: openAIEnvironment(server), input: .open)
        child.write(Data("one\ntwo\n".utf8))
        try await child.waitForStdout(containing: "never kept")
        child.send(signal: SIGKILL)
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(result.killedBySignal == SIGKILL)
        let messages = try #require(try runner.kept().first?.messages)
        #expect(roles(messages) == ["user: one", "assistant: first answer", "user: two"])
        #expect(messages[1].status == .complete)
    }

    @Test("Two scripts writing at once (2×20 turns) lose nothing and never report a locked database")
    func concurrentWriters() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let runner = try SSEChatRunner()
        let script = (1...20).map { "turn \($0)" }.joined(separator: "\n") + "\n"
        let children = try (0..<2).map { _ in
            try runner.start([], environment: openAIEnvironment(server), input: .bytes(Data(script.utf8)))
        }
        for child in children {
            let result = await child.waitForExit(timeout: .seconds(60))
            #expect(result.exitCode == 0, "\(result.stderrText)")
            #expect(result.stderrText.isEmpty, "\(result.stderrText)")
        }
        let kept = try runner.kept()
        #expect(kept.count == 2)
        for (_, messages) in kept {
            #expect(messages.count == 40)
            #expect(messages.filter { $0.role == "user" }.map(\.text) == (1...20).map { "turn \($0)" })
        }
    }

    @Test("A database file of garbage: the reply is printed in full, one line, exit 1, the file unchanged")
    func garbageDatabase() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["whole", " reply"])))
        let runner = try SSEChatRunner()
        try FileManager.default.createDirectory(
            atPath: runner.sandbox.directory + "/data/ssechat",
            withIntermediateDirectories: true
        )
        var generator = SeededGenerator(seed: 42)
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: URL(fileURLWithPath: runner.databasePath))
        let result = try await runner.run(["--once", "hi"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 1, stderrContains: ["not a readable database"])
        #expect(result.stdoutText == "whole reply\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: runner.databasePath)) == garbage)
        let list = try await runner.run(["log", "list"])
        expectFailure(list, exitCode: 1, stderrContains: ["not a readable database"])
        let continued = try await runner.run(["-c", "hi"], environment: openAIEnvironment(server))
        expectFailure(continued, exitCode: 1)
        #expect(server.requests.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: runner.databasePath)) == garbage)
    }

    @Test("A write that fails (a file-size limit standing in for a full disk): the reply in full, one line, exit 1")
    func writeFails() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["still", " printed"])))
        let runner = try SSEChatRunner()
        #expect(try await runner.run(["--once", "first"], environment: openAIEnvironment(server)).exitCode == 0)
        let walSize = try #require(
            try FileManager.default.attributesOfItem(atPath: runner.databasePath + "-wal")[.size] as? Int
        )
        // The shell ignores SIGXFSZ (an ignored signal stays ignored across exec), so a write past the limit fails
        // with EFBIG instead of killing the process: the next -wal frame cannot be written.
        let script = "trap '' XFSZ; ulimit -f \(walSize / 512 + 1); exec \"$0\" \"$@\""
        let child = try CLIProcess(
            executable: "/bin/sh",
            arguments: ["-c", script, try BuiltProducts.path(of: "ssechat"), "--once", "second"],
            environment: runner.sandbox.environment(openAIEnvironment(server)),
            input: .null
        )
        let result = await child.waitForExit()
        expectFailure(result, exitCode: 1, stderrContains: ["conversation log", "not being kept"])
        #expect(result.stdoutText == "still printed\n")
        #expect(server.requests.count == 2)
    }

    @Test("A database from a newer ssechat: the reply is printed, one line, exit 1, the file unchanged")
    func newerDatabase() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["fine"])))
        let runner = try SSEChatRunner()
        #expect(try await runner.run(["--once", "first"], environment: openAIEnvironment(server)).exitCode == 0)
        try FutureMigration.apply(at: runner.databasePath)
        let before = try Data(contentsOf: URL(fileURLWithPath: runner.databasePath))
        let result = try await runner.run(["--once", "hi"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 1, stderrContains: ["newer ssechat"])
        #expect(result.stdoutText == "fine\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: runner.databasePath)) == before)
    }
}
