import Foundation
import TestSupport
import Testing

/// `-f/--file` through the built binary against a loopback server that records each request: the files' blocks
/// in the prompt, exactly; refusals before anything is sent.
@Suite("ssechat -f/--file", .timeLimit(.minutes(1)))
struct FileOptionTests {
    private let reply = Transcript.openAI(["ok"])

    /// The user messages of the first request.
    private func sentText(_ server: TranscriptServer) throws -> [String] {
        try requestMessages(#require(server.requests.first)).filter { $0["role"] == "user" }.compactMap {
            $0["content"]
        }
    }

    @Test("a file and a prompt: the file's fenced block, a blank line, the prompt")
    func fileAndPrompt() async throws {
        let runner = try SSEChatRunner()
        let path = try runner.sandbox.file(named: "main.swift", contents: Data("print(\"hi\")\n".utf8))
        let server = try TranscriptServer(.events(reply))
        let result = try await runner.run(["-f", path, "explain"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "ok\n")
        #expect(try sentText(server) == ["`\(path)`:\n```swift\nprint(\"hi\")\n```\n\nexplain"])
    }

    @Test("several files (--file and -f) in the order given, with --once; no final newline gets one before the fence")
    func severalFiles() async throws {
        let runner = try SSEChatRunner()
        let first = try runner.sandbox.file(named: "notes.txt", contents: Data("no newline at the end".utf8))
        let second = try runner.sandbox.file(named: "tool.PY", contents: Data("import os\n".utf8))
        let server = try TranscriptServer(.events(reply))
        let result = try await runner.run(
            ["--once", "--file", second, "-f", first, "compare"],
            environment: openAIEnvironment(server)
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let expected =
            "`\(second)`:\n```py\nimport os\n```\n\n`\(first)`:\n```\nno newline at the end\n```\n\ncompare"
        #expect(try sentText(server) == [expected])
    }

    @Test("-f - reads the file from piped stdin, which is then not the prompt; the name is stdin")
    func standardInput() async throws {
        let server = try TranscriptServer(.events(reply))
        let result = try await ssechat(
            ["-f", "-", "review this"],
            environment: openAIEnvironment(server),
            input: .bytes(Data("diff --git a/x b/x\n+line\n".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(try sentText(server) == ["`stdin`:\n```\ndiff --git a/x b/x\n+line\n```\n\nreview this"])
    }

    @Test("-f - with no prompt: one turn whose message is the file alone")
    func standardInputAlone() async throws {
        let server = try TranscriptServer(.events(reply))
        let result = try await ssechat(
            ["-f", "-"],
            environment: openAIEnvironment(server),
            input: .bytes(Data("line one\nline two\n".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(server.requests.count == 1)
        #expect(try sentText(server) == ["`stdin`:\n```\nline one\nline two\n```"])
    }

    @Test("a file holding ``` fences gets a longer fence; a name with a backtick a longer code span")
    func longerFence() async throws {
        let runner = try SSEChatRunner()
        let text = "Example:\n\n```swift\nlet x = 1\n```\n\n````\nfour\n````\n"
        let path = try runner.sandbox.file(named: "READ`ME.md", contents: Data(text.utf8))
        let server = try TranscriptServer(.events(reply))
        let result = try await runner.run(["-f", path, "summarise"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(try sentText(server) == ["``\(path)``:\n`````\n" + text + "`````\n\nsummarise"])
    }

    @Test("with piped lines (script mode) the files go with the first turn only")
    func scriptMode() async throws {
        let runner = try SSEChatRunner()
        let path = try runner.sandbox.file(named: "a.json", contents: Data("{}\n".utf8))
        let server = try TranscriptServer(.events(reply))
        let result = try await runner.run(
            ["-f", path],
            environment: openAIEnvironment(server),
            input: .bytes(Data("first\nsecond\n".utf8))
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(server.requests.count == 2)
        let second = try requestMessages(server.requests[1])
        #expect(
            second.map { $0["content"] ?? "" } == ["`\(path)`:\n```json\n{}\n```\n\nfirst", "ok", "second"]
        )
    }

    @Test("with stdin empty and no prompt the files make a turn alone")
    func filesAlone() async throws {
        let runner = try SSEChatRunner()
        let path = try runner.sandbox.file(named: "q.txt", contents: Data("what is this?\n".utf8))
        let server = try TranscriptServer(.events(reply))
        let result = try await runner.run(["-f", path], environment: openAIEnvironment(server), input: .null)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(server.requests.count == 1)
        #expect(try sentText(server) == ["`\(path)`:\n```\nwhat is this?\n```"])
    }

    @Test("the attached text is kept in the log, so -c goes on with it")
    func continuedConversation() async throws {
        let runner = try SSEChatRunner()
        let path = try runner.sandbox.file(named: "fact.txt", contents: Data("the code word is kiwi\n".utf8))
        let server = try TranscriptServer(.events(reply))
        let first = try await runner.run(["-f", path, "remember"], environment: openAIEnvironment(server))
        #expect(first.exitCode == 0, "\(first.stderrText)")
        let second = try await runner.run(["-c", "which word?"], environment: openAIEnvironment(server))
        #expect(second.exitCode == 0, "\(second.stderrText)")
        let messages = try requestMessages(#require(server.requests.last))
        #expect(
            messages.map { $0["content"] ?? "" } == [
                "`\(path)`:\n```\nthe code word is kiwi\n```\n\nremember", "ok", "which word?",
            ]
        )
        // The kept conversation is titled by the prompt, not by the file's heading.
        let list = try await runner.run(["log", "list"], environment: openAIEnvironment(server))
        #expect(list.stdoutText.contains("remember"), "\(list.stdoutText)")
        #expect(!list.stdoutText.contains("fact.txt"), "\(list.stdoutText)")
    }

    @Test(
        "a file that cannot be attached: exit 2, one line naming it, and no request at all",
        arguments: [
            ("binary", "not a text file (binary)"), ("latin1", "not a text file (not UTF-8)"),
            ("missing", "no such file or directory"), ("folder", "is a directory"),
            ("huge", "too large to attach (over 4.0 MiB)"),
        ]
    )
    func refused(kind: String, message: String) async throws {
        let runner = try SSEChatRunner()
        let good = try runner.sandbox.file(named: "good.txt", contents: Data("fine\n".utf8))
        let path: String
        switch kind {
        case "binary": path = try runner.sandbox.file(named: "x.bin", contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 1]))
        case "latin1": path = try runner.sandbox.file(named: "x.txt", contents: Data([0x63, 0x61, 0x66, 0xE9]))
        case "missing": path = runner.sandbox.directory + "/nowhere.txt"
        case "folder": path = runner.sandbox.directory
        default: path = try runner.sandbox.file(named: "big.txt", contents: Data(repeating: 0x61, count: (4 << 20) + 1))
        }
        let server = try TranscriptServer(.events(reply))
        let result = try await runner.run(["-f", good, "-f", path, "hi"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 2, stderrContains: ["ssechat: \(path): \(message)"])
        #expect(result.stdout.isEmpty)
        #expect(server.requests.isEmpty)
    }

    @Test("a file of exactly 4 MiB is attached whole")
    func atTheLimit() async throws {
        let runner = try SSEChatRunner()
        let text = String(repeating: "abcdefg\n", count: (4 << 20) / 8)
        let path = try runner.sandbox.file(named: "limit.txt", contents: Data(text.utf8))
        let server = try TranscriptServer(.events(reply))
        let result = try await runner.run(["-f", path, "count"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(try sentText(server) == ["`\(path)`:\n```\n" + text + "```\n\ncount"])
    }

    @Test("-f - twice is a usage error")
    func standardInputTwice() async throws {
        let server = try TranscriptServer(.events(reply))
        let result = try await ssechat(
            ["-f", "-", "-f", "-", "x"],
            environment: openAIEnvironment(server),
            input: .bytes(Data("a".utf8))
        )
        expectFailure(result, exitCode: 2, stderrContains: ["-f - (stdin) can be given only once"])
        #expect(server.requests.isEmpty)
    }
}
