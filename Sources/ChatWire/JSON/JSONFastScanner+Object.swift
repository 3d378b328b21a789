extension JSONFastScanner {
    /// Scans an object, `{` to `}`, the walk every fast path shares: after each key and its `:`, `member` is given the
    /// scanner and the key (a key with escapes fails the scan) and scans the value, returning whether to go on.
    /// - Parameter member: Scans one member's value; `false` gives the object up.
    /// - Returns: Whether the whole object was scanned (an empty one included) and every `member` said to go on.
    @inline(__always)
    mutating func scanObject(_ member: (inout JSONFastScanner, JSONStringSpan) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = scanString(), !key.hasEscapes, consume(UInt8(ascii: ":")), member(&self, key) else {
                return false
            }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }
}
