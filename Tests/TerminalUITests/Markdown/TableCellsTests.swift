import Markdown
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
        "http://x.y/z", ":", "-", "你好", "🦊", "e\u{301}", "averyveryverylongcellthatwraps", "`--fast`", "` a `",
        "`  `", "` b`", "`*x* \\`", "`[l](u)`", "`",
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
        var reader = TableCells.Reader()
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
            var held = TableCells.Rows()
            for row in rows { held.append(utf8: row) }
            guard let table = TableCells.direct(held, reader: &reader) else { continue }
            direct += 1
            let parsed = TableCells.parsed(held)
            for width in [12, 30, 80] {
                #expect(table.plan(width: width) == parsed.plan(width: width), "\(rows)")
                for color in [false, true] {
                    let plan = table.plan(width: width)
                    for continuing in [false, true] {
                        var read: [UInt8] = []
                        var whole: [UInt8] = []
                        table.render(plan, width: width, color: color, continuing: continuing, into: &read)
                        parsed.render(plan, width: width, color: color, continuing: continuing, into: &whole)
                        #expect(read == whole, "\(rows.map { String(decoding: $0, as: UTF8.self) })")
                    }
                }
            }
        }
        #expect(direct > 500)
    }

    @Test("a held row is a delimiter row exactly when its pipe-separated, trimmed cells are dashes and colons")
    func delimiterRows() {
        /// The definition, as `split` says it: outer spaces trimmed, empty pieces between pipes skipped.
        func reference(_ row: [UInt8]) -> Bool {
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            var bytes = row[...]
            while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
            while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
            let cells = bytes.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: true)
            return !cells.isEmpty
                && cells.allSatisfy { cell in
                    var cell = cell
                    while let first = cell.first, isSpace(first) { cell = cell.dropFirst() }
                    while let last = cell.last, isSpace(last) { cell = cell.dropLast() }
                    return cell.contains(UInt8(ascii: "-")) && cell.allSatisfy { $0 == 0x2D || $0 == 0x3A }
                }
        }
        let alphabet = Array("|-: \tx".utf8)
        var generator = SeededGenerator(seed: 0xDE11)
        var delimiters = 0
        for _ in 0..<20_000 {
            let row = (0..<Int.random(in: 0...9, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let expected = reference(row)
            #expect(TableBuffer.isDelimiterRow(row[...]) == expected, "\(String(decoding: row, as: UTF8.self))")
            if expected { delimiters += 1 }
        }
        #expect(delimiters > 1000)
    }

    @Test("a cell that is one code span gives without parsing the text the inline parser gives (or is parsed)")
    func codeSpanCells() {
        let alphabet = Array("`` a*_\\|[]<&!~x\t".utf8) + [0xC3, 0xA9]
        var generator = SeededGenerator(seed: 0xC0DE)
        var parser = TableRowSyntax.CellParser()
        var taken = 0
        for _ in 0..<20_000 {
            let body = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let cell = [UInt8(ascii: "`")] + body + [UInt8(ascii: "`")]
            guard let text = cell.withUnsafeBufferPointer({ cell in TableCells.codeSpan(cell).map { Array(cell[$0]) } })
            else { continue }
            taken += 1
            var inlines: [MarkdownInline] = []
            TableRowSyntax.inlines(of: cell[...], using: &parser) { inlines.append($0) }
            #expect(
                inlines == [.code(String(decoding: text, as: UTF8.self))],
                "\(String(decoding: cell, as: UTF8.self))"
            )
        }
        #expect(taken > 1000)
        #expect(Array("`a` b".utf8).withUnsafeBufferPointer(TableCells.codeSpan) == nil)
        #expect(Array("``a``".utf8).withUnsafeBufferPointer(TableCells.codeSpan) == nil)
    }

    @Test("rows of another shape, or a header that does not match its delimiter row, are left to the parser")
    func otherShapes() {
        let rows: [[String]] = [
            ["| a | b |", "|---|"],  // two header cells, one delimiter: a paragraph, no table
            [" | a |", "|---|"],  // indented
            ["> | a |", "> |---|"],  // quoted
            ["| a\u{0} |", "|---|"],  // NUL, which the parser replaces
        ]
        var reader = TableCells.Reader()
        func held(_ rows: [String]) -> TableCells.Rows {
            var held = TableCells.Rows()
            for row in rows { held.append(utf8: row.utf8) }
            return held
        }
        for row in rows { #expect(TableCells.direct(held(row), reader: &reader) == nil, "\(row)") }
        #expect(TableCells.direct(held(["| a |", "|---|"]), reader: &reader) != nil)
    }
}
