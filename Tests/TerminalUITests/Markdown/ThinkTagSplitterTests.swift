import Testing

@testable import TerminalUI

/// The `<think>` block at the start of a reply, after leading whitespace, split a scalar at a time.
@Suite("ThinkTagSplitter: leading whitespace before the block")
struct ThinkTagSplitterTests {
    /// Splits `text` one scalar at a time, then finishes; joins neighbouring pieces of the same kind.
    static func split(_ text: String) -> [ThinkTagSplitter.Piece] {
        var splitter = ThinkTagSplitter()
        var pieces: [ThinkTagSplitter.Piece] = []
        for scalar in text.unicodeScalars { pieces += splitter.split(String(scalar)) }
        pieces += splitter.finish()
        var joined: [ThinkTagSplitter.Piece] = []
        for piece in pieces {
            switch (joined.last, piece) {
            case (.reasoning(let a)?, .reasoning(let b)): joined[joined.count - 1] = .reasoning(a + b)
            case (.answer(let a)?, .answer(let b)): joined[joined.count - 1] = .answer(a + b)
            default: joined.append(piece)
            }
        }
        return joined
    }

    @Test("whitespace of any kind and length before <think> still opens the block; anything else makes it text")
    func leadingWhitespace() {
        let spaces = String(repeating: " ", count: 3000)
        #expect(Self.split(spaces + "\n\t\u{A0}<think>hmm</think>yes") == [.reasoning("hmm"), .answer("yes")])
        #expect(Self.split(" \n <thing> x") == [.answer(" \n <thing> x")])
        #expect(Self.split(spaces + "a <think>") == [.answer(spaces + "a <think>")])
        #expect(Self.split(spaces) == [.answer(spaces)])
        #expect(Self.split("  <thi") == [.answer("  <thi")])
    }
}
