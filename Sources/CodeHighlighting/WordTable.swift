/// A language's keywords and type names, looked up by their UTF-8 bytes without making a `String`.
///
/// Open addressing over a power-of-two table, each word hashed and compared 8 bytes at a time; built once per
/// language, read-only after. A slot keeps its word's hash and length, so a word that is not in the table is mostly
/// told apart without reading bytes.
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

    /// Whether `word` is the word stored from `start` (of its length), compared chunk by chunk.
    private func matches(_ word: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        words.withUnsafeBufferPointer { words in
            let stored = UnsafeBufferPointer(rebasing: words[start..<(start + word.count)])
            for index in 0..<Self.chunkCount(word.count)
            where Self.chunk(word, index, lowercasing: caseInsensitive) != Self.chunk(stored, index, lowercasing: false)
            {
                return false
            }
            return true
        }
    }

    /// The word's chunks (`chunk`) mixed by multiplication, 8 bytes at a time rather than one.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Int {
        var hash = UInt64(truncatingIfNeeded: word.count) &* 0x9E37_79B9_7F4A_7C15
        for index in 0..<chunkCount(word.count) {
            hash = (hash ^ chunk(word, index, lowercasing: lowercasing)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// How many chunks a word of `count` bytes is read as.
    @inline(__always)
    private static func chunkCount(_ count: Int) -> Int {
        count >= 8 ? (count + 7) / 8 : count > 0 ? 1 : 0
    }

    /// Chunk `index` of a word, as 8 bytes (lower-cased when asked): from 8 bytes on, its bytes 8 at a time, the last
    /// chunk the word's last 8 (overlapping the one before); from 4 bytes, its first and last 4; below, its first,
    /// middle and last byte. Every byte is in some chunk, at the same place for every word of that length, so two
    /// words of one length are equal when their chunks are.
    @inline(__always)
    private static func chunk(_ word: UnsafeBufferPointer<UInt8>, _ index: Int, lowercasing: Bool) -> UInt64 {
        let count = word.count
        guard let base = word.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let value: UInt64
        if count >= 8 {
            value = raw.loadUnaligned(fromByteOffset: min(8 * index, count - 8), as: UInt64.self)
        } else if count >= 4 {
            value =
                UInt64(raw.loadUnaligned(as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
        } else {
            value = UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16
        }
        return lowercasing ? lowercased(value) : value
    }

    /// Eight bytes with each of `A`–`Z` made lower case (any other byte, ASCII or not, unchanged).
    @inline(__always)
    private static func lowercased(_ value: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = value & (0x7F &* ones)  // no carry between bytes below
        let atLeastA = low &+ (0x80 - 0x41) &* ones  // high bit set from 0x41 on
        let pastZ = low &+ (0x80 - 0x5B) &* ones  // high bit set from 0x5B on
        let upper = atLeastA & ~pastZ & ~value & (0x80 &* ones)
        return value | (upper >> 2)
    }
}
