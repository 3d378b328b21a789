extension Array<UInt8> {
    /// Appends `bytes` lent rather than given: `+=` and `append(contentsOf:)` take an array argument owned, which
    /// costs a retain and a release of it on every call.
    @inline(__always)
    mutating func append(lent bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}
