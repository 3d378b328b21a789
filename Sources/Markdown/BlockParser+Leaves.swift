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
        guard let alignments = TableRowSyntax.delimiterRow(cursor.bytes[cursor.nextNonspace...]) else { return false }
        let headerLine = leaf.paragraph[leaf.paragraphLastLine..<(leaf.paragraph.count - 1)]
        let header = TableRowSyntax.cells(headerLine).map { TableRowSyntax.unescapingPipes(headerLine[$0]) }
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
        var cells = TableRowSyntax.cells(line[cursor.offset...])
        let width = leaf.table.alignments.count
        if cells.count > width {
            cells.removeLast(cells.count - width)
        }
        var row: [[MarkdownInline]] = []
        row.reserveCapacity(width)
        for cell in cells {
            row.append(inlines(TableRowSyntax.unescapingPipes(line[cell])))
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
}
