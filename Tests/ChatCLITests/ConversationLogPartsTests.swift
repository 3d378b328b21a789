import ConversationStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A logged one-shot reply goes to the log in parts as it streams (so memory stays flat whatever its length), and
/// reads back, searches and survives a kill like any other.
@Suite("Conversation log: long one-shot replies kept in parts", .timeLimit(.minutes(2)))
struct ConversationLogPartsTests {
    /// About 1.2 MB of text in 400-byte tokens, with a word only near the end.
    private static let tokens: [String] = (0..<3000).map { index in
        let word = index == 2990 ? "quetzalcoatl" : "token\(index)"
        return word + " " + String(repeating: "x", count: 400 - word.utf8.count - 2) + "\n"
    }

    @Test("A 1.2 MB one-shot reply is kept whole, with its reasoning; search finds a word from its last part")
    func keptWhole() async throws {
        let events = Transcript.openAI(Self.tokens, reasoning: ["first thought", " second"])
        let server = try TranscriptServer(.events(events))
        let runner = try SSEChatRunner()
        let result = try await runner.run(["--once", "write a lot"], environment: openAIEnvironment(server))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let expected = Self.tokens.joined()
        #expect(result.stdoutText == expected)
        let messages = try #require(try runner.kept().first?.messages)
        #expect(messages.count == 2)
        #expect(messages.last?.text == expected)
        #expect(messages.last?.reasoning == "first thought second")
        #expect(messages.last?.status == .complete)
        #expect(messages.last?.completionTokens == Self.tokens.count)
        let search = try await runner.run(["log", "search", "quetzalcoatl"])
        #expect(search.exitCode == 0, "\(search.stderrText)")
        #expect(search.stdoutText.contains("[quetzalcoatl]"), "\(search.stdoutText)")
    }

    @Test("SIGKILL after 600 KB of a one-shot reply: the parts written so far stay, marked interrupted")
    func killedMidReply() async throws {
        let closed = ClosedFlag()
        let sent = Array(Self.tokens.prefix(1500))
        let server = try stallingServer(sent, closed: closed)
        let runner = try SSEChatRunner()
        let child = try runner.start(["--once", "write a lot"], environment: openAIEnvironment(server))
        try await child.waitForStdout(containing: "token1499 ")
        // The last part is written as the bytes that complete it arrive; give the write a moment before the kill.
        try await Task.sleep(for: .milliseconds(300))
        child.send(signal: SIGKILL)
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(result.killedBySignal == SIGKILL)
        let messages = try #require(try runner.kept().first?.messages)
        #expect(messages.first?.text == "write a lot")
        let reply = try #require(messages.count == 2 ? messages[1] : nil)
        #expect(reply.status == .interrupted)
        #expect(reply.text.utf8.count >= 2 * ReplySpoolSize.partBytes, "\(reply.text.utf8.count) bytes kept")
        #expect(sent.joined().hasPrefix(reply.text))
    }
}

/// The spool's part size, as the CLI uses it (256 KiB).
private enum ReplySpoolSize {
    static let partBytes = 256 * 1024
}
