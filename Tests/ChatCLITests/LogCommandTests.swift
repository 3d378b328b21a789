import ConversationStore
import Foundation
import TestSupport
import Testing

/// `ssechat log list|show|search|delete|path` on a sandbox's conversation log.
@Suite("ssechat log", .timeLimit(.minutes(1)))
struct LogCommandTests {
    /// A sandbox with two conversations made through the binary: "C++ question" (older) and "gpt-4o question".
    private func populated() async throws -> (SSEChatRunner, TranscriptServer) {
        let server = try TranscriptServer(
            .events(Transcript.openAI(["Templates", " are", " neat"], reasoning: ["think"]))
        )
        let runner = try SSEChatRunner()
        for prompt in ["C++ question about templates", "gpt-4o question about tokens"] {
            let result = try await runner.run(["--once", "-m", "m1", prompt], environment: openAIEnvironment(server))
            try #require(result.exitCode == 0, "\(result.stderrText)")
        }
        return (runner, server)
    }

    @Test("log path prints the database's path without creating it")
    func path() async throws {
        let runner = try SSEChatRunner()
        let result = try await runner.run(["log", "path"])
        #expect(result.exitCode == 0)
        #expect(result.stdoutText == runner.databasePath + "\n")
        #expect(!FileManager.default.fileExists(atPath: runner.databasePath))
        let list = try await runner.run(["log", "list"])
        #expect(list.exitCode == 0)
        #expect(list.stdoutText.isEmpty)
    }

    @Test("log list: newest update first, id, count, model and title; --json and -n")
    func list() async throws {
        let (runner, _) = try await populated()
        let result = try await runner.run(["log", "list"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        try #require(result.stdoutLines.count == 2, "\(result.stdoutText)")
        #expect(result.stdoutLines[0].hasSuffix("2 msgs  m1  gpt-4o question about tokens"))
        #expect(result.stdoutLines[1].hasSuffix("C++ question about templates"))
        let json = try await runner.run(["log", "list", "--json", "-n", "1"])
        let array = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["title"] as? String == "gpt-4o question about tokens")
        #expect(array.first?["message_count"] as? Int == 2)
        #expect((array.first?["id"] as? String)?.count == 32)
    }

    @Test("log show: text, --json and --markdown, by a unique prefix")
    func show() async throws {
        let (runner, _) = try await populated()
        let id = try #require(try runner.kept().last?.conversation.id)
        let text = try await runner.run(["log", "show", String(id.prefix(8))])
        #expect(text.exitCode == 0, "\(text.stderrText)")
        #expect(text.stdoutText.contains("conversation \(id)"))
        #expect(text.stdoutText.contains("── assistant · complete · 3 tokens"))
        #expect(text.stdoutText.contains("Templates are neat"))
        let json = try await runner.run(["log", "show", id, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["user", "assistant"])
        #expect(messages[1]["status"] as? String == "complete")
        #expect(messages[1]["reasoning"] as? String == "think")
        #expect(messages[1]["completion_tokens"] as? Int == 3)
        let markdown = try await runner.run(["log", "show", id, "--markdown"])
        #expect(markdown.stdoutText.hasPrefix("# C++ question about templates\n"))
        #expect(markdown.stdoutText.contains("## You\n\nC++ question about templates\n"))
        #expect(markdown.stdoutText.contains("## Assistant\n"))
        #expect(markdown.stdoutText.contains("> think\n"))
    }

    @Test(
        "log search takes C++, gpt-4o, quotes and operators literally and ranks hits",
        arguments: [
            ("C++", "C++ question about templates"),
            ("gpt-4o", "gpt-4o question about tokens"),
            ("\"unbalanced gpt-4o", nil),
            ("tokens AND OR NOT", nil),
        ] as [(String, String?)]
    )
    func search(query: String, title: String?) async throws {
        let (runner, _) = try await populated()
        let result = try await runner.run(["log", "search", query])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stderrText.isEmpty)
        if let title {
            #expect(result.stdoutLines.first?.contains(title) == true, "\(result.stdoutText)")
        } else {
            #expect(result.stdoutText.isEmpty, "\(result.stdoutText)")
        }
    }

    @Test("log search --json gives the hit's conversation, snippet and message")
    func searchJSON() async throws {
        let (runner, _) = try await populated()
        let result = try await runner.run(["log", "search", "--json", "question", "templates"])
        let hits = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect((hits.first?["snippet"] as? String)?.contains("[templates]") == true)
        let message = try #require(hits.first?["message"] as? [String: Any])
        #expect(message["role"] as? String == "user")
        let both = try await runner.run(["log", "search", "--json", "templates"])
        #expect((try JSONSerialization.jsonObject(with: both.stdout) as? [[String: Any]])?.count == 3)
        #expect(hits.first?["title"] as? String == "C++ question about templates")
    }

    @Test("log delete removes one conversation; an unknown id is one line and exit 2")
    func delete() async throws {
        let (runner, _) = try await populated()
        let id = try #require(try runner.kept().first?.conversation.id)
        let result = try await runner.run(["log", "delete", String(id.prefix(10))])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText.contains(id))
        #expect(try runner.kept().count == 1)
        expectFailure(try await runner.run(["log", "delete", id]), exitCode: 2)
        expectFailure(try await runner.run(["log", "show", "not-hex"]), exitCode: 2)
        expectFailure(try await runner.run(["log", "search", "++"]), exitCode: 2)
    }
}
