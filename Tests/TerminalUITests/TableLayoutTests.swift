import Testing

@testable import TerminalUI

@Suite("TableLayout: a complete table laid out by display width")
struct TableLayoutTests {
    static let table = TableLayout(
        header: ["Name", "Age", "City"],
        alignments: [.left, .right, .center],
        rows: [["Bob", "42", "Paris"], ["李小龙", "32", "香港"], ["Zoë 🦊", "7"]]
    )

    /// Rows of the rendered table with SGR sequences removed.
    static func plainRows(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var out = ""
        var escape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" {
                escape = true
            } else if escape {
                if scalar == "m" { escape = false }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test("a table that fits: natural widths, alignment, CJK and emoji counted as two cells")
    func natural() {
        let rows = Self.plainRows(Self.table.render(width: 80, color: false))
        #expect(
            rows == [
                "Name   │ Age │ City",
                "───────┼─────┼──────",
                "Bob    │  42 │ Paris",
                "李小龙 │  32 │ 香港",
                "Zoë 🦊 │   7 │",
            ]
        )
    }

    @Test("no row is wider than the terminal, at any width", arguments: Array(4...40))
    func neverTooWide(width: Int) {
        let wide = TableLayout(
            header: ["Feature", "Description", "Status"],
            alignments: [.left, .left, .center],
            rows: [
                ["Streaming", "Tokens are written the moment they arrive, append-only", "✅ done"],
                ["表格", "按显示宽度排版的表格，包括中文和表情符号 🎉", "进行中"],
            ]
        )
        let text = wide.render(width: width, color: true)
        for row in Self.plainRows(text) {
            #expect(DisplayWidth.of(row) <= width, "width \(width): \(row)")
        }
        #expect(!Self.plainRows(text).isEmpty)
    }

    @Test("a table too wide shrinks its widest columns and wraps their cells at spaces")
    func wraps() {
        let table = TableLayout(
            header: ["Key", "Meaning"],
            alignments: [.left, .left],
            rows: [["a", "the first letter of the alphabet"]]
        )
        let rows = Self.plainRows(table.render(width: 20, color: false))
        #expect(
            rows == [
                "Key │ Meaning", "────┼───────────────", "a   │ the first", "    │ letter of the", "    │ alphabet",
            ]
        )
    }

    @Test("when even narrow columns do not fit, rows become records")
    func records() {
        let rows = Self.plainRows(Self.table.render(width: 12, color: false))
        #expect(rows.prefix(4) == ["Name: Bob", "Age: 42", "City: Paris", "───"])
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 12 })
    }

    @Test("colour: a bold header and a dim rule; without colour no escape at all")
    func styles() {
        let colored = TableLayout(header: ["A"], alignments: [.left], rows: [["x"]]).render(width: 20, color: true)
        #expect(String(decoding: colored, as: UTF8.self).hasPrefix("\u{1B}[1mA\u{1B}[22m\n\u{1B}[2m"))
        #expect(!Self.table.render(width: 80, color: false).contains(0x1B))
    }

    @Test("renderWhole, on one layout refilled table after table, writes what render(plan(width:)) writes")
    func renderWholeKeepsStorage() {
        var kept = TableLayout(alignments: [])
        for (index, columns) in [3, 1, 5, 2, 5, 4].enumerated() {
            kept.removeAll()
            kept.alignments = Array([.left, .right, .center].prefix(columns))
            for row in 0..<3 {
                for column in 0..<columns {
                    let cell = Array(String(repeating: "w", count: 1 + (row * 7 + column * 3 + index) % 9).utf8)
                    cell.withUnsafeBufferPointer { kept.appendCell($0) }
                }
                kept.endRow()
            }
            for width in [12, 40, 80] {
                for color in [false, true] {
                    let plan = kept.plan(width: width)
                    var expected: [UInt8] = []
                    kept.render(plan, width: width, color: color, into: &expected)
                    var actual: [UInt8] = []
                    kept.renderWhole(width: width, color: color, into: &actual)
                    #expect(actual == expected, "\(columns) columns, width \(width)")
                }
            }
        }
    }
}
