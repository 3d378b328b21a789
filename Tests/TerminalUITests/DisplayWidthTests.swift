import Testing

@testable import TerminalUI

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(
        "scalar widths",
        arguments: [
            (0x41, 1), (0x20, 1), (0x7E, 1), (0x00, 0), (0x1B, 0), (0x7F, 0), (0x85, 0), (0x9B, 0), (0xA0, 1),
            (0xE9, 1), (0x300, 0), (0x301, 0), (0x1100, 2), (0x1160, 0), (0x11A8, 0), (0x2E80, 2), (0x3000, 2),
            (0x3042, 2), (0x3099, 0), (0x3400, 2), (0x4E00, 2), (0x9FFF, 2), (0xAC00, 2), (0xD7A3, 2),
            (0xD7B0, 0), (0xF900, 2), (0xFE0F, 0), (0xFE0E, 0), (0xFF01, 2), (0xFF61, 1), (0xFFE0, 2),
            (0x200B, 0), (0x200D, 0), (0x2028, 0), (0xAD, 1), (0x231A, 2), (0x2764, 1), (0x263A, 1),
            (0x1F1E6, 2), (0x1F300, 2), (0x1F600, 2), (0x1F64F, 2), (0x1F680, 2), (0x1F90C, 2), (0x1FAE8, 2),
            (0x1F3FB, 2), (0x20000, 2), (0x2A6DF, 2), (0x30000, 2), (0xE0041, 0), (0xE0100, 0), (0x10FFFF, 1),
        ]
    )
    func scalarWidth(value: UInt32, expected: Int) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test(
        "character widths",
        arguments: [
            ("a", 1), ("é", 1), ("e\u{301}", 1), ("a\u{301}\u{302}\u{303}", 1), ("中", 2), ("文", 2),
            ("한", 2), ("\u{1100}\u{1161}\u{11A8}", 2), ("あ", 2), ("ア", 2), ("ｱ", 1), ("Ａ", 2), ("😀", 2),
            ("👍🏽", 2), ("🇫🇷", 2), ("🇯🇵", 2), ("👨‍👩‍👧‍👦", 2), ("👩‍💻", 2), ("🏳️‍🌈", 2), ("❤", 1), ("❤️", 2),
            ("☺️", 2), ("1️⃣", 2), ("#️⃣", 2), ("👁️‍🗨️", 2), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2), ("⌚", 2), ("𠀀", 2), ("Ω", 1),
            ("\u{200B}", 0), ("\u{200D}", 0), ("\u{0}", 0),
        ] as [(Character, Int)]
    )
    func characterWidth(character: Character, expected: Int) {
        #expect(DisplayWidth.of(character) == expected)
    }

    @Test(
        "string widths",
        arguments: [
            ("Hello, 世界!", 12), ("", 0), ("日本語のテキスト", 16), ("한국어", 6), ("👍🏽👍🏽", 4), ("🇫🇷🇩🇪🇯🇵", 6),
            ("🇫🇷🇩", 4), ("cafe\u{301} ☕", 7), ("ｶﾀｶﾅ", 4), ("ＡＢＣ", 6), ("a\u{200D}b", 2),
        ]
    )
    func stringWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test("tables are sorted, non-overlapping pairs that do not overlap each other")
    func tablesAreWellFormed() {
        for table in [DisplayWidth.zeroWidthRanges, DisplayWidth.wideRanges] {
            #expect(table.count % 2 == 0)
            for index in stride(from: 0, to: table.count, by: 2) {
                #expect(table[index] <= table[index + 1])
                if index >= 2 {
                    #expect(table[index - 1] < table[index])
                }
            }
        }
        // No scalar is in both tables, so `nonASCIIWidth` may search them in either order.
        var ranges: [ClosedRange<UInt32>] = []
        for table in [DisplayWidth.zeroWidthRanges, DisplayWidth.wideRanges] {
            for index in stride(from: 0, to: table.count, by: 2) { ranges.append(table[index]...table[index + 1]) }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        for index in ranges.indices.dropFirst() {
            #expect(ranges[index - 1].upperBound < ranges[index].lowerBound)
        }
        for index in stride(from: 0, to: DisplayWidth.zeroWidthRanges.count, by: 2) {
            #expect(DisplayWidth.nonASCIIWidth(DisplayWidth.zeroWidthRanges[index]) == 0)
            #expect(DisplayWidth.nonASCIIWidth(DisplayWidth.zeroWidthRanges[index + 1]) == 0)
        }
        for index in stride(from: 0, to: DisplayWidth.wideRanges.count, by: 2) {
            let first = DisplayWidth.wideRanges[index]
            #expect(DisplayWidth.nonASCIIWidth(first) == 2)
            #expect(DisplayWidth.nonASCIIWidth(DisplayWidth.wideRanges[index + 1]) == 2)
        }
    }

    @Test("the wide ranges tested before the search are whole entries of the wide table")
    func commonWideRangesAreTableEntries() {
        let table = DisplayWidth.wideRanges
        let entries = stride(from: 0, to: table.count, by: 2).map { table[$0]...table[$0 + 1] }
        let common = DisplayWidth.commonWideRanges
        for range in [common.0, common.1, common.2, common.3] {
            #expect(entries.contains(range), "\(range)")
        }
    }

    @Test("the tracker keeps a cluster split across deltas together")
    func trackerAcrossDeltas() {
        var tracker = GraphemeWidthTracker()
        let heart = tracker.measure("\u{2764}")
        let selector = tracker.measure("\u{FE0F}")
        #expect(heart == .init(cells: 1, extendsCluster: false))
        #expect(selector == .init(cells: 1, extendsCluster: true))
        let first = tracker.measure("\u{1F1EB}")
        let second = tracker.measure("\u{1F1F7}")
        let third = tracker.measure("\u{1F1E9}")
        #expect(first.cells == 2 && !first.extendsCluster)
        #expect(second.cells == 0 && second.extendsCluster)
        #expect(third.cells == 2 && !third.extendsCluster)
    }
}
