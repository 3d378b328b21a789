/// The bytes of the word `LineWrapper` holds back (and of the zero-width bytes it keeps for the next word): an array
/// kept at its full length, with the bytes' count beside it, so that adding bytes is one copy and emptying it sets
/// the count (`Array.append(contentsOf:)` and `removeAll(keepingCapacity:)` cost more than the few bytes they move,
/// once or twice per word of prose). Spaces stand before the bytes (`slack`), so the spaces pending before the word
/// and the word go out in one append.
///
/// ```
///  storage: ␠␠␠␠␠␠␠␠ b r o w n · · ·     the word "brown", count 5
///           └ slack ┘ └ count ┘
///  write(after: 1): " brown" appended to the output at once
/// ```
struct WordBuffer: Sendable {
    /// How many spaces stand before the bytes: pending spaces up to this many go out with the word in one append.
    static let slack = 8

    /// `slack` spaces, then the word's bytes, then unused bytes (the array's length only grows).
    private var storage: [UInt8] = []
    /// How many bytes the word has.
    private(set) var count = 0

    /// Whether the buffer holds no byte.
    var isEmpty: Bool { count == 0 }

    /// Adds one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        let end = Self.slack + count
        if end < storage.count {
            storage[end] = byte
        } else {
            grow(to: end + 1)
            storage[end] = byte
        }
        count += 1
    }

    /// Adds the UTF-8 of `scalar` (one write to the storage, not one per byte).
    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        let end = Self.slack + count
        if end + 4 > storage.count { grow(to: end + 4) }
        count += storage.withUnsafeMutableBufferPointer { target in
            var index = end
            UTF8.encode(scalar) { byte in
                target[index] = byte
                index += 1
            }
            return index - end
        }
    }

    /// Adds `bytes`.
    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let end = Self.slack + count
        if end + bytes.count > storage.count { grow(to: end + bytes.count) }
        storage.withUnsafeMutableBufferPointer { target in
            (target.baseAddress! + end).update(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    /// Empties the buffer, keeping its storage.
    @inline(__always)
    mutating func removeAll() {
        count = 0
    }

    /// Appends `spaces` spaces and then the bytes to `output`: one append when there are at most `slack` spaces.
    @inline(__always)
    func write(after spaces: Int, to output: inout [UInt8]) {
        guard count > 0 else {
            for _ in 0..<spaces { output.append(0x20) }
            return
        }
        storage.withUnsafeBufferPointer { stored in
            if spaces <= Self.slack {
                output.append(
                    contentsOf: UnsafeBufferPointer(rebasing: stored[(Self.slack - spaces)..<(Self.slack + count)])
                )
            } else {
                output.append(contentsOf: repeatElement(0x20, count: spaces))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: stored[Self.slack..<(Self.slack + count)]))
            }
        }
    }

    /// Calls `body` with the bytes, lent.
    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard count > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try storage.withUnsafeBufferPointer { stored in
            try body(UnsafeBufferPointer(rebasing: stored[Self.slack..<(Self.slack + count)]))
        }
    }

    /// Lengthens `storage` to at least `length` bytes (twice as long at least), the slack spaces first.
    @inline(never)
    private mutating func grow(to length: Int) {
        if storage.isEmpty { storage = Array(repeating: 0x20, count: Self.slack) }
        let added = max(length - storage.count, storage.count)
        storage.append(contentsOf: repeatElement(0, count: added))
    }
}
