import CodeHighlighting
import TestSupport
import Testing

/// `CodeLexer.feed(utf8:emit:)` and `finish(utf8:)` against `feed(_:emit:)` and `finish(emit:)`: the same spans,
/// byte for byte and one by one, for code of every language (ASCII, and with non-ASCII characters, long identifiers
/// and open strings) in random pieces; the UTF-8 side reuses one lexer, `restart`ed from a block of another language
/// left unfinished, which must lex as a new one.
@Suite("CodeLexer: the UTF-8 feed emits exactly the spans of the Substring feed")
struct CodeLexerUTF8Tests {
    static let tokens = [
        "let", " ", "x", "=", "\"str", "ing\"", "//", " comment", "\n", "/*", "*/", "#", "'", "`", "{", "}", "(", ")",
        "0x1F", "1.5", "..", "r#\"", "\"#", "<", "/>", "<!--", "-->", "key:", " value", "+", "-", "@@", "\t",
        "très_long_identifiant_été", "变量", "🦊", "naïve", "averyveryverylongidentifierindeed",
    ]

    @Test("random code in random pieces, every language", arguments: CodeLanguage.allCases)
    func sameSpans(language: CodeLanguage) {
        var generator = SeededGenerator(seed: UInt64(language.rawValue.utf8.count) &* 7919)
        var byUTF8 = CodeLexer(.swift)
        for _ in 0..<200 {
            let count = Int.random(in: 1...60, using: &generator)
            let text = (0..<count).map { _ in Self.tokens.randomElement(using: &generator)! }.joined()
            var pieces: [String] = []
            var rest = Substring(text)
            while !rest.isEmpty {
                let length = Int.random(in: 1...8, using: &generator)
                pieces.append(String(rest.prefix(length)))
                rest = rest.dropFirst(length)
            }
            var bySubstring = CodeLexer(language)
            byUTF8.restart(language)
            var expected: [(CodeTokenKind, [UInt8])] = []
            var actual: [(CodeTokenKind, [UInt8])] = []
            for piece in pieces {
                bySubstring.feed(piece[...]) { expected.append(($0, Array($1.utf8))) }
                var piece = piece
                piece.withUTF8 { byUTF8.feed(utf8: $0) { actual.append(($0, Array($1))) } }
            }
            bySubstring.finish { expected.append(($0, Array($1.utf8))) }
            byUTF8.finish(utf8: { actual.append(($0, Array($1))) })
            #expect(actual.map(\.0) == expected.map(\.0), "\(language): \(text.debugDescription)")
            #expect(actual.map(\.1) == expected.map(\.1), "\(language): \(text.debugDescription)")
            // Leave the reused lexer in another language, mid-block (possibly holding), for the next restart.
            byUTF8.restart(CodeLanguage.allCases.randomElement(using: &generator)!)
            for piece in pieces.prefix(Int.random(in: 0...pieces.count, using: &generator)) {
                var piece = piece
                piece.withUTF8 { byUTF8.feed(utf8: $0) { _, _ in } }
            }
        }
    }

    @Test(
        "joining spans that look alike: the same spans once neighbours of one look are merged",
        arguments: CodeLanguage.allCases
    )
    func joinedSpans(language: CodeLanguage) {
        // Looks as the renderer's colours give them: plain and punctuation alike, strings and added lines alike.
        let lookOf: (CodeTokenKind) -> Int = { kind in
            switch kind {
            case .plain, .punctuation: 0
            case .string, .added: 3
            default: 1 + Int(kind.rawValue)
            }
        }
        let renderer = CodeTokenKind.Looks(lookOf)
        var generator = SeededGenerator(seed: UInt64(language.rawValue.utf8.count) &* 104_729)
        for _ in 0..<200 {
            let count = Int.random(in: 1...60, using: &generator)
            let text = (0..<count).map { _ in Self.tokens.randomElement(using: &generator)! }.joined()
            var pieces: [String] = []
            var rest = Substring(text)
            while !rest.isEmpty {
                let length = Int.random(in: 1...64, using: &generator)
                pieces.append(String(rest.prefix(length)))
                rest = rest.dropFirst(length)
            }
            var plain = CodeLexer(language)
            var joining = CodeLexer(language)
            var expected: [(look: Int, bytes: [UInt8])] = []
            var actual: [(look: Int, bytes: [UInt8])] = []
            func merge(_ spans: inout [(look: Int, bytes: [UInt8])], _ kind: CodeTokenKind, _ bytes: [UInt8]) {
                if let last = spans.last, last.look == lookOf(kind) {
                    spans[spans.count - 1].bytes += bytes
                } else {
                    spans.append((lookOf(kind), bytes))
                }
            }
            for piece in pieces {
                var piece = piece
                piece.withUTF8 { bytes in
                    plain.feed(utf8: bytes) { merge(&expected, $0, Array($1)) }
                    joining.feed(utf8: bytes, joining: renderer) {
                        #expect(!$1.isEmpty)
                        merge(&actual, $0, Array($1))
                    }
                }
            }
            plain.finish(utf8: { merge(&expected, $0, Array($1)) })
            joining.finish(utf8: { merge(&actual, $0, Array($1)) })
            #expect(actual.map(\.look) == expected.map(\.look), "\(language): \(text.debugDescription)")
            #expect(actual.map(\.bytes) == expected.map(\.bytes), "\(language): \(text.debugDescription)")
        }
    }
}
