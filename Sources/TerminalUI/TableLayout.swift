/// Lays out a complete Markdown table for the terminal by display width: pure, rows of text in, terminal rows out.
///
/// ```
///  | Name | Age |        Name  │ Age          header bold; the rule and separators dim (when colour is on)
///  |:-----|----:|   ─►  ──────┼─────
///  | Bob  | 42  |        Bob   │  42          alignment from the delimiter row
/// ```
/// Columns get their natural width (the widest cell) when the table fits; otherwise the widest columns shrink
/// until it fits and their cells wrap at spaces (a word wider than its column is broken). When even columns of
/// `minimumColumnWidth` cells do not fit, every row becomes a record, one `header: value` line per cell:
/// ```
///  Name: Bob
///  Age: 42
///  ───
/// ```
/// Widths count terminal cells (CJK and emoji are two, combining marks none). Cells are plain text, already
/// sanitised, kept as UTF-8 in one buffer with each cell's width measured once; a row whose cells fit their columns
/// is written straight from those bytes. No row is wider than `width`.
package struct TableLayout: Sendable {
    /// How a column's cells are aligned.
    package enum Alignment: Sendable, Equatable {
        case left, center, right
    }

    /// The narrowest a column gets before the table falls back to records.
    package static let minimumColumnWidth = 4

    /// Each column's alignment.
    package var alignments: [Alignment]
    /// The number of columns: the header's cells, at least one (0 until the header row ends).
    var columns = 0
    /// The cells' text, UTF-8, one cell after another.
    var text: [UInt8] = []
    /// The cells, row by row, the header first; each ended row has exactly `columns` cells (shorter rows are
    /// padded, longer ones cut, as GFM does).
    var cells: [Cell] = []
    /// Where the row being added starts in `cells`.
    private var rowStart = 0
    /// The storage `renderWhole` works out the columns' widths in.
    private var planStorage: [Int] = []

    /// A cell: its bytes in `text`, and its width in terminal cells (measured once, when added).
    struct Cell: Sendable {
        var start: Int
        var end: Int
        var width: Int
    }

    /// Creates a table with no rows yet: add the header's cells, `endRow`, then each body row's.
    /// - Parameter alignments: Each column's alignment (columns past the end are left-aligned).
    package init(alignments: [Alignment]) {
        self.alignments = alignments
    }

    /// Empties the table, its alignments too, keeping its storage (a buffer that lays out table after table
    /// allocates nothing once it has grown): set the alignments, then add the rows.
    package mutating func removeAll() {
        alignments.removeAll(keepingCapacity: true)
        columns = 0
        text.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        rowStart = 0
    }

    /// Creates a table from its cells' text.
    /// - Parameters:
    ///   - header: The header cells.
    ///   - alignments: Each column's alignment.
    ///   - rows: The body rows.
    package init(header: [String], alignments: [Alignment], rows: [[String]]) {
        self.init(alignments: alignments)
        for row in [header] + rows {
            for var cell in row { cell.withUTF8 { appendCell($0) } }
            endRow()
        }
    }

    /// Adds a cell to the row being added (a header cell until the first `endRow`); a body row's cells past the
    /// header's count are dropped.
    /// - Parameters:
    ///   - bytes: The cell's plain text, sanitised, as UTF-8.
    ///   - width: Its display width when the caller knows it (printable ASCII: its byte count); measured otherwise.
    package mutating func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, width: Int? = nil) {
        if columns > 0, cells.count - rowStart >= columns { return }
        let start = text.count
        text.append(contentsOf: bytes)
        cells.append(Cell(start: start, end: text.count, width: width ?? DisplayWidth.of(utf8: bytes)))
    }

    /// Adds bytes that later cells may be (`appendCell(at:width:)`), with no cell: a caller's rows copied once,
    /// their cells then added in place.
    /// - Parameter bytes: The bytes, at offset 0 of the cells' text when the table is empty.
    package mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
    }

    /// Adds a cell that is bytes already in the table's text (`appendText`), as `appendCell(_:width:)` does.
    /// - Parameters:
    ///   - range: The cell's plain text, sanitised, as offsets in the text.
    ///   - width: Its display width.
    package mutating func appendCell(at range: Range<Int>, width: Int) {
        if columns > 0, cells.count - rowStart >= columns { return }
        cells.append(Cell(start: range.lowerBound, end: range.upperBound, width: width))
    }

    /// Reserves room for cells of this many bytes in all.
    package mutating func reserve(bytes: Int, cells count: Int) {
        text.reserveCapacity(bytes)
        cells.reserveCapacity(count)
    }

    /// Ends the row being added (the first one is the header), padding it with empty cells to the header's count.
    package mutating func endRow() {
        if columns == 0 { columns = max(cells.count - rowStart, 1) }
        while cells.count - rowStart < columns { cells.append(Cell(start: text.count, end: text.count, width: 0)) }
        rowStart = cells.count
    }

    /// How the table's rows are laid out: decided once from the rows known, then kept for rows that come later.
    package enum Plan: Sendable, Equatable {
        /// Columns of these widths (cells), separated by ` │ `.
        case columns([Int])
        /// One `header: value` line per cell, records separated by a short rule.
        case records
    }

    /// The terminal rows of the table, each ending in a newline.
    /// - Parameters:
    ///   - width: The terminal width in cells.
    ///   - color: Whether to write SGR styles.
    /// - Returns: The bytes to write.
    package func render(width: Int, color: Bool) -> [UInt8] {
        var out: [UInt8] = []
        render(plan(width: width), width: width, color: color, into: &out)
        return out
    }

    /// The layout that fits this table's header and rows into `width` cells.
    /// - Parameter width: The terminal width in cells.
    /// - Returns: Column widths, or records when even narrow columns do not fit.
    package func plan(width: Int) -> Plan {
        var natural: [Int] = []
        return plan(width: width, natural: &natural)
    }

    /// `render(plan(width:), …)` with the columns' widths worked out in storage kept from table to table (the
    /// plan's array is given up with the plan, so the next table finds the storage unique again).
    /// - Parameters:
    ///   - width: The terminal width in cells.
    ///   - color: Whether to write SGR styles.
    ///   - out: Receives the bytes to write.
    package mutating func renderWhole(width: Int, color: Bool, into out: inout [UInt8]) {
        var natural: [Int] = []
        swap(&natural, &planStorage)
        render(plan(width: width, natural: &natural), width: width, color: color, into: &out)
        swap(&natural, &planStorage)
    }

    /// `plan(width:)`, the natural widths worked out in `natural` (emptied first).
    private func plan(width: Int, natural: inout [Int]) -> Plan {
        let columns = max(columns, 1)
        natural.removeAll(keepingCapacity: true)
        natural.append(contentsOf: repeatElement(0, count: columns))
        for (index, cell) in cells.enumerated() where cell.width > natural[index % columns] {
            natural[index % columns] = cell.width
        }
        let separators = 3 * (columns - 1)
        return Self.fit(natural, into: width - separators).map(Plan.columns) ?? .records
    }

    /// The terminal rows of the table laid out by `plan`: the header and rule, then the body rows.
    /// - Parameters:
    ///   - plan: The layout, from `plan(width:)` (possibly of an earlier part of the table).
    ///   - width: The terminal width in cells (records wrap to it).
    ///   - color: Whether to write SGR styles.
    ///   - continuing: Whether these rows continue a table already shown: no header, and records start with their
    ///     separating rule.
    ///   - out: Receives the bytes to write.
    package func render(_ plan: Plan, width: Int, color: Bool, continuing: Bool = false, into out: inout [UInt8]) {
        guard case .columns(let widths) = plan else {
            records(width: width, color: color, continuing: continuing, into: &out)
            return
        }
        let rows = columns > 0 ? cells.count / columns : 0
        out.reserveCapacity(out.count + rows * (widths.reduce(0, +) + widths.count * (color ? 14 : 6) + 16))
        // The separator, the header's bold, the alignments and the widths, read in place once per table (each
        // read of an array retains it).
        (color ? Self.dimSeparator : Self.separator).withUnsafeBufferPointer { separator in
            Self.boldOpen.withUnsafeBufferPointer { boldOpen in
                Self.boldClose.withUnsafeBufferPointer { boldClose in
                    alignments.withUnsafeBufferPointer { alignments in
                        widths.withUnsafeBufferPointer { widths in
                            let style = RowStyle(
                                separator: separator,
                                boldOpen: boldOpen,
                                boldClose: boldClose,
                                alignments: alignments,
                                widths: widths
                            )
                            writeRows(style, color: color, continuing: continuing, into: &out)
                        }
                    }
                }
            }
        }
    }

    /// The rows of `render` in columns, read with `style`.
    private func writeRows(_ style: RowStyle, color: Bool, continuing: Bool, into out: inout [UInt8]) {
        let widths = style.widths
        let rows = columns > 0 ? cells.count / columns : 0
        if !continuing, rows > 0 {
            row(0, bold: color, style: style, into: &out)
            if color { out.append(lent: Self.dimOpen) }
            Self.ruleDashes.withUnsafeBufferPointer { dashes in
                for (column, cells) in widths.enumerated() {
                    if column > 0 { out.append(lent: Self.ruleCross) }
                    var left = cells
                    while left > 0 {
                        let count = min(left, Self.ruleDashCount)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: dashes[..<(3 * count)]))
                        left -= count
                    }
                }
            }
            if color { out.append(lent: Self.dimClose) }
            out.append(0x0A)
        }
        for body in stride(from: 1, to: rows, by: 1) {
            row(body, bold: false, style: style, into: &out)
        }
    }

    /// The bytes between and around cells, the columns' alignments and widths, as `render` reads them for a table
    /// (valid while it writes the rows).
    private struct RowStyle {
        let separator: UnsafeBufferPointer<UInt8>
        let boldOpen: UnsafeBufferPointer<UInt8>
        let boldClose: UnsafeBufferPointer<UInt8>
        let alignments: UnsafeBufferPointer<Alignment>
        let widths: UnsafeBufferPointer<Int>

        /// A column's alignment (columns past the alignments' end are left-aligned).
        func alignment(of column: Int) -> Alignment {
            column < alignments.count ? alignments[column] : .left
        }
    }

    /// A run of `─` (3 bytes each) that the rule under the header is cut from.
    private static let ruleDashes = Array(String(repeating: "─", count: ruleDashCount).utf8)
    private static let ruleDashCount = 64
    private static let ruleCross = Array("─┼─".utf8)
    private static let separator = Array(" │ ".utf8)
    private static let dimSeparator = Array((TerminalStyle.dim.open + " │ " + TerminalStyle.dim.close).utf8)
    private static let dimOpen = Array(TerminalStyle.dim.open.utf8)
    private static let dimClose = Array(TerminalStyle.dim.close.utf8)
    private static let boldOpen = Array(TerminalStyle.bold.open.utf8)
    private static let boldClose = Array(TerminalStyle.bold.close.utf8)

    /// Column widths that add up to at most `room`: the natural ones, or the widest shrunk one cell at a time;
    /// `nil` when even the minimum does not fit.
    static func fit(_ natural: [Int], into room: Int) -> [Int]? {
        if natural.allSatisfy({ $0 >= 1 }), natural.reduce(0, +) <= room { return natural }  // fits as it is
        var widths = natural.map { max($0, 1) }
        let floor = widths.map { min($0, minimumColumnWidth) }
        guard floor.reduce(0, +) <= room else { return nil }
        var total = widths.reduce(0, +)
        while total > room {
            guard let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] })
            else { return nil }
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    /// One table row: each cell wrapped to its column, the row as tall as its tallest cell. A row whose cells all
    /// fit their columns as they are (the common case) is written straight from the cells' bytes.
    private func row(_ row: Int, bold: Bool, style: RowStyle, into out: inout [UInt8]) {
        let base = row * columns
        let widths = style.widths
        let count = min(widths.count, columns)
        let wrote = text.withUnsafeBufferPointer { text in
            cells.withUnsafeBufferPointer { cells in
                for column in 0..<count {
                    let cell = cells[base + column]
                    guard
                        cell.start == cell.end
                            || (cell.width <= widths[column]
                                && Self.isSingleSpaced(UnsafeBufferPointer(rebasing: text[cell.start..<cell.end])))
                    else { return false }
                }
                line(count: count, style: style, bold: bold, into: &out) { column in
                    let cell = cells[base + column]
                    return (UnsafeBufferPointer(rebasing: text[cell.start..<cell.end]), cell.width)
                }
                return true
            }
        }
        if wrote { return }
        // Each cell's lines, one after another in `wrapped`: (start, end, width) for each line of each column.
        var wrapped: [UInt8] = []
        let lines = (0..<count).map { column in
            Self.wrap(string(row, column), width: widths[column]).map { line in
                let start = wrapped.count
                wrapped += line.utf8
                return (start: start, end: wrapped.count, width: DisplayWidth.of(line))
            }
        }
        let height = lines.map(\.count).max() ?? 1
        wrapped.withUnsafeBufferPointer { wrapped in
            for index in 0..<height {
                line(count: count, style: style, bold: bold, into: &out) { column in
                    guard index < lines[column].count else { return (UnsafeBufferPointer(rebasing: wrapped[0..<0]), 0) }
                    let line = lines[column][index]
                    return (UnsafeBufferPointer(rebasing: wrapped[line.start..<line.end]), line.width)
                }
            }
        }
    }

    /// One terminal row of a table row: `count` cells, each padded to its column (and bold in the header), no
    /// trailing spaces; made in a buffer on the stack and appended at once (not a few bytes at a time).
    @inline(__always)
    private func line(
        count: Int,
        style: RowStyle,
        bold: Bool,
        into out: inout [UInt8],
        cell: (Int) -> (text: UnsafeBufferPointer<UInt8>, width: Int)
    ) {
        let widths = style.widths
        let styles = style.separator.count + (bold ? style.boldOpen.count + style.boldClose.count : 0)
        var capacity = 1
        for column in 0..<count { capacity += styles + cell(column).text.count + max(widths[column], 0) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return }
            var end = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                (base + end).initialize(shortCopyOf: bytes)
                end += bytes.count
            }
            func spaces(_ count: Int) {
                (base + end).initialize(repeating: 0x20, count: count)
                end += count
            }
            for column in 0..<count {
                if column > 0 { put(style.separator) }
                if bold { put(style.boldOpen) }
                let (text, cells) = cell(column)
                let room = max(0, widths[column] - cells)
                let left =
                    switch style.alignment(of: column) {
                    case .left: 0
                    case .right: room
                    case .center: room / 2
                    }
                if left > 0 { spaces(left) }
                put(text)
                if room > left { spaces(room - left) }
                if bold { put(style.boldClose) }
            }
            while end > 0, base[end - 1] == 0x20 { end -= 1 }  // no trailing spaces
            (base + end).initialize(to: 0x0A)
            end += 1
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: end))
        }
    }

    /// Whether no space byte starts or ends `text` or follows another (then its words, joined by single spaces,
    /// give it back).
    static func isSingleSpaced(_ text: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text {
            if byte == 0x20, previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20
    }
}
