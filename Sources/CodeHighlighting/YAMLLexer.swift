/// Colours YAML: keys, quoted strings, comments, anchors, tags, numbers and the literal words.
///
/// ```
///  - name: "web"   # the app
///  ╰┤ ╰─┬╯╰┤ ╰─┬─╯   ╰──comment─╯
///  punct│ punct string           (`port: 8080` → number, `debug: true` → keyword, `&base`/`*base` → attribute)
///     attribute (a key)
/// ```
///
/// Only the first token of a scalar is classified; the rest of a plain scalar up to a line end, ` #` or `: ` is
/// plain text, and a quote starts a string only where a scalar starts (so `it's` is text). Block scalars (`|`,
/// `>`) are read line by line like any other lines.
///
/// Hold: a word at a scalar's start (letters, digits, `_`, `-`, `.`, `/`; at most 64 bytes, then it is plain), and
/// a `:` after it or inside a plain scalar, until the next byte tells a key (`name: x`) from text (`http://x`).
struct YAMLLexer: ByteLexer {
    private enum State: Sendable, Equatable {
        case node, word, wordColon, plainScalar, plainColon, number, comment, anchor, tag
        case string(UInt8), stringEscape, singleQuoteClosed
    }

    private static let keyCharacters = ASCIISet.identifierContinue.union(ASCIISet("-./"))
    private static let literals: Set<String> = ["true", "false", "yes", "no", "on", "off", "null"]
    private static let longestKey = 64

    private var state = State.node
    private var wordLength = 0
    private var flowDepth = 0
    /// The last byte of the previous piece (a line end before the first): for ` #`.
    private var previousByte = ASCII.lf

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout SpanOutput) {
        var i = 0
        while i < bytes.count {
            if step(bytes[i], at: i, after: i > 0 ? bytes[i - 1] : previousByte, &out) { i += 1 }
        }
        if let last = bytes.last { previousByte = last }
    }

    mutating func scanEnd(into out: inout SpanOutput) {
        switch state {
        case .word: out.releaseAll(upTo: 0, as: wordKind(out.heldText(upTo: 0)))
        case .wordColon:
            out.release(wordLength, as: .attribute)
            out.releaseAll(upTo: 0, as: .punctuation)
        case .plainColon: out.releaseAll(upTo: 0, as: .punctuation)
        default: break
        }
        self = YAMLLexer()
    }

    /// Classifies one byte; returns whether it was consumed (otherwise the new state reads it again).
    private mutating func step(_ byte: UInt8, at i: Int, after previous: UInt8, _ out: inout SpanOutput) -> Bool {
        switch state {
        case .node:
            return node(byte, at: i, &out)
        case .word:
            if Self.keyCharacters.contains(byte) {
                wordLength += 1
                if wordLength > Self.longestKey {
                    out.releaseAll(upTo: i, as: .plain)
                    state = .plainScalar
                }
            } else if byte == ASCII.colon {
                state = .wordColon
            } else {
                out.releaseAll(upTo: i, as: wordKind(out.heldText(upTo: i)))
                state = .plainScalar
                return false
            }
        case .wordColon:
            if ASCII.isWhitespace(byte) {
                out.release(wordLength, as: .attribute)
                out.releaseAll(upTo: i, as: .punctuation)
                state = .node
            } else {
                out.releaseAll(upTo: i, as: .plain)
                state = .plainScalar
            }
            return false
        case .plainScalar:
            return plainScalar(byte, at: i, after: previous, &out)
        case .plainColon:
            out.releaseAll(upTo: i, as: ASCII.isWhitespace(byte) ? .punctuation : .plain)
            state = ASCII.isWhitespace(byte) ? .node : .plainScalar
            return false
        case .number:
            guard ASCIISet.alphanumerics.contains(byte) || "._+-".utf8.contains(byte) else {
                state = .plainScalar
                return false
            }
            out.put(.number, at: i)
        case .comment:
            guard byte != ASCII.lf else {
                state = .node
                return false
            }
            out.put(.comment, at: i)
        case .anchor, .tag:
            guard !ASCII.isWhitespace(byte), !",[]{}".utf8.contains(byte) else {
                state = .node
                return false
            }
            out.put(state == .tag ? .type : .attribute, at: i)
        case .string(let quote):
            out.put(.string, at: i)
            if byte == quote {
                state = quote == ASCII.apostrophe ? .singleQuoteClosed : .plainScalar
            } else if byte == ASCII.backslash, quote == ASCII.quote {
                state = .stringEscape
            }
        case .stringEscape:
            out.put(.string, at: i)
            state = .string(ASCII.quote)
        case .singleQuoteClosed:
            // `''` inside single quotes is an escaped quote.
            guard byte == ASCII.apostrophe else {
                state = .plainScalar
                return false
            }
            out.put(.string, at: i)
            state = .string(ASCII.apostrophe)
        }
        return true
    }

    /// Where a node may start: after indentation, `- `, `: `, `[`, `{` or `,`.
    private mutating func node(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        switch byte {
        case ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf:
            out.put(.plain, at: i)
        case ASCII.hash:
            out.put(.comment, at: i)
            state = .comment
        case ASCII.quote, ASCII.apostrophe:
            out.put(.string, at: i)
            state = .string(byte)
        case ASCII.ampersand, ASCII.star:
            out.put(.attribute, at: i)
            state = .anchor
        case ASCII.bang:
            out.put(.type, at: i)
            state = .tag
        case ASCII.openBracket, ASCII.openBrace, ASCII.closeBracket, ASCII.closeBrace:
            out.put(.punctuation, at: i)
            flowDepth = max(0, flowDepth + (byte == ASCII.openBracket || byte == ASCII.openBrace ? 1 : -1))
        case ASCII.dash, ASCII.question, ASCII.colon, ASCII.comma, ASCII.pipe, ASCII.greater:
            out.put(.punctuation, at: i)
        case UInt8(ascii: "~"):
            out.put(.keyword, at: i)
            state = .plainScalar
        case _ where ASCII.isDigit(byte):
            out.put(.number, at: i)
            state = .number
        case _ where Self.keyCharacters.contains(byte):
            out.hold(at: i)
            wordLength = 1
            state = .word
        default:
            out.put(.plain, at: i)
            state = .plainScalar
        }
        return true
    }

    /// The rest of a plain scalar: text, up to a line end, ` #`, `: ` or (in `[…]`/`{…}`) a flow indicator.
    private mutating func plainScalar(_ byte: UInt8, at i: Int, after previous: UInt8, _ out: inout SpanOutput)
        -> Bool
    {
        switch byte {
        case ASCII.lf:
            out.put(.plain, at: i)
            state = .node
        case ASCII.colon:
            out.hold(at: i)
            state = .plainColon
        case ASCII.hash where previous == ASCII.space || previous == ASCII.tab:
            out.put(.comment, at: i)
            state = .comment
        case ASCII.comma, ASCII.closeBracket, ASCII.closeBrace:
            guard flowDepth > 0 else {
                out.put(.plain, at: i)
                return true
            }
            state = .node
            return false
        default:
            out.put(.plain, at: i)
        }
        return true
    }

    private func wordKind(_ word: String) -> CodeTokenKind {
        Self.literals.contains(word.lowercased()) ? .keyword : .plain
    }
}
