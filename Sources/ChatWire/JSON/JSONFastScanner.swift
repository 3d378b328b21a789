#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a JSON string literal's contents lie in the scanned bytes: between its quotes.
struct JSONStringSpan: Sendable, Equatable {
    /// The offset of the first byte after the opening quote.
    var start: Int
    /// The offset of the closing quote.
    var end: Int
    /// Whether the literal holds a backslash escape (so its bytes are not its value).
    var hasEscapes: Bool

    /// Whether the string's value is empty (every escape stands for at least one character).
    var isEmpty: Bool { start == end }
}

/// A forward-only JSON tokenizer over bytes that validates what it passes and allocates nothing.
///
/// It is the base of the fast paths, which read the common chunk shapes straight from the bytes and hand every other
/// shape to a full decoder. So each method answers "certainly valid, and here it is" or `nil`/`false` for "not
/// certain"; it never guesses. Strings are checked as RFC 8259 defines them (no raw control characters, only the
/// eight escapes and `\uXXXX`); the input is a Swift string's UTF-8, so it is valid UTF-8 already.
struct JSONFastScanner {
    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Skips JSON whitespace (space, tab, LF, CR).
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Skips whitespace, then consumes `byte` if it comes next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Skips whitespace and returns the next byte without consuming it; `nil` at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Moves on to `offset`, past bytes the caller knows the scan of (a prefix seen before).
    mutating func skip(to offset: Int) {
        precondition(offset >= position && offset <= bytes.count)
        position = offset
    }

    /// Whether only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    /// Scans the string literal that comes next (after whitespace).
    /// - Returns: Its span, or `nil` when no valid string literal comes next.
    mutating func scanString() -> JSONStringSpan? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var index = position
        var hasEscapes = false
        let count = bytes.count
        while index < count {
            index = Self.skipPlainWords(bytes, from: index)
            guard index < count else { break }
            let byte = bytes[index]
            if byte == 0x22 {
                position = index + 1
                return JSONStringSpan(start: start, end: index, hasEscapes: hasEscapes)
            } else if byte == 0x5C {
                guard index + 1 < count else { return nil }
                switch bytes[index + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:  // " \ / b f n r t
                    index += 2
                case 0x75:  // u
                    guard index + 6 <= count, Self.hex4(bytes, at: index + 2) != nil else { return nil }
                    index += 6
                default:
                    return nil
                }
                hasEscapes = true
            } else if byte < 0x20 {
                return nil
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Skips bytes that are not `"`, `\\` or a control byte, 8 at a time (SWAR) while 8 are left.
    /// - Returns: The offset of the first such byte, or of the last few (fewer than 8) bytes.
    @inline(__always)
    private static func skipPlainWords(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: (base + index).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            // (x - 0x01…) & ~x & 0x80… is non-zero exactly when some byte of x is 0 (or < n with n…).
            let hasQuote = (quote &- ones) & ~quote
            let hasBackslash = (backslash &- ones) & ~backslash
            let hasControl = (word &- ones &* 0x20) & ~word
            let found = (hasQuote | hasBackslash | hasControl) & highs
            if found != 0 {
                // Borrows only spread upwards, so the lowest flagged byte is a real hit.
                return index + found.trailingZeroBitCount >> 3
            }
            index += 8
        }
        return index
    }

    /// Scans `null` or a string literal.
    /// - Returns: `nil` when neither comes next; `.some(nil)` for `null`; the span for a string.
    mutating func scanStringOrNull() -> JSONStringSpan?? {
        switch peek() {
        case UInt8(ascii: "\""): return scanString().map { .some($0) }
        case UInt8(ascii: "n"): return scanLiteral("null") ? .some(nil) : nil
        default: return nil
        }
    }

    /// Consumes `literal` (`true`, `false`, `null`) if it comes next.
    mutating func scanLiteral(_ literal: StaticString) -> Bool {
        skipWhitespace()
        let length = literal.utf8CodeUnitCount
        guard position + length <= bytes.count, let base = bytes.baseAddress else { return false }
        guard memcmp(base + position, literal.utf8Start, length) == 0 else { return false }
        position += length
        return true
    }

    /// Scans a number with RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// - Returns: The offsets of its bytes, or `nil` when no valid number comes next.
    mutating func scanNumber() -> Range<Int>? {
        skipWhitespace()
        let start = position
        var index = position
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard let end = digits(from: index) else { return nil }
            index = end
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            guard let end = digits(from: index + 1) else { return nil }
            index = end
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard let end = digits(from: index) else { return nil }
            index = end
        }
        position = index
        return start..<index
    }

    /// Skips a string, number, `true`, `false` or `null`; refuses objects and arrays (not certain enough to skip).
    /// - Returns: Whether a scalar was skipped.
    mutating func skipScalar() -> Bool {
        guard let next = peek() else { return false }
        switch next {
        case UInt8(ascii: "\""): return scanString() != nil
        case UInt8(ascii: "t"): return scanLiteral("true")
        case UInt8(ascii: "f"): return scanLiteral("false")
        case UInt8(ascii: "n"): return scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return scanNumber() != nil
        default: return false
        }
    }

    /// Whether `span` is exactly `text`, with no escapes.
    @inline(__always)
    func span(_ span: JSONStringSpan, is text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard !span.hasEscapes, span.end - span.start == length, let base = bytes.baseAddress else { return false }
        return memcmp(base + span.start, text.utf8Start, length) == 0
    }

    /// Whether the bytes in `range` are exactly `text`.
    func range(_ range: Range<Int>, is text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return memcmp(base + range.lowerBound, text.utf8Start, range.count) == 0
    }

    /// The value of a scanned string literal.
    func string(_ span: JSONStringSpan) -> String {
        JSONStringUnescaper.string(from: bytes, span: span)
    }

    private func digits(from start: Int) -> Int? {
        var index = start
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index > start ? index : nil
    }

    /// The value of four hex digits at `offset`, or `nil` when they are not all hex digits.
    @inline(__always)
    static func hex4(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32? {
        var value: UInt32 = 0
        for index in offset..<(offset + 4) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
