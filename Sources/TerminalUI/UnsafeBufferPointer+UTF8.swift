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
    /// Where the run of printable ASCII that starts at `start` ends: tested 8 bytes at a time while they all are.
    @inline(__always)
    func printableASCIIEnd(from start: Int) -> Int {
        var index = start
        if let base = baseAddress {
            while index + 8 <= count,
                ByteWord.isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
            }
        }
        if index < count, index + 8 > count, ByteWord.isPrintableASCII(coveringWord(from: index)) { return count }
        while index < count, self[index].isPrintableASCII { index += 1 }
        return index
    }

    /// The bytes from `start` to the end (1 to 8 of them: `start < count <= start + 8`) in one `UInt64`, some of
    /// them twice (loads that overlap) where there are fewer than 8: a whole-word test (`ByteWord`) on it tells
    /// whether every byte there is of a kind, without a loop whose exit a random length mispredicts (the last bytes
    /// of a piece, and short pieces).
    @inline(__always)
    func coveringWord(from start: Int) -> UInt64 {
        let length = count - start
        let base = UnsafeRawPointer(baseAddress! + start)
        if length >= 4 {
            let low = UInt64(base.loadUnaligned(as: UInt32.self))
            return low | UInt64(base.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) << 32
        }
        if length >= 2 {
            let low = UInt64(base.loadUnaligned(as: UInt16.self))
            let half = low | UInt64(base.loadUnaligned(fromByteOffset: length - 2, as: UInt16.self)) << 16
            return half | half << 32
        }
        return UInt64(base.load(as: UInt8.self)) &* 0x0101_0101_0101_0101
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
        let below = (word &- ones &* 0x20) & ~word
        let above = (word &+ ones) | word
        return (below | above) & highs == 0
    }

    /// The high bit of each byte equal to `byte` is set, and of no other byte but one above an equal byte (so the
    /// result is 0 exactly when no byte is `byte`).
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }
}
