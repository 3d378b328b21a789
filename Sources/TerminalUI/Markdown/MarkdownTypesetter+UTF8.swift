extension MarkdownTypesetter {
    /// Typesets a piece of the reply given as UTF-8, sanitised here: the same as `feed(_:into:)` for each scalar
    /// `sanitizer` passes, but a run of plain ASCII prose (no character that may start markup, nothing held) goes to
    /// the writer whole, with no `Unicode.Scalar`, `Character` or width lookup per byte.
    ///
    /// ```
    ///  "Here is a **quick** overview"   "Here is a " one run · "*" "*" by scalar · "quick" one run · …
    /// ```
    /// - Parameters:
    ///   - bytes: The piece's UTF-8 (valid: from a `String`).
    ///   - sanitizer: Drops terminal controls, across pieces.
    ///   - runs: Whether plain prose goes as runs (tests turn it off to compare with the general path).
    ///   - output: Receives the bytes to write.
    mutating func feed(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        sanitizer: inout TerminalSanitizer,
        runs: Bool = true,
        into output: inout [UInt8]
    ) {
        var index = 0
        while index < bytes.count {
            if Self.isPrintableASCII(bytes[index]), sanitizer.passesPrintableASCII {
                var end = index + 1
                while end < bytes.count, Self.isPrintableASCII(bytes[end]) { end += 1 }
                feed(ascii: UnsafeBufferPointer(rebasing: bytes[index..<end]), runs: runs, into: &output)
                index = end
                continue
            }
            let (scalar, length) = Self.decode(bytes, at: index)
            index += length
            if sanitizer.passes(scalar) { feed(scalar, into: &output) }
        }
    }

    /// Printable ASCII: plain prose, a code row and a held line as runs, anything else one scalar at a time.
    private mutating func feed(ascii bytes: UnsafeBufferPointer<UInt8>, runs: Bool, into output: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let rest = UnsafeBufferPointer(rebasing: bytes[index...])
            switch mode {
            case .prose where runs:
                let plain = inline.plainPrefix(of: rest)
                guard plain > 0 else { break }
                feedProse(UnsafeBufferPointer(rebasing: rest[..<plain]), into: &output)
                index += plain
                continue
            case .code where runs:
                code.write(ascii: rest, into: &output)
                return
            case .held where runs:
                pending.append(contentsOf: rest.lazy.map { Unicode.Scalar($0) })
                return
            default:
                break
            }
            feed(Unicode.Scalar(bytes[index]), into: &output)
            index += 1
        }
    }

    /// A run of prose the inline styler writes as it is: what `feed(_:into:)` does for each of its bytes, at once.
    private mutating func feedProse(_ run: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var spaces = 0
        while spaces < run.count, run[run.count - 1 - spaces] == 0x20 { spaces += 1 }
        trailingSpaces = spaces == run.count ? trailingSpaces + spaces : spaces
        openers.willFeed(plain: run)
        inline.feedPlain(run, to: &writer, output: &output)
        openers.didFeed(row: writer.wrapper.rowsEnded, settled: !inline.hasOpenSpans && !inline.isHolding)
    }

    @inline(__always)
    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    /// The scalar whose UTF-8 starts at `index`, and how many bytes it takes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
