/// Where a string literal ends: the state of one string while its bytes go by.
///
/// Every byte of a string, its quotes and escapes included, has the string's kind, so nothing is held: the scan
/// only has to know which byte closes the string. It counts the opening quotes of a possible triple-quoted
/// string (`"""`), the closing quotes and `#`s of a raw string (`"#`, `"""##`), a pending backslash escape, and the
/// nesting depth of an interpolation (`\( … )`, `${ … }`) whose quotes do not close the string.
struct StringScan: Sendable {
    /// What the byte just scanned did.
    enum Step {
        /// The byte is part of the string.
        case inside
        /// The byte is the string's last.
        case closed
        /// The string ended before the byte (an empty `""`, or a line end in a one-line string).
        case endedBefore
    }

    /// A character literal (`'a'`, `'\n'`): escapes, one line.
    static let characterLiteral = CLikeSyntax.Quote()

    /// The kind the string's bytes get (`.attribute` for a JSON key).
    private(set) var kind = CodeTokenKind.string
    private var quote: UInt8 = 0
    private var rule = CLikeSyntax.Quote()
    private var escapes = true
    /// Opening quotes seen so far of a possibly triple-quoted string (0 once the body started).
    private var openingQuotes = 0
    private var closingQuotes = 1
    private var closingHashes = 0
    private var matchedQuotes = 0
    private var matchedHashes = 0
    private var escapePending = false
    private var interpolationDepth = 0
    private var previousByte: UInt8 = 0

    /// Starts a string whose opening quote (and any prefix and `#`s) was just scanned.
    mutating func begin(quote: UInt8, rule: CLikeSyntax.Quote, hashes: Int, escapes: Bool, kind: CodeTokenKind) {
        self = StringScan()
        self.kind = kind
        self.quote = quote
        self.rule = rule
        self.escapes = escapes
        closingHashes = hashes
        openingQuotes = rule.triple ? 1 : 0
    }

    /// Takes the bytes from `start` that `step` would only find `.inside` with nothing to note (none of the quote, a
    /// backslash, a line end, `#`, `$`, a bracket): where they end. Only when nothing is pending (an escape, opening
    /// quotes, an interpolation).
    mutating func skipOrdinary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard openingQuotes == 0, !escapePending, interpolationDepth == 0 else { return start }
        var end = start
        while end < bytes.count, !Self.special.contains(bytes[end]), bytes[end] != quote { end += 1 }
        guard end > start else { return start }
        previousByte = bytes[end - 1]
        matchedQuotes = 0
        matchedHashes = 0
        return end
    }

    /// The bytes `step` may do more with than find `.inside` (besides the string's own quote).
    private static let special = ASCIISet("\\\n#$(){}")

    /// Scans the next byte of the string.
    mutating func step(_ byte: UInt8) -> Step {
        if openingQuotes > 0 {
            if byte == quote {
                openingQuotes += 1
                if openingQuotes == 3 {
                    openingQuotes = 0
                    closingQuotes = 3
                }
                return .inside
            }
            let pair = openingQuotes == 2
            openingQuotes = 0
            if pair {
                // `""` is an empty string, unless `#`s must follow its closing quote (`#""#`).
                if closingHashes == 0 { return .endedBefore }
                matchedQuotes = 1
            }
        }
        if byte == ASCII.lf, !rule.multiline, closingQuotes == 1, !escapePending { return .endedBefore }
        let previous = previousByte
        previousByte = byte
        if escapePending {
            escapePending = false
            previousByte = 0
            if byte == ASCII.openParen, rule.interpolation == .backslashParenthesis { interpolationDepth = 1 }
            return .inside
        }
        if interpolationDepth > 0 {
            switch (rule.interpolation, byte) {
            case (.backslashParenthesis, ASCII.openParen), (.dollarBrace, ASCII.openBrace): interpolationDepth += 1
            case (.backslashParenthesis, ASCII.closeParen), (.dollarBrace, ASCII.closeBrace): interpolationDepth -= 1
            default: break
            }
            return .inside
        }
        if byte == ASCII.backslash, escapes {
            escapePending = true
            matchedQuotes = 0
            matchedHashes = 0
            return .inside
        }
        if byte == ASCII.openBrace, previous == ASCII.dollar, rule.interpolation == .dollarBrace {
            interpolationDepth = 1
            return .inside
        }
        if byte == quote {
            if matchedHashes > 0 {
                matchedQuotes = 1
            } else if matchedQuotes < closingQuotes {
                matchedQuotes += 1
            }
            matchedHashes = 0
            return matchedQuotes == closingQuotes && closingHashes == 0 ? .closed : .inside
        }
        if byte == ASCII.hash, closingHashes > 0, matchedQuotes == closingQuotes {
            matchedHashes += 1
            return matchedHashes == closingHashes ? .closed : .inside
        }
        matchedQuotes = 0
        matchedHashes = 0
        return .inside
    }
}
