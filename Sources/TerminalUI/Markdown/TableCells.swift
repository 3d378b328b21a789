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
    /// A table's rows as UTF-8, one after another, without line endings.
    struct Rows: Sendable {
        private var bytes: [UInt8] = []
        /// Where each row ends in `bytes`.
        private var ends: [Int] = []

        /// The rows' bytes in all.
        var byteCount: Int { bytes.count }

        /// Creates no rows.
        init() {}

        /// The number of rows.
        var count: Int { ends.count }
        /// Whether there are no rows.
        var isEmpty: Bool { ends.isEmpty }

        /// The row at `index`.
        subscript(index: Int) -> ArraySlice<UInt8> {
            bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
        }

        /// Calls `body` with the rows' bytes and where each row ends in them (read in place).
        func withRows<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) -> Result) -> Result {
            bytes.withUnsafeBufferPointer { bytes in ends.withUnsafeBufferPointer { body(bytes, $0) } }
        }

        /// Adds a row given as UTF-8.
        mutating func append(utf8 row: some Collection<UInt8>) {
            bytes.append(contentsOf: row)
            ends.append(bytes.count)
        }

        /// Removes the last row.
        mutating func removeLast() {
            ends.removeLast()
            bytes.removeSubrange((ends.last ?? 0)...)
        }

        /// Keeps only the first `count` rows.
        mutating func keepFirst(_ count: Int) {
            while ends.count > count { removeLast() }
        }

        /// Removes every row, keeping the storage.
        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }

        /// The rows joined by line feeds, as text.
        var text: String {
            var joined: [UInt8] = []
            for index in 0..<count {
                if index > 0 { joined.append(0x0A) }
                joined += self[index]
            }
            return String(decoding: joined, as: UTF8.self)
        }
    }

    /// The table the rows make: the header, the delimiter row, then the body rows.
    /// - Parameters:
    ///   - rows: The rows.
    ///   - reader: The storage reading cells uses, kept from table to table.
    /// - Returns: The table, its cells as plain text.
    static func layout(of rows: Rows, reader: inout Reader) -> TableLayout {
        direct(rows, reader: &reader) ?? parsed(rows)
    }

    /// Lays out the rows (`layout(of:reader:)`) for `body`, then keeps the layout's storage in `reader` for the
    /// next table.
    static func withLayout<Result>(
        of rows: Rows,
        reader: inout Reader,
        _ body: (inout TableLayout) -> Result
    ) -> Result {
        var table = layout(of: rows, reader: &reader)
        defer { reader.keep(table) }
        return body(&table)
    }

    /// The table read row by row, or `nil` when a row is not of the common shape (then `parsed` decides). The rows
    /// are read in place, each split once, into the storage `reader` keeps from table to table.
    static func direct(_ rows: Rows, reader: inout Reader) -> TableLayout? {
        guard rows.count >= 2 else { return nil }
        return rows.withRows { bytes, ends in
            func row(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
            }
            for index in 0..<ends.count where !isPlain(row(index)) { return nil }
            var cells = reader.takeCells()
            var alignments = reader.takeAlignments()
            defer {
                // Given back by swapping: assigning would retain the storage and release what it replaces.
                swap(&reader.cells, &cells)
                swap(&reader.alignments, &alignments)
            }
            guard TableRowSyntax.delimiterRow(in: row(1), cells: &cells, alignments: &alignments) else { return nil }
            TableRowSyntax.cells(in: row(0), into: &cells)
            guard alignments.count == cells.count else { return nil }
            var table = reader.takeLayout()
            table.removeAll()
            alignments.withUnsafeBufferPointer { for column in $0 { table.alignments.append(alignment(column)) } }
            table.reserve(bytes: bytes.count, cells: alignments.count * (ends.count - 1))
            table.appendText(bytes)  // at offset 0: a cell that is printable ASCII as it is stays where it is
            for index in 0..<ends.count where index != 1 {
                let row = row(index)
                if index > 0 { TableRowSyntax.cells(in: row, into: &cells) }
                let offset = index == 0 ? 0 : ends[index - 1]
                let ascii = row.printableASCIIEnd(from: 0) == row.count
                // Read in place: iterating the array (or a prefix of it) retains and releases it at each row.
                cells.withUnsafeBufferPointer { cells in
                    for cell in cells.prefix(alignments.count) {
                        reader.append(row, cell, at: offset, ascii: ascii, to: &table)
                    }
                }
                table.endRow()
            }
            return table
        }
    }

    /// A row the parser reads as a table row wherever it is: it starts with `|` (no indentation, no quote marker)
    /// and has no line ending, NUL or other control but tab.
    private static func isPlain(_ row: UnsafeBufferPointer<UInt8>) -> Bool {
        guard row.first == UInt8(ascii: "|") else { return false }
        let printable = row.printableASCIIEnd(from: 0)  // the common case: the whole row, 8 bytes at a time
        return !row[printable...].contains { $0 < 0x20 && $0 != 0x09 }
    }

    /// Reads cells into a table: as they are when they have no markup, otherwise through the inline parser.
    struct Reader: Sendable {
        private var parser = TableRowSyntax.CellParser()
        private var text: [UInt8] = []
        /// A row's cell ranges.
        fileprivate var cells: [Range<Int>] = []
        /// The delimiter row's alignments.
        fileprivate var alignments: [MarkdownTable.Alignment] = []
        /// The last table's layout, kept for its storage.
        private var layout = TableLayout(alignments: [])

        /// Creates a reader; its storage grows when first used.
        init() {}

        /// Lends the cell ranges' storage (give it back to `cells`).
        fileprivate mutating func takeCells() -> [Range<Int>] {
            var taken: [Range<Int>] = []
            swap(&taken, &cells)
            return taken
        }

        /// Lends the alignments' storage (give it back to `alignments`).
        fileprivate mutating func takeAlignments() -> [MarkdownTable.Alignment] {
            var taken: [MarkdownTable.Alignment] = []
            swap(&taken, &alignments)
            return taken
        }

        /// Lends the kept layout's storage (give it back with `keep`).
        fileprivate mutating func takeLayout() -> TableLayout {
            var taken = TableLayout(alignments: [])
            swap(&taken, &layout)
            return taken
        }

        /// Keeps a layout's storage for the next table (its arrays are unique again once the caller's copy goes).
        mutating func keep(_ table: TableLayout) {
            layout = table
        }

        /// Adds a cell's plain text to the row being added: in place in the table's text (the rows' bytes from
        /// offset 0) when the row is printable ASCII and the cell has no markup or is one code span.
        /// - Parameters:
        ///   - row: The row.
        ///   - range: The cell's range in `row`.
        ///   - offset: Where the row starts in the table's text.
        ///   - ascii: Whether the whole row is printable ASCII.
        ///   - table: The table the cell is added to.
        mutating func append(
            _ row: UnsafeBufferPointer<UInt8>,
            _ range: Range<Int>,
            at offset: Int,
            ascii: Bool,
            to table: inout TableLayout
        ) {
            let cell = UnsafeBufferPointer(rebasing: row[range])
            guard TableRowSyntax.hasMarkup(cell) else {
                guard ascii else { return TableCells.append(sanitized: cell, to: &table) }
                table.appendCell(at: (offset + range.lowerBound)..<(offset + range.upperBound), width: range.count)
                return
            }
            if let code = TableCells.codeSpan(cell) {
                let start = offset + range.lowerBound
                table.appendCell(at: (start + code.lowerBound)..<(start + code.upperBound), width: code.count)
                return
            }
            var text: [UInt8] = []
            swap(&text, &self.text)
            text.removeAll(keepingCapacity: true)
            TableRowSyntax.inlines(of: Array(cell)[...], using: &parser) { TableCells.flatten($0, into: &text) }
            text.withUnsafeBufferPointer { TableCells.append(sanitized: $0, to: &table) }
            swap(&text, &self.text)
        }
    }

    /// The text of a cell that is one code span of single backticks (`` `--fast` ``), printable ASCII with no
    /// other backtick and no pipe: what the inline parser makes of it (the span's content, one space stripped from
    /// each end when both ends are spaces and it is not all spaces), without parsing; `nil` for any other cell.
    /// - Parameter cell: The cell's bytes.
    /// - Returns: The range of `cell` that is the span's text.
    static func codeSpan(_ cell: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let backtick = UInt8(ascii: "`")
        guard cell.count >= 3, cell.first == backtick, cell.last == backtick else { return nil }
        var content = 1..<(cell.count - 1)
        var spaces = 0
        for byte in cell[content] {
            guard byte.isPrintableASCII, byte != backtick, byte != UInt8(ascii: "|") else { return nil }
            if byte == 0x20 { spaces += 1 }
        }
        if content.count >= 2, cell[content.lowerBound] == 0x20, cell[content.upperBound - 1] == 0x20,
            spaces < content.count
        {
            content = (content.lowerBound + 1)..<(content.upperBound - 1)
        }
        return content
    }

    /// Adds a cell's plain text to the row being added, sanitised to one line.
    private static func append(sanitized cell: UnsafeBufferPointer<UInt8>, to table: inout TableLayout) {
        if cell.printableASCIIEnd(from: 0) == cell.count {
            table.appendCell(cell, width: cell.count)
            return
        }
        var text = TerminalSanitizer.singleLine(String(decoding: cell, as: UTF8.self))
        text.withUTF8 { table.appendCell($0) }
    }

    /// The rows parsed whole by `MarkdownParser`, the first table it reports; or, when it reports none, the rows
    /// split at every `|`, with no alignment.
    static func parsed(_ rows: Rows) -> TableLayout {
        var parser = MarkdownParser()
        var events: [MarkdownEvent] = []
        parser.feed(rows.text + "\n", into: &events)
        parser.finish(into: &events)
        for event in events {
            guard case .table(let table) = event else { continue }
            var layout = TableLayout(alignments: table.alignments.map(alignment))
            var text: [UInt8] = []
            for row in [table.header] + table.rows {
                for cell in row {
                    text.removeAll(keepingCapacity: true)
                    for inline in cell { flatten(inline, into: &text) }
                    text.withUnsafeBufferPointer { append(sanitized: $0, to: &layout) }
                }
                layout.endRow()
            }
            return layout
        }
        let cells = (0..<rows.count).map {
            String(decoding: rows[$0], as: UTF8.self).split(separator: "|").map {
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
