/// A GFM table row read by byte: its cells, a delimiter row's alignments, and whether a cell has any markup. The
/// block parser reads tables with it, and a renderer that holds a table's rows itself reads them the same way.
///
/// ```
///  "| a \| b | `c` |"   cells: " a \| b " · " `c` " trimmed  ─►  `a \| b` (to unescape), `` `c` `` (markup)
///  "|:--|:-:|--:|"      delimiter row                      ─►  left, center, right
///  "| plain | text |"   no markup character in a cell      ─►  its inlines are its text, as it is
/// ```
package enum TableRowSyntax {
    /// A row's cells as ranges of `line`: split at unescaped `|`, outer pipes dropped, each trimmed.
    /// - Parameter line: The row (leading indentation already skipped).
    /// - Returns: One range of `line` per cell, in order (at least one).
    package static func cells(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        Self.cells(line, into: &cells)
        return cells
    }

    /// `cells(_:)` into an array kept by the caller (emptied first), so that reading row after row reuses it.
    /// - Parameters:
    ///   - line: The row (leading indentation already skipped).
    ///   - cells: Receives one range of `line` per cell, in order (at least one).
    package static func cells(_ line: ArraySlice<UInt8>, into cells: inout [Range<Int>]) {
        line.withUnsafeBufferPointer { Self.cells(in: $0, into: &cells) }
        let base = line.startIndex
        guard base != 0 else { return }
        for index in cells.indices {
            cells[index] = (cells[index].lowerBound + base)..<(cells[index].upperBound + base)
        }
    }

    /// `cells(_:into:)` of a row in memory: the ranges are offsets in `line`.
    /// - Parameters:
    ///   - line: The row (leading indentation already skipped).
    ///   - cells: Receives one range of `line` per cell, in order (at least one).
    package static func cells(in line: UnsafeBufferPointer<UInt8>, into cells: inout [Range<Int>]) {
        cells.removeAll(keepingCapacity: true)
        let text = trimmed(line, 0..<line.count)
        var start = text.lowerBound
        if start < text.upperBound, line[start] == UInt8(ascii: "|") {
            start += 1
        }
        var cellStart = start
        var index = start
        var endedWithPipe = false
        while index < text.upperBound {
            let byte = line[index]
            endedWithPipe = false
            if byte == UInt8(ascii: "\\"), index + 1 < text.upperBound {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(trimmed(line, cellStart..<index))
                cellStart = index + 1
                endedWithPipe = true
            }
            index += 1
        }
        if !endedWithPipe || cells.isEmpty {
            cells.append(trimmed(line, cellStart..<text.upperBound))
        }
    }

    /// `range` of `line` without the spaces and tabs at its ends (as `BlockParser.trimmed`).
    @inline(__always)
    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, BlockParser.isSpaceOrTab(line[start]) { start += 1 }
        while end > start, BlockParser.isSpaceOrTab(line[end - 1]) { end -= 1 }
        return start..<end
    }

    /// A cell's text with `\|` turned into `|` (GFM unescapes pipes before inline parsing, even in code spans).
    /// - Parameter cell: A cell's bytes, as `cells` delimits them.
    /// - Returns: The cell, unchanged when it has no `|`.
    package static func unescapingPipes(_ cell: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard cell.contains(UInt8(ascii: "|")) else { return cell }
        var result: [UInt8] = []
        var index = cell.startIndex
        while index < cell.endIndex {
            if cell[index] == UInt8(ascii: "\\"), index + 1 < cell.endIndex, cell[index + 1] == UInt8(ascii: "|") {
                index += 1
            }
            result.append(cell[index])
            index += 1
        }
        return result[...]
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or `nil` when the line is not one.
    /// - Parameter line: The row (leading indentation already skipped).
    /// - Returns: One alignment per cell.
    package static func delimiterRow(_ line: ArraySlice<UInt8>) -> [MarkdownTable.Alignment]? {
        var cells: [Range<Int>] = []
        var alignments: [MarkdownTable.Alignment] = []
        let isDelimiterRow = line.withUnsafeBufferPointer {
            delimiterRow(in: $0, cells: &cells, alignments: &alignments)
        }
        return isDelimiterRow ? alignments : nil
    }

    /// `delimiterRow(_:)` of a row in memory, the cells' and alignments' storage kept by the caller.
    /// - Parameters:
    ///   - line: The row (leading indentation already skipped).
    ///   - cells: Storage for the row's cell ranges (its contents are replaced).
    ///   - alignments: Emptied, then receives one alignment per cell (complete only when the row is one).
    /// - Returns: Whether the line is a delimiter row.
    package static func delimiterRow(
        in line: UnsafeBufferPointer<UInt8>,
        cells: inout [Range<Int>],
        alignments: inout [MarkdownTable.Alignment]
    ) -> Bool {
        alignments.removeAll(keepingCapacity: true)
        let text = trimmed(line, 0..<line.count)
        guard UnsafeBufferPointer(rebasing: line[text]).contains(UInt8(ascii: "-")) else { return false }
        Self.cells(in: line, into: &cells)
        for cell in cells {
            guard !cell.isEmpty else { return false }
            let left = line[cell.lowerBound] == UInt8(ascii: ":")
            let right = cell.count > 1 && line[cell.upperBound - 1] == UInt8(ascii: ":")
            let dashes = (cell.lowerBound + (left ? 1 : 0))..<(cell.upperBound - (right ? 1 : 0))
            guard !dashes.isEmpty, line[dashes].allSatisfy({ $0 == UInt8(ascii: "-") }) else { return false }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return true
    }

    /// Whether a cell's inlines may differ from one text inline of its bytes: it has a byte the inline parser
    /// treats specially (`` \ ` * _ ~ [ ] ! < & ``, a line ending) or trims (form feed). A cell without one parses
    /// to its own text (an extended autolink's text is its source too), so it needs no parsing.
    /// - Parameter cell: A cell's bytes, as `cells` delimits them.
    /// - Returns: `true` when the cell must go through the inline parser.
    package static func hasMarkup(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        cell.contains { InlineParser.isSpecial($0) || $0 == 0x0C || $0 == 0x0D }
    }

    /// Parses one cell's inlines, as the block parser does for a table's cells (pipes unescaped first).
    /// - Parameters:
    ///   - cell: A cell's bytes, as `cells` delimits them.
    ///   - parser: The inline parser to use (its storage is reused from cell to cell).
    ///   - emit: Receives the cell's inline events, in order.
    package static func inlines(
        of cell: ArraySlice<UInt8>,
        using parser: inout CellParser,
        emit: (MarkdownInline) -> Void
    ) {
        parser.inline.parse(unescapingPipes(cell))
        parser.inline.render(emit)
    }

    /// The inline parser's storage, kept between cells.
    package struct CellParser: Sendable {
        var inline = InlineParser(extensions: .gfm)

        /// Creates a parser with all GFM extensions, as `MarkdownParser()` reads tables.
        package init() {}
    }
}
