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
/// sanitised; no row is wider than `width`.
package struct TableLayout: Sendable {
    /// How a column's cells are aligned.
    package enum Alignment: Sendable, Equatable {
        case left, center, right
    }

    /// The narrowest a column gets before the table falls back to records.
    package static let minimumColumnWidth = 4

    /// The header cells.
    package var header: [String]
    /// Each column's alignment.
    package var alignments: [Alignment]
    /// The body rows (each as long as the header; shorter rows are padded, longer ones cut, as GFM does).
    package var rows: [[String]]

    /// Creates a table.
    package init(header: [String], alignments: [Alignment], rows: [[String]]) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
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
        render(plan(width: width), width: width, color: color)
    }

    /// The layout that fits this table's header and rows into `width` cells.
    /// - Parameter width: The terminal width in cells.
    /// - Returns: Column widths, or records when even narrow columns do not fit.
    package func plan(width: Int) -> Plan {
        let columns = max(header.count, 1)
        let natural = (0..<columns).map { column in
            ([header] + rows).map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
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
    /// - Returns: The bytes to write.
    package func render(_ plan: Plan, width: Int, color: Bool, continuing: Bool = false) -> [UInt8] {
        let columns = max(header.count, 1)
        let body = rows.map { Self.normalized($0, columns: columns) }
        let head = Self.normalized(header, columns: columns)
        guard case .columns(let widths) = plan else {
            return records(head: head, body: body, width: width, color: color, continuing: continuing)
        }
        var out: [UInt8] = []
        if !continuing {
            row(head, widths: widths, style: color ? TerminalStyle.bold : nil, color: color, into: &out)
            let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
            out += (color ? TerminalStyle.dim.open + rule + TerminalStyle.dim.close : rule).utf8
            out.append(0x0A)
        }
        for cells in body { row(cells, widths: widths, style: nil, color: color, into: &out) }
        return out
    }

    /// Column widths that add up to at most `room`: the natural ones, or the widest shrunk one cell at a time;
    /// `nil` when even the minimum does not fit.
    static func fit(_ natural: [Int], into room: Int) -> [Int]? {
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

    /// One table row: each cell wrapped to its column, the row as tall as its tallest cell.
    private func row(_ cells: [String], widths: [Int], style: TerminalStyle?, color: Bool, into out: inout [UInt8]) {
        let wrapped = zip(cells, widths).map { Self.wrap($0, width: $1) }
        let height = wrapped.map(\.count).max() ?? 1
        let separator = color ? TerminalStyle.dim.open + " │ " + TerminalStyle.dim.close : " │ "
        for line in 0..<height {
            let start = out.count
            for column in widths.indices {
                if column > 0 { out += separator.utf8 }
                let text = line < wrapped[column].count ? wrapped[column][line] : ""
                if let style { out += style.open.utf8 }
                Self.pad(text, to: widths[column], alignment: alignment(of: column), into: &out)
                if let style { out += style.close.utf8 }
            }
            while out.count > start, out.last == 0x20 { out.removeLast() }  // no trailing spaces
            out.append(0x0A)
        }
    }

    private func alignment(of column: Int) -> Alignment {
        column < alignments.count ? alignments[column] : .left
    }

    /// Every row as a record: `header: value` lines, records separated by a short rule.
    private func records(head: [String], body: [[String]], width: Int, color: Bool, continuing: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for (index, cells) in body.enumerated() {
            if index > 0 || continuing {
                out += (color ? TerminalStyle.dim.open + "───" + TerminalStyle.dim.close : "───").utf8
                out.append(0x0A)
            }
            for (name, value) in zip(head, cells) {
                let label = name + ":"
                let lines = Self.wrap(label + " " + value, width: max(width, 2))
                for (number, line) in lines.enumerated() {
                    if number == 0, color, line.hasPrefix(label) {
                        out += (TerminalStyle.bold.open + label + TerminalStyle.bold.close).utf8
                        out += line.dropFirst(label.count).utf8
                    } else {
                        out += line.utf8
                    }
                    out.append(0x0A)
                }
            }
        }
        return out
    }

    /// Pads or cuts a row to `columns` cells.
    private static func normalized(_ cells: [String], columns: Int) -> [String] {
        Array((cells + Array(repeating: "", count: max(0, columns - cells.count))).prefix(columns))
    }

    /// Word-wraps `text` to lines of at most `width` cells; a word wider than that is broken between clusters.
    static func wrap(_ text: String, width: Int) -> [String] {
        if isSingleSpaced(text), DisplayWidth.of(text) <= width {
            return [text]  // fits, spaced as the words would be joined: the common case, without splitting
        }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            var wordWidth = DisplayWidth.of(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                var piece = ""
                var pieceWidth = 0
                var rest = word.startIndex
                for index in word.indices {
                    let cells = DisplayWidth.of(word[index])
                    if pieceWidth + cells > width, !piece.isEmpty { break }
                    piece.append(word[index])
                    pieceWidth += cells
                    rest = word.index(after: index)
                }
                lines.append(piece)
                word = word[rest...]
                wordWidth = DisplayWidth.of(word)
            }
            line = String(word)
            lineWidth = wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Whether no space byte starts or ends `text` or follows another (then its words, joined by single spaces,
    /// give it back).
    private static func isSingleSpaced(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if byte == 0x20, previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20
    }

    private static func pad(_ text: String, to width: Int, alignment: Alignment, into out: inout [UInt8]) {
        let room = max(0, width - DisplayWidth.of(text))
        let left =
            switch alignment {
            case .left: 0
            case .right: room
            case .center: room / 2
            }
        out += repeatElement(0x20, count: left)
        out += text.utf8
        out += repeatElement(0x20, count: room - left)
    }
}
