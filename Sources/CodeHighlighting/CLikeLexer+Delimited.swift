/// The parts of `CLikeLexer` between delimiters: the holds before comments, raw strings and characters, comments,
/// strings, attributes and shell variables.
extension CLikeLexer {
    // MARK: - Holds before comments, raw strings, characters

    mutating func slash(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        let line = byte == ASCII.slash && syntax.lineComment == .doubleSlash
        let block = byte == ASCII.star && syntax.blockComment
        out.releaseAll(upTo: i, as: line || block ? .comment : .punctuation)
        if line {
            state = .lineComment
        } else if block {
            commentDepth = 1
            commentLast = 0
            state = .blockComment
        } else {
            state = .code
            return false
        }
        out.put(.comment, at: i)
        return true
    }

    mutating func blockComment(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) {
        out.put(.comment, at: i)
        if syntax.nestedBlockComments, commentLast == ASCII.slash, byte == ASCII.star {
            commentDepth += 1
            commentLast = 0
        } else if commentLast == ASCII.star, byte == ASCII.slash {
            commentDepth -= 1
            commentLast = 0
            if commentDepth == 0 { state = .code }
        } else {
            commentLast = byte
        }
    }

    /// Takes the bytes of a block comment from `start` that are neither `*` nor `/` (they only become `commentLast`,
    /// the comment's kind already open), unless the comment just ended: where they end.
    mutating func blockCommentRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard case .blockComment = state else { return start }
        var end = start
        while end < bytes.count, bytes[end] != ASCII.star, bytes[end] != ASCII.slash { end += 1 }
        if end > start { commentLast = bytes[end - 1] }
        return end
    }

    mutating func hashes(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        if byte == ASCII.hash, hashCount < 16 {
            hashCount += 1
            return true
        }
        if byte == ASCII.quote, let rule = syntax.quote(byte) {
            out.releaseAll(upTo: i, as: .string)
            openString(byte, rule: rule, hashes: hashCount, escapes: false, at: i, &out)
            return true
        }
        let name = hashCount == 1 && syntax.identifierStart.contains(byte)
        if prefixLength > 0 {
            // Rust: `r#name` is a raw identifier; anything else is the word `r` and punctuation.
            out.release(prefixLength, as: .plain)
            out.releaseAll(upTo: i, as: name ? .plain : .punctuation)
            state = name ? .wordTail(.plain) : .code
        } else {
            out.releaseAll(upTo: i, as: name ? .attribute : .punctuation)
            state = name ? .attributeName : .code
        }
        return false
    }

    mutating func tick(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        if case .tick = state, byte < 0x80, syntax.identifierStart.contains(byte) {
            state = .tickLetter
            return true
        }
        if case .tickLetter = state {
            let character = byte == ASCII.apostrophe
            out.releaseAll(upTo: i, as: character ? .string : .keyword)
            if character { out.put(.string, at: i) }
            state = character ? .code : .wordTail(.keyword)
            return character
        }
        out.releaseAll(upTo: i, as: .string)
        string.begin(
            quote: ASCII.apostrophe,
            rule: StringScan.characterLiteral,
            hashes: 0,
            escapes: true,
            kind: .string
        )
        state = .string
        return false
    }

    // MARK: - Strings

    mutating func openString(
        _ quote: UInt8,
        rule: CLikeSyntax.Quote,
        hashes: Int,
        escapes: Bool,
        at i: Int,
        _ out: inout SpanOutput
    ) {
        let kind: CodeTokenKind = syntax.marksObjectKeys && expectingKey ? .attribute : .string
        expectingKey = false
        out.put(kind, at: i)
        string.begin(quote: quote, rule: rule, hashes: hashes, escapes: escapes, kind: kind)
        state = .string
    }

    mutating func stringBody(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        switch string.step(byte) {
        case .inside:
            out.put(string.kind, at: i)
        case .closed:
            out.put(string.kind, at: i)
            state = .code
        case .endedBefore:
            state = .code
            return false
        }
        return true
    }

    // MARK: - Attributes and variables

    mutating func attribute(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        switch state {
        case .attributeGroupStart where byte == ASCII.bang:
            break
        case .attributeGroupStart where byte == ASCII.openBracket, .variable where byte == ASCII.openBrace:
            groupOpen = byte
            groupClose = byte == ASCII.openBracket ? ASCII.closeBracket : ASCII.closeBrace
            groupDepth = 1
            state = .attributeGroup
        case .attributeGroup:
            if byte == groupOpen { groupDepth += 1 }
            if byte == groupClose { groupDepth -= 1 }
            if groupDepth == 0 { state = .code }
        case .variable where ASCIISet.alphanumerics.contains(byte) || byte == UInt8(ascii: "_"):
            state = .variableName
        case .variable where "@*#?$!-".utf8.contains(byte):
            state = .code
        case .variableName where ASCIISet.alphanumerics.contains(byte) || byte == UInt8(ascii: "_"):
            break
        default:
            state = .code
            return false
        }
        out.put(.attribute, at: i)
        return true
    }
}
