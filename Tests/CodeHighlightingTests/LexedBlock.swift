import CodeHighlighting
import TestSupport
import Testing

/// A code block run through a `CodeLexer`, with its spans merged and a way to ask the kind of any part of it.
struct LexedBlock {
    /// The spans, with neighbours of one kind merged.
    let spans: [Span]
    let text: String
    /// The kind of every UTF-8 byte of `text`.
    private let byteKinds: [CodeTokenKind]

    struct Span: Equatable, CustomStringConvertible {
        let kind: CodeTokenKind
        let text: String
        var description: String { "\(kind)(\(text.debugDescription))" }
    }

    /// Lexes `text` fed in `pieces`, then finishes the block.
    /// - Throws: When `language` has no lexer.
    init(_ language: String, _ pieces: [Substring]) throws {
        var lexer = try #require(CodeLexer(language: language))
        var spans: [Span] = []
        var sawEmptySpan = false
        let collect = { (kind: CodeTokenKind, text: Substring) in
            if text.isEmpty { sawEmptySpan = true }
            if let last = spans.last, last.kind == kind {
                spans[spans.count - 1] = Span(kind: kind, text: last.text + text)
            } else {
                spans.append(Span(kind: kind, text: String(text)))
            }
        }
        for piece in pieces { lexer.feed(piece, emit: collect) }
        lexer.finish(emit: collect)
        #expect(!sawEmptySpan, "a span was empty")
        self.spans = spans.filter { !$0.text.isEmpty }
        text = spans.map(\.text).joined()
        byteKinds = spans.flatMap { span in Array(repeating: span.kind, count: span.text.utf8.count) }
    }

    /// Lexes `text` fed whole.
    init(_ language: String, _ text: String) throws {
        try self.init(language, [text[...]])
    }

    /// The kind of the `occurrence`th (from 1) appearance of `needle` as whole words (`for` is not found in
    /// `format`), or `nil` when its bytes do not all share one kind (or it does not appear).
    func kind(of needle: String, occurrence: Int = 1) -> CodeTokenKind? {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        func isWord(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte == UInt8(ascii: "_") || ASCIIWord.letters.contains(byte | 0x20)
                || ASCIIWord.digits.contains(byte)
        }
        var found = 0
        var start = 0
        while start + pattern.count <= haystack.count {
            let end = start + pattern.count
            let before = start > 0 ? haystack[start - 1] : nil
            let after = end < haystack.count ? haystack[end] : nil
            let wholeWords = !(isWord(pattern.first) && isWord(before)) && !(isWord(pattern.last) && isWord(after))
            if wholeWords, haystack[start..<end].elementsEqual(pattern) {
                found += 1
                if found == occurrence {
                    let kinds = Set(byteKinds[start..<start + pattern.count])
                    return kinds.count == 1 ? kinds.first : nil
                }
            }
            start += 1
        }
        return nil
    }
}

/// The byte ranges of ASCII words, for finding whole words.
private enum ASCIIWord {
    static let letters = UInt8(ascii: "a")...UInt8(ascii: "z")
    static let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
}

/// Ways to cut a block into pieces, always at character (scalar) boundaries, as a `Substring` must be.
enum Pieces {
    /// One Unicode scalar per piece.
    static func scalars(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.unicodeScalars.index(after: index)
            pieces.append(text[index..<next])
            index = next
        }
        return pieces
    }

    /// Pieces of 1–8 bytes (rounded up to a whole scalar), chosen by a seeded generator.
    static func random(_ text: String, seed: UInt64) -> [Substring] {
        var generator = SeededGenerator(seed: seed)
        var pieces: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            var next = index
            let target = Int.random(in: 1...8, using: &generator)
            var bytes = 0
            while next < text.endIndex, bytes < target {
                let after = text.unicodeScalars.index(after: next)
                bytes += text.utf8.distance(from: next, to: after)
                next = after
            }
            pieces.append(text[index..<next])
            index = next
        }
        return pieces
    }

    /// Two pieces, cut before the scalar at `offset` (in scalars).
    static func cut(_ text: String, atScalar offset: Int) -> [Substring] {
        let middle = text.unicodeScalars.index(text.startIndex, offsetBy: offset)
        return [text[..<middle], text[middle...]]
    }
}
