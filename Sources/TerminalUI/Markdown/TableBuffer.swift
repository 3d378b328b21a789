/// A GFM table held while it streams: its rows until it ends, a one-row status meanwhile, then the laid-out table.
///
/// ```
///  "| a | b |"      held: it may be a header                         (nothing shown yet)
///  "|---|:-:|"      a delimiter row: a table                         table · 0 rows…   (dim, the current row)
///  "| 1 | 2 |"      a body row                                       CR ESC[2K table · 1 row…
///  (another line)   the end: CR ESC[2K, then the table laid out by `TableLayout`
/// ```
/// A long table does not wait for its end: at `flowAfterRows` body rows the rows so far are laid out, and each later
/// row is written when it arrives, with the column widths fixed then (a wider cell wraps inside its column).
/// A first row not followed by a delimiter row was no header: `add` hands it back to be written as a paragraph.
/// Rows are held as UTF-8 and read as `MarkdownParser` reads them (`TableCells`), cells shown as plain text.
struct TableBuffer: Sendable {
    /// What the end of a held table gives.
    enum Result: Sendable {
        /// The table was laid out (written to the output, the status row erased before it).
        case table
        /// A lone first row, to be written as a paragraph.
        case paragraph(String)
        /// Nothing was held.
        case nothing
    }

    /// The body rows after which a table starts flowing with its column widths fixed.
    static let flowAfterRows = 50

    private var rows = TableCells.Rows()
    /// The storage that reading cells uses, kept from table to table.
    private var reader = TableCells.Reader()
    private var confirmed = false
    private var statusShown = false
    /// The layout of a flowing table (nil while its rows are held).
    private var flowing: TableLayout.Plan?
    private let showsStatus: Bool

    /// Creates an empty buffer.
    /// - Parameter showsStatus: Whether to show the status row (a live terminal only).
    init(showsStatus: Bool) {
        self.showsStatus = showsStatus
    }

    /// Whether rows are held.
    var isActive: Bool { !rows.isEmpty }

    /// Adds a row that starts with `|`.
    /// - Parameters:
    ///   - row: The row's source line (sanitised UTF-8).
    ///   - width: The terminal width, for a table that starts flowing.
    ///   - color: Whether to write SGR styles.
    ///   - output: Receives the status row, or the rows of a flowing table.
    /// - Returns: The previous first row when this one shows it was no table header (write it as a paragraph;
    ///   then call `clear` and add this row again).
    mutating func add(_ row: UnsafeBufferPointer<UInt8>, width: Int, color: Bool, into output: inout [UInt8])
        -> String?
    {
        rows.append(utf8: row)
        if rows.count == 1 { return nil }
        if !confirmed {
            guard rows.count == 2, Self.isDelimiterRow(row) else {
                rows.removeLast()
                return String(decoding: rows[0], as: UTF8.self)
            }
            confirmed = true
        }
        if let plan = flowing {
            TableCells.withLayout(of: rows, reader: &reader) {
                $0.render(plan, width: width, color: color, continuing: true, into: &output)
            }
            rows.removeLast()
            return nil
        }
        if rows.count - 2 >= Self.flowAfterRows {
            startFlowing(width: width, color: color, into: &output)
        } else {
            showStatus(color: color, into: &output)
        }
        return nil
    }

    /// Lays out the rows held so far and keeps their layout for the rows to come; only the header and the
    /// delimiter row stay held (to read later rows' cells against).
    private mutating func startFlowing(width: Int, color: Bool, into output: inout [UInt8]) {
        if statusShown { Self.eraseRow(into: &output) }
        statusShown = false
        flowing = TableCells.withLayout(of: rows, reader: &reader) { held in
            let plan = held.plan(width: width)
            held.render(plan, width: width, color: color, into: &output)
            return plan
        }
        rows.keepFirst(2)
    }

    /// Forgets the rows (and erases the status row, if shown).
    mutating func clear(into output: inout [UInt8]) {
        if statusShown { Self.eraseRow(into: &output) }
        reset()
    }

    /// The table ended: a table's rows (after the status row's erasure) are written to `output`.
    mutating func finish(width: Int, color: Bool, into output: inout [UInt8]) -> Result {
        defer { reset() }
        guard !rows.isEmpty else { return .nothing }
        guard confirmed else { return .paragraph(String(decoding: rows[0], as: UTF8.self)) }
        if flowing != nil { return .table }
        if statusShown { Self.eraseRow(into: &output) }
        TableCells.withLayout(of: rows, reader: &reader) { table in
            table.renderWhole(width: width, color: color, into: &output)
        }
        return .table
    }

    private mutating func reset() {
        rows.removeAll()
        confirmed = false
        statusShown = false
        flowing = nil
    }

    /// Erases the status row: CR, ESC [ 2 K (static text: nothing to retain).
    private static func eraseRow(into output: inout [UInt8]) {
        let erase: StaticString = "\r\u{1B}[2K"
        output.append(contentsOf: UnsafeBufferPointer(start: erase.utf8Start, count: erase.utf8CodeUnitCount))
    }

    private mutating func showStatus(color: Bool, into output: inout [UInt8]) {
        guard showsStatus else { return }
        if statusShown { Self.eraseRow(into: &output) }
        let index = 2 * (rows.count - 2) + (color ? 1 : 0)
        Self.status.text.withUnsafeBufferPointer { text in
            Self.status.ends.withUnsafeBufferPointer { ends in
                let start = index == 0 ? 0 : ends[index - 1]
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<ends[index]]))
            }
        }
        statusShown = true
    }

    /// The status rows, one after another: for each number of body rows held (up to `flowAfterRows`), plain then
    /// dim, and where each ends; read in place (an array of arrays would be retained and released at each row).
    private static let status: (text: [UInt8], ends: [Int]) = {
        var text: [UInt8] = []
        var ends: [Int] = []
        for rows in 0...flowAfterRows {
            let plain = "table · \(rows) \(rows == 1 ? "row" : "rows")…"
            text += plain.utf8
            ends.append(text.count)
            text += (TerminalStyle.dim.open + plain + TerminalStyle.dim.close).utf8
            ends.append(text.count)
        }
        return (text, ends)
    }()

    /// `|---|:--:|`: pipes, dashes, colons and spaces, with at least one dash per cell (read by byte: any other
    /// character, ASCII or not, makes it no delimiter row).
    static func isDelimiterRow<Row: RandomAccessCollection<UInt8>>(_ row: Row) -> Bool where Row.Index == Int {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = row.startIndex
        var end = row.endIndex
        while start < end, isSpace(row[start]) { start += 1 }
        while end > start, isSpace(row[end - 1]) { end -= 1 }
        var cells = 0
        var cellStart = start
        for index in start...end where index == end || row[index] == UInt8(ascii: "|") {
            var lower = cellStart
            var upper = index
            cellStart = index + 1
            guard upper > lower else { continue }  // nothing between two pipes: not a cell
            while lower < upper, isSpace(row[lower]) { lower += 1 }
            while upper > lower, isSpace(row[upper - 1]) { upper -= 1 }
            var dashes = 0
            for byte in row[lower..<upper] {
                if byte == UInt8(ascii: "-") {
                    dashes += 1
                } else if byte != UInt8(ascii: ":") {
                    return false
                }
            }
            guard dashes > 0 else { return false }
            cells += 1
        }
        return cells > 0
    }
}
