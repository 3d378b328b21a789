/// A language's keywords and type names, looked up by their UTF-8 bytes without making a `String`.
///
/// Open addressing over a power-of-two table with FNV-1a hashes; built once per language, read-only after.
struct WordTable: Sendable {
    private var slots: [Int32]
    private var words: [UInt8] = []
    private var starts: [Int] = [0]
    private var kinds: [CodeTokenKind] = []
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
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0, lowercasing: false) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(kinds.count)
            self.words += bytes
            starts.append(self.words.count)
            kinds.append(kind)
        }
    }

    /// The kind of `word`, or `nil` when the table does not hold it.
    func kind(of word: UnsafeBufferPointer<UInt8>) -> CodeTokenKind? {
        var slot = Self.hash(word, lowercasing: caseInsensitive) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if matches(word, entry: entry) { return kinds[entry] }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ word: UnsafeBufferPointer<UInt8>, entry: Int) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == word.count else { return false }
        for (offset, byte) in word.enumerated() where words[start + offset] != lowered(byte) { return false }
        return true
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
