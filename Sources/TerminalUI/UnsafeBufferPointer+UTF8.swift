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
