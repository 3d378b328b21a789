import Foundation
import LineEditor
import TestSupport
import Testing

/// Ctrl-X Ctrl-E in libedit, through `line-editor-harness` in a pseudo-terminal: the read ends with the line and a
/// request for the external editor; a line given back starts the next read.
@Suite("Ctrl-X Ctrl-E and a line given back", .timeLimit(.minutes(1)))
struct EditRequestTests {
    static let editKeys = "\u{18}\u{05}"
    static let left = "\u{1B}[D"

    @Test("Ctrl-X Ctrl-E ends the read with the line; the next read starts with it, cursor at its end")
    func requestAndGiveBack() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit("draft one" + Self.editKeys) == .editRequested("draft one"))
        #expect(try await session.submit(" more\r") == .line("draft one more"))
    }

    @Test("the whole line is taken whatever the cursor's place; an empty line too")
    func cursorInTheMiddle() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit("abcdef" + Self.left + Self.left + Self.editKeys) == .editRequested("abcdef"))
        #expect(try await session.submit("\u{01}\u{0B}" + Self.editKeys) == .editRequested(""))
        #expect(try await session.submit("after\r") == .line("after"))
    }

    @Test("a line of several lines (a paste) and keys that mean something to libedit come back as text")
    func multilineGivenBack() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        let pasted = "\u{1B}[200~first\tline\nsecond ^C \\ line\u{1B}[201~"
        #expect(
            try await session.submit(pasted + Self.editKeys) == .editRequested("first\tline\nsecond ^C \\ line")
        )
        #expect(try await session.submit("!\r") == .line("first\tline\nsecond ^C \\ line!"))
    }

    @Test("Ctrl-X followed by another key is not the editor")
    func otherKeysAfterCtrlX() async throws {
        let folder = try TemporaryFolder()
        let session = try HarnessSession(folder: folder)
        #expect(try await session.submit("plain\u{18}\u{18}\u{18}\u{18}\r") == .line("plain"))
    }
}
