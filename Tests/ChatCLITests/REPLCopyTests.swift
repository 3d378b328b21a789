import Foundation
import TestSupport
import Testing

@testable import ChatCLI

/// `/copy` puts the last reply, or one of its code blocks, on the clipboard with OSC 52.
@Suite("REPL: /copy", .timeLimit(.minutes(1)))
struct REPLCopyTests {
    static let reply = [
        "Two blocks:\n\n```swift\n", "let x = 1\n", "\tprint(x)\n```\n\nand\n\n", "```sh\necho hi\n```\n",
    ]

    @Test("/copy code N and /copy code send the block's exact lines as OSC 52; /copy the whole reply")
    func copiesCode() async throws {
        let server = try REPLChatServer([ScriptedReply(Self.reply)])
        let session = try REPLSession(server: server)
        try await session.enter("show me\r", expecting: "echo hi")
        let mark = session.terminal.outputMark
        try await session.enter("/copy code 1\r", expecting: "copied code block 1 of 2 (swift, 2 lines)")
        #expect(session.output(from: mark).contains(Self.osc52("let x = 1\n\tprint(x)\n")))
        let second = session.terminal.outputMark
        try await session.enter("/copy code\r", expecting: "copied code block 2 of 2 (sh, 1 line)")
        #expect(session.output(from: second).contains(Self.osc52("echo hi\n")))
        let whole = session.terminal.outputMark
        try await session.enter("/copy\r", expecting: "copied the last reply")
        #expect(session.output(from: whole).contains(Self.osc52(Self.reply.joined())))
        try await session.enter("/copy code 3\r", expecting: "the last reply has 2 code blocks")
    }

    @Test("nothing to copy: one line, no OSC 52")
    func nothingYet() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        let mark = session.terminal.outputMark
        try await session.enter("/copy\r", expecting: "no reply to copy yet")
        #expect(!session.output(from: mark).contains("\u{1B}]52"))
    }

    @Test("selection: usage errors and a reply without code")
    func selection() {
        #expect(
            ClipboardCopy.select(reply: "plain", argument: "code")
                == .failure(CopyRefusal("the last reply has no code block"))
        )
        #expect(
            ClipboardCopy.select(reply: "plain", argument: "everything")
                == .failure(CopyRefusal("usage: /copy [code [N]]"))
        )
        #expect(ClipboardCopy.select(reply: nil, argument: nil) == .failure(CopyRefusal("no reply to copy yet")))
    }

    static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }
}
