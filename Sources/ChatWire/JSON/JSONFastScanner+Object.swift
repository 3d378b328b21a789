extension JSONFastScanner {
    /// Scans an object, `{` to `}`, the walk every fast path shares: after each key and its `:`, `member` is given the
    /// scanner and the key (a key with escapes fails the scan) and scans the value, returning whether to go on.
    /// - Parameter member: Scans one member's value; `false` gives the object up.
    /// - Returns: Whether the whole object was scanned (an empty one included) and every `member` said to go on.
    @inline(__always)
    mutating func scanObject(_ member: (inout JSONFastScanner, JSONStringSpan) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        guard let key = scanMemberKey() else { return false }
        return scanObject(resumingAt: key, member)
    }

    /// Goes on with an object whose walk stopped after `key` and its `:` (this scanner's position): scans that
    /// member's value with `member`, then the rest of the object as `scanObject(_:)` does.
    /// - Parameters:
    ///   - key: The key just scanned.
    ///   - member: Scans one member's value; `false` gives the object up.
    /// - Returns: Whether the rest of the object was scanned and every `member` said to go on.
    @inline(__always)
    mutating func scanObject(
        resumingAt key: JSONStringSpan,
        _ member: (inout JSONFastScanner, JSONStringSpan) -> Bool
    ) -> Bool {
        var key = key
        while member(&self, key) {
            guard consume(UInt8(ascii: ",")) else { return consume(UInt8(ascii: "}")) }
            guard let next = scanMemberKey() else { return false }
            key = next
        }
        return false
    }

    /// A key without escapes and its `:`.
    @inline(__always)
    private mutating func scanMemberKey() -> JSONStringSpan? {
        guard let key = scanString(), !key.hasEscapes, consume(UInt8(ascii: ":")) else { return nil }
        return key
    }
}
