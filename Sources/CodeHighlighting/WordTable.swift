/// A language's keywords and type names, looked up by their UTF-8 bytes without making a `String`.
///
/// A word of up to 24 bytes is read once into three 64-bit keys (lower-cased first when the table is case
/// insensitive); the keys pick a slot of a power-of-two table by a multiplicative hash, and a slot matches when its
/// length and keys are equal: no byte-by-byte comparison. Built once per language, read-only after.
struct WordTable: Sendable {
    /// A word's length and bytes packed into keys, and its kind (`length == 0`: an empty slot).
    private struct Slot: Sendable {
        var key0: UInt64 = 0
        var key1: UInt64 = 0
        var key2: UInt64 = 0
        var length = 0
        var kind = CodeTokenKind.plain
    }

    /// The longest word a table can hold (longer words are never found).
    static let maximumLength = 24

    private var slots: [Slot]
    private let mask: Int
    /// Words are stored, and looked up, in lower case.
    private let caseInsensitive: Bool

    /// A table of `words` (lower-cased first when `caseInsensitive`).
    init(_ words: [String: CodeTokenKind], caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
        var size = 16
        while size < words.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: Slot(), count: size)
        for (word, kind) in words {
            let bytes = Array((caseInsensitive ? word.lowercased() : word).utf8)
            precondition(!bytes.isEmpty && bytes.count <= Self.maximumLength, "keyword length: \(word)")
            var slot = bytes.withUnsafeBufferPointer { Self.slot(for: $0, lowercasing: false) }
            var index = slot.hash & mask
            while slots[index].length != 0 { index = (index + 1) & mask }
            slot.entry.kind = kind
            slots[index] = slot.entry
        }
    }

    /// The kind of `word`, or `nil` when the table does not hold it.
    @inline(__always)
    func kind(of word: UnsafeBufferPointer<UInt8>) -> CodeTokenKind? {
        guard !word.isEmpty, word.count <= Self.maximumLength else { return nil }
        let (wanted, hash) = Self.slot(for: word, lowercasing: caseInsensitive)
        return slots.withUnsafeBufferPointer { slots in
            var index = hash & mask
            while true {
                let slot = slots[index]
                if slot.length == 0 { return nil }
                if slot.length == wanted.length, slot.key0 == wanted.key0, slot.key1 == wanted.key1,
                    slot.key2 == wanted.key2
                {
                    return slot.kind
                }
                index = (index + 1) & mask
            }
        }
    }

    /// `word` (1 to 24 bytes) packed into a slot's keys, and its hash.
    @inline(__always)
    private static func slot(
        for word: UnsafeBufferPointer<UInt8>,
        lowercasing: Bool
    ) -> (entry: Slot, hash: Int) {
        var keys: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = word.count
        var offset = 0
        while offset < min(count, 8) {
            keys.0 |= UInt64(word[offset]) << UInt64(offset * 8)
            offset += 1
        }
        while offset < min(count, 16) {
            keys.1 |= UInt64(word[offset]) << UInt64((offset - 8) * 8)
            offset += 1
        }
        while offset < count {
            keys.2 |= UInt64(word[offset]) << UInt64((offset - 16) * 8)
            offset += 1
        }
        if lowercasing { keys = (lowered(keys.0), lowered(keys.1), lowered(keys.2)) }
        var hash = (keys.0 ^ UInt64(word.count)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= keys.1 &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= keys.2 &* 0x1656_67B1_9E37_79F9
        let entry = Slot(key0: keys.0, key1: keys.1, key2: keys.2, length: word.count)
        return (entry, Int(truncatingIfNeeded: hash >> 32))
    }

    /// Eight bytes with `A`–`Z` turned into `a`–`z` (other bytes, non-ASCII too, unchanged).
    @inline(__always)
    private static func lowered(_ bytes: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        let seven = bytes & ~high
        // Per byte: the top bit set when the low seven bits are at least `A`, and when they are beyond `Z`.
        let atLeastA = (seven &+ ones &* (0x80 - 0x41)) & high
        let beyondZ = (seven &+ ones &* (0x80 - 0x5B)) & high
        let upper = atLeastA & ~beyondZ & ~bytes & high
        return bytes | (upper >> 2)
    }
}
