/// Splits reply text into tokens shaped like an LLM's: words and sub-words carrying their leading spaces, one token
/// per CJK character, emoji and punctuation on their own, runs of the same ASCII punctuation (`##`, ```` ``` ````,
/// `**`) and of line ends together.
///
/// ```
///  "## Hi there\n- `serve` 日本 🚀"
///   → ["##", " Hi", " there", "\n", "-", " `", "serve", "`", " 日", "本", " 🚀"]
/// ```
///
/// Joining the tokens gives back the text exactly. Tokens are whole grapheme clusters, so no emoji or combining
/// sequence is ever split.
enum DemoTokenizer {
    /// Words longer than this are cut into sub-words of `subwordLength` characters.
    static let longWord = 8
    /// The size of the pieces a long word is cut into.
    static let subwordLength = 6

    /// Splits text into tokens.
    /// - Parameter text: The text.
    /// - Returns: The tokens; joined, they equal `text`.
    static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var pending = ""  // leading spaces waiting for the next token
        var word = ""
        var wordLength = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            if wordLength > longWord {
                var piece = ""
                var pieceLength = 0
                for character in word {
                    piece.append(character)
                    if character != " ", character != "\t" { pieceLength += 1 }
                    if pieceLength == subwordLength {
                        tokens.append(piece)
                        piece = ""
                        pieceLength = 0
                    }
                }
                if !piece.isEmpty { tokens.append(piece) }
            } else {
                tokens.append(word)
            }
            word = ""
            wordLength = 0
        }

        for character in text {
            switch Kind(character) {
            case .space:
                flushWord()
                pending.append(character)
            case .newline:
                flushWord()
                if pending.isEmpty, let last = tokens.last, last.allSatisfy(\.isNewline) {
                    tokens[tokens.count - 1].append(character)
                } else {
                    tokens.append(pending + String(character))
                    pending = ""
                }
            case .word:
                if word.isEmpty {
                    word = pending
                    pending = ""
                }
                word.append(character)
                wordLength += 1
            case .single:
                flushWord()
                let token = pending + String(character)
                pending = ""
                if character.isASCII, !character.isWhitespace, let last = tokens.last,
                    last.allSatisfy({ $0 == character })
                {
                    tokens[tokens.count - 1].append(character)
                } else {
                    tokens.append(token)
                }
            }
        }
        flushWord()
        if !pending.isEmpty { tokens.append(pending) }
        return tokens
    }

    private enum Kind {
        case space, newline, word, single

        init(_ character: Character) {
            if character == " " || character == "\t" {
                self = .space
            } else if character.isNewline {
                self = .newline
            } else if let scalar = character.unicodeScalars.first, Self.isWide(scalar) {
                self = .single
            } else if character.isLetter || character.isNumber || character == "_" {
                self = .word
            } else {
                self = .single
            }
        }

        /// CJK ideographs, kana, Hangul and full-width forms: one token per character.
        private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                true
            default:
                false
            }
        }
    }
}
