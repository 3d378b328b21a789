/// Reporting leaf blocks: paragraphs, headings and GFM tables.
extension BlockParser {
    /// Reports a paragraph: its text goes through the inline parser now that it is complete.
    mutating func emitParagraph(_ text: ArraySlice<UInt8>) {
        events.append(.open(.paragraph))
        appendInlines(text)
        events.append(.close(.paragraph))
    }

    /// Reports an ATX or setext heading.
    mutating func emitHeading(level: Int, _ text: ArraySlice<UInt8>) {
        events.append(.open(.heading(level: level)))
        appendInlines(text)
        events.append(.close(.heading(level: level)))
    }

    private mutating func appendInlines(_ text: ArraySlice<UInt8>) {
        var parser = InlineParser(extensions: extensions)
        swap(&parser, &inlineParser)
        parser.parse(text)
        parser.render { events.append(.inline($0)) }
        swap(&parser, &inlineParser)
    }

    /// Turns the open paragraph's last line into a table header when this line is a matching delimiter row.
    mutating func openTable() -> Bool {
        guard let alignments = Self.delimiterRow(cursor.bytes[cursor.nextNonspace...]) else { return false }
        let headerLine = leaf.paragraph[leaf.paragraphLastLine..<(leaf.paragraph.count - 1)]
        let header = Self.cells(headerLine).map { Self.unescapingPipes(headerLine[$0]) }
        guard header.count == alignments.count else { return false }
        closeUnmatched()
        stack.removeLast()
        if leaf.paragraphLastLine > 0 {
            emitParagraph(leaf.paragraph[..<leaf.paragraphLastLine])
            stack[stack.count - 1].lastChildEndsBlank = false
            noteNewChild()
        }
        leaf.paragraph.removeAll(keepingCapacity: true)
        stack.append(Block(kind: .table, startLine: lineNumber))
        var headerInlines: [[MarkdownInline]] = []
        for cell in header {
            headerInlines.append(inlines(cell))
        }
        leaf.table = MarkdownTable(alignments: alignments, header: headerInlines, rows: [])
        return true
    }

    /// Adds the rest of the line as a table row, padded or cut to the header's width.
    mutating func addTableRow() {
        cursor.advanceNextNonspace()
        let line = cursor.bytes
        var cells = Self.cells(line[cursor.offset...])
        let width = leaf.table.alignments.count
        if cells.count > width {
            cells.removeLast(cells.count - width)
        }
        var row: [[MarkdownInline]] = []
        row.reserveCapacity(width)
        for cell in cells {
            row.append(inlines(Self.unescapingPipes(line[cell])))
        }
        while row.count < width {
            row.append([])
        }
        leaf.table.rows.append(row)
    }

    private mutating func inlines(_ cell: ArraySlice<UInt8>) -> [MarkdownInline] {
        var parser = InlineParser(extensions: extensions)
        swap(&parser, &inlineParser)
        defer { swap(&parser, &inlineParser) }
        parser.parse(cell)
        var result: [MarkdownInline] = []
        parser.render { result.append($0) }
        return result
    }

    /// A row's cells as ranges of `line`: split at unescaped `|`, outer pipes dropped, each trimmed.
    static func cells(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
        let text = trimmed(line)
        var start = text.startIndex
        if start < text.endIndex, text[start] == UInt8(ascii: "|") {
            start += 1
        }
        var cells: [Range<Int>] = []
        var cellStart = start
        var index = start
        var endedWithPipe = false
        while index < text.endIndex {
            let byte = text[index]
            endedWithPipe = false
            if byte == UInt8(ascii: "\\"), index + 1 < text.endIndex {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(trimmed(text[cellStart..<index]).indices)
                cellStart = index + 1
                endedWithPipe = true
            }
            index += 1
        }
        if !endedWithPipe || cells.isEmpty {
            cells.append(trimmed(text[cellStart..<text.endIndex]).indices)
        }
        return cells
    }

    /// A cell's text with `\|` turned into `|` (GFM unescapes pipes before inline parsing, even in code spans).
    static func unescapingPipes(_ cell: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
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
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [MarkdownTable.Alignment]? {
        let text = trimmed(line)
        guard text.contains(UInt8(ascii: "-")) else { return nil }
        var alignments: [MarkdownTable.Alignment] = []
        for cell in cells(text) {
            let body = text[cell]
            guard !body.isEmpty else { return nil }
            let left = body.first == UInt8(ascii: ":")
            let right = body.count > 1 && body.last == UInt8(ascii: ":")
            let dashes = body[(body.startIndex + (left ? 1 : 0))..<(body.endIndex - (right ? 1 : 0))]
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }
}
