/// A language's keywords and type names, looked up by their UTF-8 bytes without making a `String`.
///
/// Open addressing over a power-of-two table with FNV-1a hashes; built once per language, read-only after. A slot
/// keeps its word's hash and length, so a word that is not in the table is mostly told apart without reading bytes.
struct WordTable: Sendable {
    /// One word: its hash, where its bytes are in `words`, its length and kind.
    private struct Entry: Sendable {
        var hash: Int
        var start: Int32
        var count: Int32
        var kind: CodeTokenKind
    }

    /// Each slot's index in `entries`, or -1 for an empty slot.
    private var slots: [Int32]
    private var entries: [Entry] = []
    private var words: [UInt8] = []
    private let mask: Int
    /// Words are stored, and looked up, in lower case.
    private let caseInsensitive: Bool

    /// A table of `words` (lower-cased first when `caseInsensitive`).
    init(_ words: [String: CodeTokenKind], caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
        var size = 16
        while size < words.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for (word, kind) in words {
            let bytes = Array((caseInsensitive ? word.lowercased() : word).utf8)
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0, lowercasing: false) }
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entries.count)
            entries.append(Entry(hash: hash, start: Int32(self.words.count), count: Int32(bytes.count), kind: kind))
            self.words += bytes
        }
    }

    /// The kind of `word`, or `nil` when the table does not hold it.
    func kind(of word: UnsafeBufferPointer<UInt8>) -> CodeTokenKind? {
        let hash = Self.hash(word, lowercasing: caseInsensitive)
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                var slot = hash & mask
                while true {
                    let index = Int(slots[slot])
                    if index < 0 { return nil }
                    let entry = entries[index]
                    if entry.hash == hash, Int(entry.count) == word.count, matches(word, at: Int(entry.start)) {
                        return entry.kind
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Whether `word` is the word stored from `start` (of its length).
    private func matches(_ word: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        words.withUnsafeBufferPointer { words in
            for offset in 0..<word.count where words[start + offset] != lowered(word[offset]) { return false }
            return true
        }
    }

    @inline(__always)
    private func lowered(_ byte: UInt8) -> UInt8 {
        caseInsensitive && ASCII.isUppercase(byte) ? byte | 0x20 : byte
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        // Two loops, so that a case-sensitive table (most) tests no case per byte.
        if lowercasing {
            for byte in word { hash = (hash ^ UInt64(ASCII.isUppercase(byte) ? byte | 0x20 : byte)) &* 0x100_0000_01B3 }
        } else {
            for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
