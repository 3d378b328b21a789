/// Colours HTML and XML: tags, attributes, attribute values, comments, CDATA, declarations.
///
/// ```
///  <a href="/x" hidden>Hi &amp; bye</a><!-- c -->
///  ╰┬╯╰─┬╯╰─┬─╯ ╰─┬──╯╰────plain───╯    ╰comment─╯
///   │ attribute string attribute      tag names are .keyword, `<`, `>`, `/`, `=` .punctuation
/// ```
///
/// The contents of `<script>` and `<style>` are plain text up to their end tag (not lexed as JavaScript or CSS, and
/// a `<` in them, as in `i<n`, starts no tag).
///
/// Holds: `<` until the next byte (a tag, `</`, `<?`, `<!`, or a plain `<` in text such as `a < b`), `<!` until
/// the next (`<![CDATA[`, a declaration, or a comment) and `<!-` until the next (`<!--` or a declaration): at most
/// 3 bytes; inside `<script>` or `<style>`, a `<` and what follows while it spells the end tag: at most 7 bytes
/// (`</scrip`).
struct MarkupLexer: ByteLexer {
    private enum State: Sendable, Equatable {
        case text, less, lessBang, lessBangDash, comment, cdata
        case tagNameStart, tagName, inTag, attributeName, quotedValue(UInt8), unquotedValue
        /// Inside `<script>` or `<style>`; and a held `<` with the bytes after it that match the end tag so far.
        case rawText, rawTextLess
    }

    /// The elements whose contents are raw text, by name (lower case).
    private static let rawTextTags: [[UInt8]] = [Array("script".utf8), Array("style".utf8)]

    private var state = State.text
    /// Consecutive `-` in a comment or `]` in CDATA, to find `-->` and `]]>`.
    private var closerRun = 0
    /// Inside a tag, after `=`: the next name is an unquoted value.
    private var afterEquals = false
    /// The tag being read is an end tag (`</…`) or a declaration (`<!…`, `<?…`).
    private var isEndTag = false
    /// Which of `rawTextTags` the tag name read so far could still be, as bits; and its length.
    private var rawTextCandidates: UInt8 = 0
    private var tagNameLength = 0
    /// The raw-text element being read (an index into `rawTextTags`), and how many bytes of `</name` matched.
    private var rawTextTag = 0
    private var rawTextMatched = 0

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
        case .rawTextLess: out.releaseAll(upTo: 0, as: .plain)
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
                isEndTag = true
                state = .tagNameStart
            } else if ASCIISet.identifierStart.contains(byte) {
                out.releaseAll(upTo: i, as: .punctuation)
                isEndTag = false
                state = .tagNameStart
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
                isEndTag = true
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
                isEndTag = true
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
            rawTextCandidates = isEndTag ? 0 : 0b11
            tagNameLength = 0
            return false
        case .tagName, .attributeName:
            guard Self.nameCharacters.contains(byte) else {
                state = .inTag
                afterEquals = false
                return false
            }
            if state == .tagName { matchRawTextName(byte) }
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
        case .rawText:
            if byte == ASCII.less {
                out.hold(at: i)
                rawTextMatched = 0
                state = .rawTextLess
            } else {
                out.put(.plain, at: i)
            }
        case .rawTextLess:
            return rawTextLess(byte, at: i, &out)
        }
        return true
    }

    /// Whether the tag just read opens the raw-text element `index`.
    private func isRawText(_ index: Int) -> Bool {
        rawTextCandidates & (1 << index) != 0 && tagNameLength == Self.rawTextTags[index].count
    }

    /// Narrows the raw-text elements the tag name can still be, by its next byte.
    private mutating func matchRawTextName(_ byte: UInt8) {
        for (index, name) in Self.rawTextTags.enumerated() where rawTextCandidates & (1 << index) != 0 {
            if tagNameLength >= name.count || name[tagNameLength] != byte | 0x20 {
                rawTextCandidates &= ~(1 << index)
            }
        }
        tagNameLength += 1
    }

    /// After a `<` inside `<script>` or `<style>`: holds while the bytes spell `</script` (or `</style`).
    private mutating func rawTextLess(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        let name = Self.rawTextTags[rawTextTag]
        let expected = rawTextMatched == 0 ? ASCII.slash : name[rawTextMatched - 1]
        guard byte == expected || (rawTextMatched > 0 && byte | 0x20 == expected) else {
            out.releaseAll(upTo: i, as: .plain)
            state = .rawText
            return false
        }
        rawTextMatched += 1
        if rawTextMatched == name.count + 1 {
            out.release(2, as: .punctuation)
            out.releaseAll(upTo: i, as: .keyword)
            out.put(.keyword, at: i)
            isEndTag = true
            state = .tagName
            rawTextCandidates = 0
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
            if !isEndTag, let tag = Self.rawTextTags.indices.first(where: { isRawText($0) }) {
                rawTextTag = tag
                state = .rawText
            }
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
