/// What a delimiter run can do, and whether one the opener watch would take a snapshot at is settled again within
/// the bytes at hand.
extension InlineStyler {
    /// Whether a run of `delimiter` (`* _ ~`) with `before` and `next` around it can open and close a span, by
    /// CommonMark's flanking rules (`_` neither opens nor closes inside a word).
    @inline(__always)
    static func flanking(
        _ delimiter: Unicode.Scalar,
        before: Unicode.Scalar,
        next: Unicode.Scalar
    ) -> (canOpen: Bool, canClose: Bool) {
        let (beforeSpace, beforePunctuation) = flankingClass(before)
        let (nextSpace, nextPunctuation) = flankingClass(next)
        let left = !nextSpace && (!nextPunctuation || beforeSpace || beforePunctuation)
        let right = !beforeSpace && (!beforePunctuation || nextSpace || nextPunctuation)
        guard delimiter == "_" else { return (left, right) }
        return (left && (!right || beforePunctuation), right && (!left || nextPunctuation))
    }

    /// Whether `scalar` is whitespace (a line end too) and whether it is punctuation, as the flanking rules see it
    /// (`isWhitespaceOrLineEnd`, `isMarkdownPunctuation`): for ASCII a bit test in a mask (bit n of the first word
    /// is byte n, of the second byte 0x40 + n), no lookup of the scalar's properties.
    @inline(__always)
    static func flankingClass(_ scalar: Unicode.Scalar) -> (space: Bool, punctuation: Bool) {
        let value = scalar.value
        guard value < 0x80 else { return nonASCIIFlankingClass(scalar) }
        let space: UInt64 = 0x0000_0001_0000_3E00  // 0x09–0x0D and the space
        let punctuation = value < 0x40 ? 0xFC00_FFFE_0000_0000 : 0x7800_0001_F800_0001 as UInt64
        return (value < 0x40 && (space &>> UInt64(value)) & 1 != 0, (punctuation &>> UInt64(value & 0x3F)) & 1 != 0)
    }

    /// `flankingClass` beyond ASCII, from the scalar's properties (kept out of line: rare).
    @inline(never)
    private static func nonASCIIFlankingClass(_ scalar: Unicode.Scalar) -> (space: Bool, punctuation: Bool) {
        (scalar.isWhitespaceOrLineEnd, scalar.isMarkdownPunctuation)
    }

    /// Whether the run of `count` delimiters or backticks at the start of `bytes` (printable ASCII), fed with
    /// nothing held and no span open, leaves the styler settled (no span open, nothing held) again within `bytes`,
    /// a byte of plain prose after it: the run opens no span; or it opens one that a run of the same length closes
    /// after plain prose (a code span: after any text but a backtick). The opener watch's snapshot would be dropped
    /// there, unused, so it need not be taken.
    /// ```
    ///  "**quick overview** of"    settled at " of"     "**quick *overview"   not known here
    ///  "`let x = 1`, and"         settled at ", and"   "*a_b*"               not known here (the `_`)
    /// ```
    func settlesWithin(_ bytes: UnsafeBufferPointer<UInt8>, runLength count: Int) -> Bool {
        guard literalRunStarts.isEmpty, count < bytes.count, Self.isPlainProse(bytes[count]) else { return false }
        let delimiter = bytes[0]
        var contentEnd = count
        if delimiter == 0x60 {
            while contentEnd < bytes.count, bytes[contentEnd] != 0x60 { contentEnd += 1 }
        } else {
            let opens = Self.flanking(Unicode.Scalar(delimiter), before: previous, next: Unicode.Scalar(bytes[count]))
            if !opens.canOpen || count > (delimiter == 0x7E ? 2 : 3) { return true }  // literal: no span opens
            contentEnd += Self.plainProsePrefix(of: UnsafeBufferPointer(rebasing: bytes[count...]))
        }
        // The closer: exactly `count` of the same bytes, then plain prose.
        let closerEnd = contentEnd + count
        guard closerEnd < bytes.count, Self.isPlainProse(bytes[closerEnd]) else { return false }
        for index in contentEnd..<closerEnd where bytes[index] != delimiter { return false }
        guard delimiter != 0x60 else { return true }
        let before = Unicode.Scalar(bytes[contentEnd - 1])
        return Self.flanking(Unicode.Scalar(delimiter), before: before, next: Unicode.Scalar(bytes[closerEnd])).canClose
    }
}
