extension UnsafeMutablePointer<UInt8> {
    /// Copies `bytes` here (uninitialised memory, not overlapping them): up to 16 bytes — a style sequence, a
    /// separator, a word — by two loads and two stores that may overlap, not a `memcpy` call; longer ones by one.
    /// - Parameter bytes: The bytes to copy.
    @inline(__always)
    func initialize(shortCopyOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let count = bytes.count
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(self)
        if count >= 8, count <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4, count < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else if count < 4 {
            for offset in 0..<count { self[offset] = source[offset] }
        } else {
            initialize(from: source, count: count)
        }
    }
}
