import TestSupport
import Testing

@testable import TerminalUI

/// A held table's rows read row by row (`TableCells.direct`: cells split with the parser's own rules, only cells
/// with markup parsed inline) against the rows parsed whole by `MarkdownParser` (`TableCells.parsed`, what every
/// table went through before): the same layout, byte for byte, at every width.
@Suite("TableCells: rows read directly lay out as the whole parser reads them")
struct TableCellsTests {
    static let tokens = [
        "a", "word", "two words", " ", "  ", "\t", "|", "|", "|", "\\|", "\\", "`", "`code`", "*", "**b**", "_",
        "~~s~~",
        "[", "]", "[l](u)", "!", "![i](s)", "<", "<https://a.b>", "&", "&amp;", "&#35;", "www.x.com", "a@b.co",
        "http://x.y/z", ":", "-", "你好", "🦊", "e\u{301}", "averyveryverylongcellthatwraps",
    ]
    static let dashes = ["---", ":--", ":-:", "--:", "-", " --- ", "---", ":--", ":-:", "--:", "-", "-:-", ""]
    static let starts = Array(repeating: "|", count: 40) + [" |", "> |", "    |"]

    /// A row of `cells` cells of random tokens (a token may hold a pipe of its own), maybe ended by a pipe.
    static func row(
        cells: Int,
        of tokens: [String],
        each count: ClosedRange<Int> = 0...3,
        _ generator: inout SeededGenerator
    ) -> [UInt8] {
        let cells = (0..<cells).map { _ in
            (0..<Int.random(in: count, using: &generator)).map { _ in tokens.randomElement(using: &generator)! }
                .joined()
        }
        let end = Bool.random(using: &generator) ? "|" : ""
        return Array((starts.randomElement(using: &generator)! + cells.joined(separator: "|") + end).utf8)
    }

    @Test("2000 random tables: the same bytes from both readings, at widths 12, 30 and 80, colour on and off")
    func randomTables() throws {
        var generator = SeededGenerator(seed: 0x7AB1E)
        var direct = 0
        for _ in 0..<2000 {
            let columns = Int.random(in: 1...4, using: &generator)
            var rows = [
                Self.row(cells: columns, of: Self.tokens, &generator),
                Self.row(
                    cells: columns + [-1, 0, 0, 0, 0, 1].randomElement(using: &generator)!,
                    of: Self.dashes,
                    each: 1...1,
                    &generator
                ),
            ]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                rows.append(Self.row(cells: Int.random(in: 0...5, using: &generator), of: Self.tokens, &generator))
            }
            guard let table = TableCells.direct(rows) else { continue }
            direct += 1
            let parsed = TableCells.parsed(rows)
            for width in [12, 30, 80] {
                #expect(table.plan(width: width) == parsed.plan(width: width), "\(rows)")
                for color in [false, true] {
                    let plan = table.plan(width: width)
                    #expect(
                        table.render(plan, width: width, color: color)
                            == parsed.render(plan, width: width, color: color),
                        "\(rows.map { String(decoding: $0, as: UTF8.self) })"
                    )
                    #expect(
                        table.render(plan, width: width, color: color, continuing: true)
                            == parsed.render(plan, width: width, color: color, continuing: true)
                    )
                }
            }
        }
        #expect(direct > 500)
    }

    @Test("rows of another shape, or a header that does not match its delimiter row, are left to the parser")
    func otherShapes() {
        let rows: [[String]] = [
            ["| a | b |", "|---|"],  // two header cells, one delimiter: a paragraph, no table
            [" | a |", "|---|"],  // indented
            ["> | a |", "> |---|"],  // quoted
            ["| a\u{0} |", "|---|"],  // NUL, which the parser replaces
        ]
        for row in rows { #expect(TableCells.direct(row.map { Array($0.utf8) }) == nil, "\(row)") }
        #expect(TableCells.direct([Array("| a |".utf8), Array("|---|".utf8)]) != nil)
    }
}
