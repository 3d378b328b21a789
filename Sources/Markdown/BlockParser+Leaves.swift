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
        var parser = InlineParser(text, extensions: extensions)
        parser.parse()
        parser.render { events.append(.inline($0)) }
    }

    /// Turns the open paragraph's last line into a table header when this line is a matching delimiter row.
    mutating func openTable() -> Bool {
        guard let alignments = Self.delimiterRow(cursor.bytes[cursor.nextNonspace...]) else { return false }
        let headerLine = leaf.paragraph[leaf.paragraphLastLine..<(leaf.paragraph.count - 1)]
        let header = Self.cells(headerLine)
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
        leaf.table = MarkdownTable(alignments: alignments, header: header.map(inlines), rows: [])
        return true
    }

    /// Adds the rest of the line as a table row, padded or cut to the header's width.
    mutating func addTableRow() {
        cursor.advanceNextNonspace()
        var cells = Self.cells(cursor.bytes[cursor.offset...])
        let width = leaf.table.alignments.count
        if cells.count > width {
            cells.removeLast(cells.count - width)
        }
        var row = cells.map(inlines)
        while row.count < width {
            row.append([])
        }
        leaf.table.rows.append(row)
    }

    private func inlines(_ cell: [UInt8]) -> [MarkdownInline] {
        var parser = InlineParser(cell[...], extensions: extensions)
        parser.parse()
        var result: [MarkdownInline] = []
        parser.render { result.append($0) }
        return result
    }

    /// A row's cells: split at unescaped `|`, outer pipes dropped, each trimmed, `\|` turned into `|`.
    static func cells(_ line: ArraySlice<UInt8>) -> [[UInt8]] {
        var text = trimmed(line)
        if text.first == UInt8(ascii: "|") {
            text.removeFirst()
        }
        var cells: [[UInt8]] = []
        var cell: [UInt8] = []
        var index = text.startIndex
        var endedWithPipe = false
        while index < text.endIndex {
            let byte = text[index]
            endedWithPipe = false
            if byte == UInt8(ascii: "\\"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "|") {
                cell.append(UInt8(ascii: "|"))
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(Array(trimmed(cell[...])))
                cell.removeAll()
                endedWithPipe = true
            } else {
                cell.append(byte)
            }
            index += 1
        }
        if !endedWithPipe || cells.isEmpty {
            cells.append(Array(trimmed(cell[...])))
        }
        return cells
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or `nil` when the line is not one.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [MarkdownTable.Alignment]? {
        let text = trimmed(line)
        guard text.contains(UInt8(ascii: "-")) else { return nil }
        var alignments: [MarkdownTable.Alignment] = []
        for cell in cells(text) {
            let body = Array(cell)
            guard !body.isEmpty else { return nil }
            let left = body.first == UInt8(ascii: ":")
            let right = body.count > 1 && body.last == UInt8(ascii: ":")
            let dashes = body[(left ? 1 : 0)..<(body.count - (right ? 1 : 0))]
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }
}
