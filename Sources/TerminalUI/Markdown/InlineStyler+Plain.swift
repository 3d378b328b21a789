/// The fast path of prose: runs of bytes the styler writes out as they are.
extension InlineStyler {
    /// How many of `bytes` (printable ASCII) `feed` would write out as they are: none while something is held; in
    /// a code span all up to a backtick; elsewhere all up to a character that may start markup (`* _ ~ ` \ [ ! < &`).
    @inline(__always)
    func plainPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard !isHolding else { return 0 }
        var count = 0
        if codeSpan != nil {
            while count < bytes.count, bytes[count] != 0x60 { count += 1 }
            return count
        }
        while count < bytes.count, !Self.mayStartMarkup(bytes[count]) { count += 1 }
        return count
    }

    /// Writes bytes `plainPrefix(of:)` found plain, as `feed` would one by one.
    @inline(__always)
    mutating func feedPlain(_ bytes: UnsafeBufferPointer<UInt8>, to writer: inout MarkdownWriter, output: inout [UInt8])
    {
        guard let last = bytes.last else { return }
        writer.text(ascii: bytes, to: &output)
        previous = Unicode.Scalar(last)
    }

    /// The ASCII characters `feed` does not write out at once outside a code span.
    private static func mayStartMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "\\"),
            UInt8(ascii: "["), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"):
            true
        default: false
        }
    }
}
