import TestSupport
import Testing

@testable import CodeHighlighting

/// `WordTable` (keys packed into 64-bit words) against the table it replaced (FNV-1a over the bytes, compared byte
/// by byte), kept here as the oracle: the same kind, or none, for every language's keywords, types and string
/// prefixes in any case, and for random words near them (prefixes, extensions, one byte changed, non-ASCII, long).
@Suite("WordTable: the same kinds as the byte-by-byte table it replaced")
struct WordTableOracleTests {
    static let syntaxes: [(String, CLikeSyntax)] = [
        ("swift", .swift), ("python", .python), ("javaScript", .javaScript), ("rust", .rust), ("go", .go),
        ("c", .c), ("java", .java), ("shell", .shell), ("sql", .sql), ("css", .css), ("json", .json),
    ]

    @Test("keywords, types and random words near them, every C-like language")
    func sameKinds() {
        var generator = SeededGenerator(seed: 0x5EED_7AB1E)
        for (name, syntax) in Self.syntaxes {
            var kinds: [String: CodeTokenKind] = [:]
            for type in syntax.types { kinds[type] = .type }
            for keyword in syntax.keywords { kinds[keyword] = .keyword }
            let oracle = OracleWordTable(kinds, caseInsensitive: syntax.caseInsensitive)
            let table = WordTable(kinds, caseInsensitive: syntax.caseInsensitive)
            var words = Array(syntax.keywords.union(syntax.types).union(syntax.stringPrefixes))
            words += ["", "a", "_", "x1", "ĉu", "变量", "averyveryverylongidentifierindeed_0123456789"]
            for word in Array(words) {
                words += [
                    word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), String(word.dropLast()),
                    word + "s", "_" + word,
                ]
                var bytes = Array(word.utf8)
                if !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
                        in: 0...255,
                        using: &generator
                    )
                    words.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            var checked: [[UInt8]] = words.map { Array($0.utf8) }
            for _ in 0..<20_000 {
                let alphabet = Array("aAbcdeEfFgiIlLmnNoOprRsStTuUvwxyY_019é".utf8)
                let length = Int.random(in: 1...26, using: &generator)
                checked.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            }
            for bytes in checked {
                bytes.withUnsafeBufferPointer { word in
                    #expect(
                        table.kind(of: word) == oracle.kind(of: word),
                        "\(name): \(String(decoding: word, as: UTF8.self).debugDescription)"
                    )
                }
            }
        }
    }
}

/// The word table before its keys were packed: open addressing with FNV-1a hashes, words compared byte by byte.
private struct OracleWordTable {
    private var slots: [Int32]
    private var words: [UInt8] = []
    private var starts: [Int] = [0]
    private var kinds: [CodeTokenKind] = []
    private let mask: Int
    private let caseInsensitive: Bool

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

    private func lowered(_ byte: UInt8) -> UInt8 {
        caseInsensitive && ASCII.isUppercase(byte) ? byte | 0x20 : byte
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(lowercasing && ASCII.isUppercase(byte) ? byte | 0x20 : byte)) &* 0x100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
