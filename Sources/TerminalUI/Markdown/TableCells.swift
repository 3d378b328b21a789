import Markdown

/// A held table's rows read as `MarkdownParser` reads them, into a `TableLayout` of plain-text cells.
///
/// ```
///  "| `--fast` | off |"   cells split by `TableRowSyntax` ─►  `--fast` (parsed: markup)  ·  off (as it is)
///  "|:--|--:|"            alignments                     ─►  left, right
///  " | a |", "> | b |"    any other row shape            ─►  the rows parsed whole by `MarkdownParser`
/// ```
/// Rows that start with `|` and hold no control character but tab (the common case) are split here with the
/// parser's own cell and delimiter-row rules, and only cells with a markup character go through the inline parser;
/// a cell's inlines are flattened to their text (code spans too; styles and link targets dropped) and sanitised.
/// Any other rows (indented, quoted, a header whose cells do not match the delimiter row) go through the whole
/// parser, which decides what they are; when it finds no table, the rows are split at every `|`.
enum TableCells {
    /// The table the rows make: the header, the delimiter row, then the body rows.
    /// - Parameter rows: The rows' UTF-8, without line endings.
    /// - Returns: The table, its cells as plain text.
    static func layout(of rows: [[UInt8]]) -> TableLayout {
        direct(rows) ?? parsed(rows)
    }

    /// The table read row by row, or `nil` when a row is not of the common shape (then `parsed` decides).
    static func direct(_ rows: [[UInt8]]) -> TableLayout? {
        guard rows.count >= 2, rows.allSatisfy(isPlain) else { return nil }
        let header = TableRowSyntax.cells(rows[0][...])
        guard let alignments = TableRowSyntax.delimiterRow(rows[1][...]), alignments.count == header.count else {
            return nil
        }
        var table = TableLayout(alignments: alignments.map(alignment))
        var reader = CellReader()
        for (index, row) in rows.enumerated() where index != 1 {
            let cells = index == 0 ? header : TableRowSyntax.cells(row[...])
            for cell in cells.prefix(alignments.count) { reader.append(row[cell], to: &table) }
            table.endRow()
        }
        return table
    }

    /// A row the parser reads as a table row wherever it is: it starts with `|` (no indentation, no quote marker)
    /// and has no line ending, NUL or other control but tab.
    private static func isPlain(_ row: [UInt8]) -> Bool {
        row.first == UInt8(ascii: "|") && !row.contains { $0 < 0x20 && $0 != 0x09 }
    }

    /// Reads cells into a table: as they are when they have no markup, otherwise through the inline parser.
    private struct CellReader {
        private var parser: TableRowSyntax.CellParser?
        private var text: [UInt8] = []

        mutating func append(_ cell: ArraySlice<UInt8>, to table: inout TableLayout) {
            guard TableRowSyntax.hasMarkup(cell) else {
                TableCells.append(sanitized: cell, to: &table)
                return
            }
            var parser = self.parser ?? TableRowSyntax.CellParser()
            text.removeAll(keepingCapacity: true)
            TableRowSyntax.inlines(of: cell, using: &parser) { TableCells.flatten($0, into: &text) }
            self.parser = parser
            TableCells.append(sanitized: text[...], to: &table)
        }
    }

    /// Adds a cell's plain text to the row being added, sanitised to one line.
    private static func append(sanitized cell: ArraySlice<UInt8>, to table: inout TableLayout) {
        if cell.allSatisfy(\.isPrintableASCII) {
            cell.withUnsafeBufferPointer { table.appendCell($0) }
            return
        }
        var text = TerminalSanitizer.singleLine(String(decoding: cell, as: UTF8.self))
        text.withUTF8 { table.appendCell($0) }
    }

    /// The rows parsed whole by `MarkdownParser`, the first table it reports; or, when it reports none, the rows
    /// split at every `|`, with no alignment.
    static func parsed(_ rows: [[UInt8]]) -> TableLayout {
        var parser = MarkdownParser()
        var events: [MarkdownEvent] = []
        parser.feed(String(decoding: Array(rows.joined(separator: [0x0A])), as: UTF8.self) + "\n", into: &events)
        parser.finish(into: &events)
        for event in events {
            guard case .table(let table) = event else { continue }
            var layout = TableLayout(alignments: table.alignments.map(alignment))
            var text: [UInt8] = []
            for row in [table.header] + table.rows {
                for cell in row {
                    text.removeAll(keepingCapacity: true)
                    for inline in cell { flatten(inline, into: &text) }
                    append(sanitized: text[...], to: &layout)
                }
                layout.endRow()
            }
            return layout
        }
        let cells = rows.map {
            String(decoding: $0, as: UTF8.self).split(separator: "|").map {
                TerminalSanitizer.singleLine(String($0)).trimmingSpaces
            }
        }
        return TableLayout(header: cells.first ?? [], alignments: [], rows: Array(cells.dropFirst(2)))
    }

    private static func alignment(_ alignment: MarkdownTable.Alignment) -> TableLayout.Alignment {
        switch alignment {
        case .center: .center
        case .right: .right
        case .left, .none: .left
        }
    }

    /// Adds an inline's text to a cell's plain text: text and code as they are, a line break as a space, styles and
    /// links dropped.
    private static func flatten(_ inline: MarkdownInline, into text: inout [UInt8]) {
        switch inline {
        case .text(let value), .code(let value): text += value.utf8
        case .softBreak, .hardBreak: text.append(0x20)
        case .open, .close: break
        }
    }
}
