/// The lexer shared by the C-like languages (and Python, shell, SQL, JSON, CSS), driven by a `CLikeSyntax` table.
///
/// Every byte is classified when it arrives, except for these holds (each bounded):
/// - an identifier, until it ends or grows longer than the table's longest keyword, type or string prefix;
/// - `/` until the next byte (`//`, `/*` or an operator), and `-` in SQL (`--` or an operator);
/// - `.` after the digits of a number, until the next byte (`1.5` or `1..2`, `1.max`);
/// - Swift's `#`s before `"` (a raw string) or a name (`#if`), at most 16; Rust's `r#`s likewise;
/// - Rust's `'` and one letter after it, until the next byte (`'a'` is a character, `'a` a lifetime).
struct CLikeLexer: ByteLexer {
    /// Where the scanner is. The held states are `word`, `numberDot`, `slash`, `dash`, `hashes`, `tick` and
    /// `tickLetter`; `wordTail` is the rest of a word already classified (too long for a keyword, or a lifetime).
    enum State: Sendable {
        case code, word, wordTail(CodeTokenKind), number, numberDot, slash, dash, hashes, tick, tickLetter
        case lineComment, blockComment, string, attributeName, attributeGroupStart, attributeGroup
        case variable, variableName
    }

    /// The syntax, held by reference: making or resetting a lexer retains it once, not each of its tables.
    private let shared: CLikeSyntax.Shared
    /// The syntax the lexer follows.
    var syntax: CLikeSyntax {
        @inline(__always) get { shared.syntax }
    }
    var state = State.code
    /// The last byte of the previous piece (a line end before the first): for `#` at a shell word start.
    var previousByte = ASCII.lf

    var wordLength = 0
    var wordFirst: UInt8 = 0
    var numberLength = 0
    var numberLast: UInt8 = 0
    var numberIsHex = false
    var numberHasDot = false
    /// `#`s held in `.hashes`, and the length of the raw-string prefix before them (0 for Swift's bare `#`).
    var hashCount = 0
    var prefixLength = 0
    var commentDepth = 0
    var commentLast: UInt8 = 0
    var groupOpen: UInt8 = 0
    var groupClose: UInt8 = 0
    var groupDepth = 0
    var string = StringScan()
    /// JSON: the open containers as a bit stack (1 = object; the outermost 64 are tracked, deeper ones count as
    /// objects), and whether the next string is a key.
    var containers: UInt64 = 0
    var containerDepth = 0
    var expectingKey = false

    init(syntax: CLikeSyntax.Shared) {
        shared = syntax
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout SpanOutput) {
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            let consumed: Bool
            switch state {
            case .code:
                // Whitespace or punctuation that is only itself: the run of it at once, each run one kind.
                if syntax.whitespaceRun.contains(byte) {
                    out.put(.plain, at: i)
                    i = Self.end(of: syntax.whitespaceRun, in: bytes, from: i + 1)
                    continue
                }
                if syntax.punctuationRun.contains(byte) {
                    out.put(.punctuation, at: i)
                    i = Self.end(of: syntax.punctuationRun, in: bytes, from: i + 1)
                    continue
                }
                if syntax.identifierStart.contains(byte) {
                    // A word the piece holds whole, not followed by what may make it a string's prefix: classified
                    // at once, with no hold.
                    let end = Self.end(of: syntax.identifierContinue, in: bytes, from: i + 1)
                    if end < count, syntax.quote(bytes[end]) == nil, bytes[end] != ASCII.hash,
                        bytes[end] != ASCII.apostrophe
                    {
                        wordFirst = byte
                        let word = UnsafeBufferPointer(rebasing: bytes[i..<end])
                        out.put(wordKind(end - i > syntax.longestWord ? nil : word), at: i)
                        i = end
                        continue
                    }
                }
                consumed = code(byte, at: i, after: i > 0 ? bytes[i - 1] : previousByte, &out)
            case .word:
                // The rest of an identifier that may still be a keyword, in a tight loop: what `word` does with each
                // byte that continues it while it is no longer than the longest keyword.
                let longest = syntax.longestWord
                let continues = syntax.identifierContinue
                var next = i
                while next < count, wordLength < longest, continues.contains(bytes[next]) {
                    wordLength += 1
                    next += 1
                }
                if next > i {
                    i = next
                    continue
                }
                consumed = word(byte, at: i, &out)
            case .wordTail(let kind):
                guard syntax.identifierContinue.contains(byte) else {
                    state = .code
                    continue
                }
                out.put(kind, at: i)
                i = Self.end(of: syntax.identifierContinue, in: bytes, from: i + 1)
                continue
            case .number: consumed = number(byte, at: i, &out)
            case .numberDot:
                out.releaseAll(upTo: i, as: ASCII.isDigit(byte) ? .number : .punctuation)
                numberHasDot = true
                state = ASCII.isDigit(byte) ? .number : .code
                consumed = false
            case .slash: consumed = slash(byte, at: i, &out)
            case .dash:
                consumed = byte == ASCII.dash
                out.releaseAll(upTo: i, as: consumed ? .comment : .punctuation)
                if consumed { out.put(.comment, at: i) }
                state = consumed ? .lineComment : .code
            case .hashes: consumed = hashes(byte, at: i, &out)
            case .tick, .tickLetter: consumed = tick(byte, at: i, &out)
            case .lineComment:
                guard byte != ASCII.lf else {
                    state = .code
                    continue
                }
                out.put(.comment, at: i)
                i += 1
                while i < count, bytes[i] != ASCII.lf { i += 1 }
                continue
            case .blockComment:
                blockComment(byte, at: i, &out)
                i = blockCommentRun(bytes, from: i + 1)
                continue
            case .string:
                consumed = stringBody(byte, at: i, &out)
                if consumed, case .string = state {
                    i = string.skipOrdinary(bytes, from: i + 1)
                    continue
                }
            case .attributeName:
                guard syntax.identifierContinue.contains(byte) || byte == ASCII.dot else {
                    state = .code
                    continue
                }
                out.put(.attribute, at: i)
                i += 1
                while i < count, syntax.identifierContinue.contains(bytes[i]) || bytes[i] == ASCII.dot { i += 1 }
                continue
            case .attributeGroupStart, .attributeGroup, .variable, .variableName:
                consumed = attribute(byte, at: i, &out)
            }
            if consumed { i += 1 }
        }
        if count > 0 { previousByte = bytes[count - 1] }
    }

    /// Where the run of bytes of `set` that starts at `start` ends.
    @inline(__always)
    static func end(of set: ASCIISet, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count, set.contains(bytes[end]) { end += 1 }
        return end
    }

    mutating func scanEnd(into out: inout SpanOutput) {
        let end = 0
        switch state {
        case .word: out.releaseAll(upTo: end, as: out.withHeldBytes(upTo: end) { wordKind($0) })
        case .numberDot, .slash, .dash: out.releaseAll(upTo: end, as: .punctuation)
        case .hashes:
            out.release(prefixLength, as: .plain)
            out.releaseAll(upTo: end, as: .punctuation)
        case .tick: out.releaseAll(upTo: end, as: .string)
        case .tickLetter: out.releaseAll(upTo: end, as: .keyword)
        default: break
        }
        self = CLikeLexer(syntax: shared)
    }

    // MARK: - Code

    private mutating func code(_ byte: UInt8, at i: Int, after previous: UInt8, _ out: inout SpanOutput) -> Bool {
        if syntax.identifierStart.contains(byte) {
            out.hold(at: i)
            wordLength = 1
            wordFirst = byte
            state = .word
            return true
        }
        if syntax.numbers, ASCII.isDigit(byte) {
            out.put(.number, at: i)
            numberLength = 1
            numberLast = byte
            numberIsHex = false
            numberHasDot = false
            state = .number
            return true
        }
        if let rule = syntax.quote(byte) {
            openString(byte, rule: rule, hashes: 0, escapes: rule.escapes, at: i, &out)
            return true
        }
        switch byte {
        case ASCII.space, ASCII.lf, ASCII.tab, ASCII.cr:
            out.put(.plain, at: i)
        case ASCII.slash where syntax.lineComment == .doubleSlash || syntax.blockComment:
            out.hold(at: i)
            state = .slash
        case ASCII.dash where syntax.lineComment == .doubleDash:
            out.hold(at: i)
            state = .dash
        case ASCII.hash:
            hash(at: i, after: previous, &out)
        case ASCII.at where syntax.attributeSigil:
            out.put(.attribute, at: i)
            state = .attributeName
        case ASCII.dollar where syntax.dollarVariables:
            out.put(.attribute, at: i)
            state = .variable
        case ASCII.apostrophe where syntax.characterOrLifetime:
            out.hold(at: i)
            state = .tick
        default:
            out.put(ASCII.isPunctuation(byte) ? .punctuation : .plain, at: i)
            if syntax.marksObjectKeys { trackContainers(byte) }
        }
        return true
    }

    private mutating func hash(at i: Int, after previous: UInt8, _ out: inout SpanOutput) {
        let wordStart = ASCII.isWhitespace(previous) || ";&|(`".utf8.contains(previous)
        if syntax.lineComment == .hash || (syntax.lineComment == .hashAtWordStart && wordStart) {
            out.put(.comment, at: i)
            state = .lineComment
        } else if syntax.hashRawStrings {
            out.hold(at: i)
            hashCount = 1
            prefixLength = 0
            state = .hashes
        } else if syntax.hashAttributeGroups {
            out.put(.attribute, at: i)
            state = .attributeGroupStart
        } else if syntax.hashDirectives {
            out.put(.attribute, at: i)
            state = .attributeName
        } else {
            out.put(.punctuation, at: i)
        }
    }

    /// JSON: keeps track of whether the next string is an object key.
    private mutating func trackContainers(_ byte: UInt8) {
        switch byte {
        case ASCII.openBrace, ASCII.openBracket:
            if containerDepth < 64 {
                let bit: UInt64 = 1 << UInt64(containerDepth)
                containers = byte == ASCII.openBrace ? containers | bit : containers & ~bit
            }
            containerDepth += 1
            expectingKey = byte == ASCII.openBrace
        case ASCII.closeBrace, ASCII.closeBracket:
            containerDepth = max(0, containerDepth - 1)
            expectingKey = false
        case ASCII.comma:
            let top = containerDepth - 1
            expectingKey = top >= 64 || (top >= 0 && (containers >> UInt64(top)) & 1 == 1)
        case ASCII.colon:
            expectingKey = false
        default:
            break
        }
    }

    // MARK: - Words and numbers

    private mutating func word(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        if syntax.identifierContinue.contains(byte) {
            wordLength += 1
            if wordLength > syntax.longestWord {
                let kind = wordKind(nil)
                out.releaseAll(upTo: i, as: kind)
                out.put(kind, at: i)
                state = .wordTail(kind)
            }
            return true
        }
        if let rule = quoteRule(byte) {
            let word = out.heldText(upTo: i)
            let raw = syntax.rawStringPrefixes.contains(word)
            if raw || syntax.stringPrefixes.contains(word) {
                out.releaseAll(upTo: i, as: .string)
                openString(byte, rule: rule, hashes: 0, escapes: rule.escapes && !raw, at: i, &out)
                return true
            }
        }
        if byte == ASCII.hash, syntax.rawStringHashes, syntax.rawStringPrefixes.contains(out.heldText(upTo: i)) {
            hashCount = 0
            prefixLength = wordLength
            state = .hashes
            return false
        }
        out.releaseAll(upTo: i, as: out.withHeldBytes(upTo: i) { wordKind($0) })
        state = .code
        return false
    }

    /// The kind of a whole word, or of any word too long to be a keyword (`nil`). Inlined: called from a mutating
    /// method, a call copied the whole lexer to pass it.
    @inline(__always)
    private func wordKind(_ word: UnsafeBufferPointer<UInt8>?) -> CodeTokenKind {
        if let word, let kind = syntax.wordTable.kind(of: word) { return kind }
        return syntax.capitalizedIsType && ASCII.isUppercase(wordFirst) ? .type : .plain
    }

    private func quoteRule(_ byte: UInt8) -> CLikeSyntax.Quote? {
        if let rule = syntax.quote(byte) { return rule }
        if syntax.characterOrLifetime, byte == ASCII.apostrophe { return StringScan.characterLiteral }
        return nil
    }

    private mutating func number(_ byte: UInt8, at i: Int, _ out: inout SpanOutput) -> Bool {
        if ASCIISet.alphanumerics.contains(byte) || byte == syntax.digitSeparator {
            if numberLength == 1, numberLast == UInt8(ascii: "0"), byte | 0x20 == UInt8(ascii: "x") {
                numberIsHex = true
            }
        } else if byte == ASCII.plus || byte == ASCII.dash {
            let exponent = numberLast | 0x20 == UInt8(ascii: numberIsHex ? "p" : "e")
            guard exponent else {
                state = .code
                return false
            }
        } else if byte == ASCII.dot, !numberHasDot, !numberIsHex {
            out.hold(at: i)
            state = .numberDot
            return true
        } else {
            state = .code
            return false
        }
        out.put(.number, at: i)
        numberLast = byte
        numberLength += 1
        return true
    }
}
