/// What a delimiter run can do, and whether one the opener watch would take a snapshot at is settled again within
/// the bytes at hand.
extension InlineStyler {
    /// Whether a run of `delimiter` (`* _ ~`) with `before` and `next` around it can open and close a span, by
    /// CommonMark's flanking rules (`_` neither opens nor closes inside a word).
    static func flanking(
        _ delimiter: Unicode.Scalar,
        before: Unicode.Scalar,
        next: Unicode.Scalar
    ) -> (canOpen: Bool, canClose: Bool) {
        let left =
            !next.isWhitespaceOrLineEnd
            && (!next.isMarkdownPunctuation || before.isWhitespaceOrLineEnd || before.isMarkdownPunctuation)
        let right =
            !before.isWhitespaceOrLineEnd
            && (!before.isMarkdownPunctuation || next.isWhitespaceOrLineEnd || next.isMarkdownPunctuation)
        guard delimiter == "_" else { return (left, right) }
        return (left && (!right || before.isMarkdownPunctuation), right && (!left || next.isMarkdownPunctuation))
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
