/// The fast path of prose: runs of bytes the styler writes out as they are.
extension InlineStyler {
    /// How many of `bytes` (printable ASCII) `feed` would write out as they are with nothing held (`isHolding`
    /// false; else none): in a code span all up to a backtick; elsewhere all up to a character that may start
    /// markup (see `isPlainProse`).
    @inline(__always)
    func unheldPlainPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        if codeSpan != nil {
            while count < bytes.count, bytes[count] != 0x60 { count += 1 }
            return count
        }
        return Self.plainProsePrefix(of: bytes)
    }

    /// How many of `bytes` (any bytes) are plain prose (`isPlainProse`) from the start: tested 8 at a time, the
    /// first byte that is not found in its 8 from the bits of the test; the last few one at a time.
    @inline(__always)
    static func plainProsePrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        if let base = bytes.baseAddress {
            while count + 8 <= bytes.count {
                let flagged = notPlainProse(
                    UInt64(littleEndian: UnsafeRawPointer(base + count).loadUnaligned(as: UInt64.self))
                )
                if flagged != 0 { return count + flagged.trailingZeroBitCount >> 3 }
                count += 8
            }
        }
        while count < bytes.count, isPlainProse(bytes[count]) { count += 1 }
        return count
    }

    /// The high bit of each of the 8 bytes of `word` (the first byte the lowest) that is not plain prose (not
    /// printable ASCII, or one of `* _ ~ ` \ [ ! < &`), and of none before the first such byte (a byte after it may
    /// be flagged too): 0 when all 8 are plain prose.
    @inline(__always)
    private static func notPlainProse(_ word: UInt64) -> UInt64 {
        ByteWord.notPrintableASCII(word) | ByteWord.matches(word, 0x2A) | ByteWord.matches(word, 0x5F)
            | ByteWord.matches(word, 0x7E) | ByteWord.matches(word, 0x60) | ByteWord.matches(word, 0x5C)
            | ByteWord.matches(word, 0x5B) | ByteWord.matches(word, 0x21) | ByteWord.matches(word, 0x3C)
            | ByteWord.matches(word, 0x26)
    }

    /// Whether plain prose goes through as it is (`isPlainProse`): nothing held, no code span open.
    var takesPlainProse: Bool { !isHolding && codeSpan == nil }

    /// Whether `feed` holds `byte` as the first of a run, nothing held before it (`isHolding` false): a backtick,
    /// or `* _ ~` outside a code span.
    @inline(__always)
    func startsUnheldRun(_ byte: UInt8) -> Bool {
        byte == 0x60 || (codeSpan == nil && (byte == 0x2A || byte == 0x5F || byte == 0x7E))
    }

    /// Holds a run of `count` bytes `byte` that `startsRun` allows: what `feed` does with each of them.
    mutating func holdRun(_ byte: UInt8, count: Int) {
        if byte == 0x60 {
            backticks = count
        } else {
            run = (Unicode.Scalar(byte), count)
        }
        runStart = position
    }

    /// Whether `byte` is printable ASCII that `feed` writes out as it is outside a code span: any but the
    /// characters that may start markup, `* _ ~ ` \ [ ! < &`. A bit test, no branch per character class.
    @inline(__always)
    static func isPlainProse(_ byte: UInt8) -> Bool {
        // Bit n of `low` is byte n (0x00–0x3F), of `high` byte 0x40 + n; the mask is chosen without a branch.
        let low: UInt64 = 0xEFFF_FBBD_0000_0000
        let high: UInt64 = 0x3FFF_FFFE_67FF_FFFF
        let mask = low ^ ((low ^ high) & (0 &- UInt64((byte &>> 6) & 1)))
        return (mask &>> UInt64(byte & 0x3F)) & 1 & ~UInt64(byte &>> 7) != 0
    }

    /// `emit` for a scalar (UTF-8 `bytes`, lent) that the character after it, the caller knows, does not join: its
    /// word ends there (`LineWrapper.appendEndingWord`), unless the style changes at it (then as `emit`).
    @inline(__always)
    mutating func emit(
        endingWord scalar: Unicode.Scalar,
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) {
        guard !writer.color || writer.applied == writer.block.union(writer.spans) else {
            emit(scalar, writer: &writer, output: &output)
            return
        }
        writer.wrapper.appendEndingWord(scalar, utf8: bytes, to: &output)
        previous = scalar
    }

    /// Writes bytes `plainPrefix(of:)` found plain, as `feed` would one by one.
    @inline(__always)
    mutating func feedPlain(_ bytes: UnsafeBufferPointer<UInt8>, to writer: inout MarkdownWriter, output: inout [UInt8])
    {
        guard let last = bytes.last else { return }
        writer.text(ascii: bytes, to: &output)
        previous = Unicode.Scalar(last)
    }

    /// Decides the delimiter or backtick run held (the only thing held) against `next`, a byte of plain prose that
    /// follows it, without taking `next`: what `feed(next)` does before it writes `next` as it is, so that `next`
    /// can go on with the plain run after it (`plainPrefix(of:)`).
    /// - Returns: Whether it did (false when something else is held or `next` is not plain prose).
    mutating func resolveRun(before next: UInt8, writer: inout MarkdownWriter, output: inout [UInt8]) -> Bool {
        guard run != nil || backticks > 0, hold == nil, !escaped, !bang, Self.isPlainProse(next) else {
            return false
        }
        if let current = run {
            run = nil
            resolveRun(current, next: Unicode.Scalar(next), writer: &writer, output: &output)
        }
        if backticks > 0 { resolveBackticks(writer: &writer, output: &output) }
        return true
    }

    /// Whether a `_` fed now, with `next` after it, is text that `feedPlain` may write with the plain prose around
    /// it: nothing held, no span open, and an ASCII letter or digit on each side. Such a `_` is both left- and
    /// right-flanking and has no punctuation beside it, so by CommonMark's rules it can neither open nor close.
    @inline(__always)
    func isIntraword(underscoreBefore next: UInt8) -> Bool {
        previous.isASCII && isIntraword(underscoreAfter: UInt8(truncatingIfNeeded: previous.value), before: next)
    }

    /// `isIntraword(underscoreBefore:)` for a `_` inside a plain run not fed yet: `before` is the run's byte before it.
    @inline(__always)
    func isIntraword(underscoreAfter before: UInt8, before next: UInt8) -> Bool {
        !isHolding && !hasOpenSpans && literalRunStarts.isEmpty && Self.isASCIIAlphanumeric(before)
            && Self.isASCIIAlphanumeric(next)
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// How many of `bytes` (printable ASCII) a held link takes with no new match: each leaves the link in the part
    /// it is in (`LinkSyntax.extends`) and within `linkLimit`. `holdPlain` then adds them, as `feed` would.
    @inline(__always)
    func heldLinkPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard case .link(let text)? = hold else { return 0 }
        let end = min(bytes.count, Self.linkLimit - text.count)
        var count = 0
        while count < end, LinkSyntax.extends(linkPart, with: Unicode.Scalar(bytes[count])) { count += 1 }
        return count
    }

    /// Adds bytes `heldLinkPrefix(of:)` took to the held link.
    mutating func holdPlain(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard case .link(var text)? = hold.take() else { return }
        // Widened on the stack, then added in one copy (a lazily mapped sequence is added element by element).
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { scalars in
            for index in 0..<bytes.count { scalars.initializeElement(at: index, to: Unicode.Scalar(bytes[index])) }
            text.append(contentsOf: UnsafeBufferPointer(scalars))
        }
        hold = .link(text)
    }
}
