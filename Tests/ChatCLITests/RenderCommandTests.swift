import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import ChatCLI

@Suite("ssechat render: stdin through the reply renderer, as it streams", .timeLimit(.minutes(1)))
struct RenderCommandTests {
    @Test("piped text is wrapped at --width and sanitised, even when stdout is not a terminal")
    func wrapsAndSanitises() async throws {
        let text = "Some words that wrap at a narrow width \u{1B}]52;c;aGk=\u{07}and 你好 🦊 end.\n"
        let result = try await ssechat(["render", "--width", "16"], input: .bytes(Data(text.utf8)))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(!result.stdoutText.contains("\u{1B}"))
        for line in result.stdoutLines {
            #expect(DisplayWidth.of(line) <= 16, "\(line)")
        }
        #expect(result.stdoutText.replacingOccurrences(of: "\n", with: " ").contains("你好 🦊 end."))
    }

    @Test("Markdown is rendered as it arrives, before stdin ends; --markdown never keeps the lines as they are")
    func streams() async throws {
        let child = try SSEChatRunner().start(["render", "--width", "80"], input: .open)
        child.write(Data("# Title\nsome **bold** text ".utf8))
        try await child.waitForStdout(containing: "Title\nsome bold text")
        child.write(Data("goes on\n".utf8))
        child.closeInput()
        let result = await child.waitForExit()
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Title\nsome bold text goes on\n")

        let plain = try SSEChatRunner().start(["render", "--markdown", "never"], input: .open)
        plain.write(Data("first line\nsecond ".utf8))
        try await plain.waitForStdout(containing: "first line\nsecond")
        plain.write(Data("part\n".utf8))
        plain.closeInput()
        #expect(await plain.waitForExit().stdoutText == "first line\nsecond part\n")
    }

    @Test("a UTF-8 sequence cut between reads is joined, not replaced", arguments: [1, 2])
    func utf8Pieces(cut: Int) {
        let bytes = Array("a你🦊b".utf8)
        for offset in 1..<bytes.count {
            var decoder = UTF8Pieces()
            let text = decoder.decode(bytes[..<offset]) + decoder.decode(bytes[offset...]) + decoder.finish()
            #expect(text == "a你🦊b", "cut at \(offset)")
        }
        var truncated = UTF8Pieces()
        #expect(truncated.decode(bytes.prefix(1 + cut)) == "a")
        #expect(truncated.finish() == "\u{FFFD}")
    }
}
