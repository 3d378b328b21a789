/// Colours HTML and XML: tags, attributes, attribute values, comments, CDATA, declarations.
///
/// ```
///  <a href="/x" hidden>Hi &amp; bye</a><!-- c -->
///  ╰┬╯╰─┬╯╰─┬─╯ ╰─┬──╯╰────plain───╯    ╰comment─╯
///   │ attribute string attribute      tag names are .keyword, `<`, `>`, `/`, `=` .punctuation
/// ```
///
/// Holds: `<` until the next byte (a tag, `</`, `<?`, `<!`, or a plain `<` in text such as `a < b`), `<!` until
/// the next (`<![CDATA[`, a declaration, or a comment) and `<!-` until the next (`<!--` or a declaration): at most
/// 3 bytes. The contents of `<script>` and `<style>` are read as markup, not as JavaScript or CSS.
struct MarkupLexer: ByteLexer {
    private enum State: Sendable, Equatable {
        case text, less, lessBang, lessBangDash, comment, cdata
        case tagNameStart, tagName, inTag, attributeName, quotedValue(UInt8), unquotedValue
    }

    private var state = State.text
    /// Consecutive `-` in a comment or `]` in CDATA, to find `-->` and `]]>`.
    private var closerRun = 0
    /// Inside a tag, after `=`: the next name is an unquoted value.
    private var afterEquals = false

    private static let nameCharacters = ASCIISet.identifierContinue.union(ASCIISet("-:."))

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout SpanOutput) {
        var i = 0
        while i < bytes.count {
            if step(bytes[i], at: i, &out) { i += 1 }
        }
    }

    mutating func scanEnd(into out: inout SpanOutput) {
        switch state {
        case .less, .lessBang: out.releaseAll(upTo: 0, as: .punctuation)
        case .lessBangDash: out.releaseAll(upTo: 0, as: .comment)
        default: break
        }
        self = MarkupLexer()
    }

    /// Classifies one byte; returns whether it was consumed (otherwise the new state reads it again).
    private mutating func step(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        switch state {
        case .text:
            if byte == ASCII.less {
                out.hold(at: i)
                state = .less
            } else {
                out.put(.plain, at: i)
            }
        case .less:
            if byte == ASCII.bang {
                state = .lessBang
            } else if byte == ASCII.slash || byte == ASCII.question {
                out.releaseAll(upTo: i, as: .punctuation)
                out.put(.punctuation, at: i)
                state = .tagNameStart
            } else if ASCIISet.identifierStart.contains(byte) {
                out.releaseAll(upTo: i, as: .punctuation)
                state = .tagName
                return false
            } else {
                out.releaseAll(upTo: i, as: .plain)
                state = .text
                return false
            }
        case .lessBang:
            if byte == ASCII.dash {
                state = .lessBangDash
            } else if byte == ASCII.openBracket {
                out.releaseAll(upTo: i, as: .string)
                out.put(.string, at: i)
                closerRun = 0
                state = .cdata
            } else {
                out.releaseAll(upTo: i, as: .punctuation)
                state = .tagNameStart
                return false
            }
        case .lessBangDash:
            if byte == ASCII.dash {
                out.releaseAll(upTo: i, as: .comment)
                out.put(.comment, at: i)
                closerRun = 0
                state = .comment
            } else {
                out.releaseAll(upTo: i, as: .punctuation)
                state = .inTag
                return false
            }
        case .comment, .cdata:
            let isComment = if case .comment = state { true } else { false }
            out.put(isComment ? .comment : .string, at: i)
            if byte == ASCII.greater, closerRun >= 2 {
                state = .text
            } else {
                closerRun = byte == (isComment ? ASCII.dash : ASCII.closeBracket) ? closerRun + 1 : 0
            }
        case .tagNameStart:
            state = ASCIISet.identifierStart.contains(byte) ? .tagName : .inTag
            afterEquals = false
            return false
        case .tagName, .attributeName:
            guard Self.nameCharacters.contains(byte) else {
                state = .inTag
                afterEquals = false
                return false
            }
            out.put(state == .tagName ? .keyword : .attribute, at: i)
        case .inTag:
            return inTag(byte, at: i, &out)
        case .quotedValue(let quote):
            out.put(.string, at: i)
            if byte == quote { state = .inTag }
        case .unquotedValue:
            guard !ASCII.isWhitespace(byte), byte != ASCII.greater else {
                state = .inTag
                return false
            }
            out.put(.string, at: i)
        }
        return true
    }

    private mutating func inTag(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        if ASCII.isWhitespace(byte) {
            out.put(.plain, at: i)
            return true
        }
        let wasAfterEquals = afterEquals
        afterEquals = byte == ASCII.equals
        switch byte {
        case ASCII.greater:
            out.put(.punctuation, at: i)
            state = .text
        case ASCII.quote, ASCII.apostrophe:
            out.put(.string, at: i)
            state = .quotedValue(byte)
        case _ where Self.nameCharacters.contains(byte):
            state = wasAfterEquals ? .unquotedValue : .attributeName
            return false
        default:
            out.put(.punctuation, at: i)
        }
        return true
    }
}
