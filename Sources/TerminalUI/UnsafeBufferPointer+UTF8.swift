extension UnsafeBufferPointer<UInt8> {
    /// The scalar whose UTF-8 starts at `index`, and how many bytes it takes (the bytes are valid UTF-8: a
    /// `String`'s).
    func scalar(at index: Int) -> (Unicode.Scalar, length: Int) {
        let lead = self[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(self[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

extension UInt8 {
    /// Whether the byte is printable ASCII (U+0020–U+007E): one cell, and nothing to sanitise in the ground state.
    var isPrintableASCII: Bool { self >= 0x20 && self < 0x7F }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where the run of printable ASCII that starts at `start` ends: tested 8 bytes at a time, the first byte that
    /// is not found in its 8 from the bits of the test; the last few one at a time.
    @inline(__always)
    func printableASCIIEnd(from start: Int) -> Int {
        var index = start
        if let base = baseAddress {
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let flagged = ByteWord.notPrintableASCII(word)
                if flagged != 0 { return index + flagged.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < count, self[index].isPrintableASCII { index += 1 }
        return index
    }
}

/// Tests on 8 bytes at once, loaded as a `UInt64`: each tells exactly whether some byte is of a kind (not which).
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether every byte is printable ASCII (0x20–0x7E): none below 0x20 (a borrow starts only at such a byte)
    /// and none above 0x7E (adding 1 sets the high bit of 0x7F; 0x80 and up have it).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        notPrintableASCII(word) == 0
    }

    /// The high bit of each byte that is not printable ASCII is set, and of no other byte but one above such a
    /// byte (a borrow or carry goes up from it only), so the lowest bit set marks the first one.
    @inline(__always)
    static func notPrintableASCII(_ word: UInt64) -> UInt64 {
        let below = (word &- ones &* 0x20) & ~word
        let above = (word &+ ones) | word
        return (below | above) & highs
    }

    /// The high bit of each byte equal to `byte` is set, and of no other byte but one above an equal byte (so the
    /// result is 0 exactly when no byte is `byte`).
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }
}
