#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// ASCII bytes the SSE grammar cares about.
enum ASCII {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let colon: UInt8 = 0x3A
    static let space: UInt8 = 0x20
    static let nul: UInt8 = 0x00
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
}

extension UnsafeRawBufferPointer {
    /// The offset of the first `byte` in `range`, or `range.upperBound` when there is none (a `memchr` underneath).
    @inline(__always)
    func firstOffset(of byte: UInt8, in range: Range<Int>) -> Int {
        guard let base = baseAddress, !range.isEmpty else { return range.upperBound }
        guard let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return range.upperBound }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}
