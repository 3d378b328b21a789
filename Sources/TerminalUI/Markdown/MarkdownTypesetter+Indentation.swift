extension MarkdownTypesetter {
    /// How many scalars of `line` the indentation after the quote markers takes.
    static func indentLength(_ line: [Unicode.Scalar], _ start: LineStart) -> Int {
        var count = 0
        var index = start.length - 1
        while index >= 0, line[index] == " " || line[index] == "\t" {
            count += 1
            index -= 1
        }
        return count
    }

    /// The line from `offset` on, without its first `columns` columns of indentation (a tab reaches the next
    /// multiple of 4; a tab that reaches past them leaves its remaining columns as spaces).
    static func dropIndent(_ columns: Int, from line: [Unicode.Scalar], after offset: Int) -> [Unicode.Scalar] {
        var index = max(0, min(offset, line.count))
        var column = 0
        while index < line.count, column < columns, line[index] == " " || line[index] == "\t" {
            let next = line[index] == "\t" ? (column / 4 + 1) * 4 : column + 1
            index += 1
            if next > columns {
                return Array(repeating: " ", count: next - columns) + line[index...]
            }
            column = next
        }
        return Array(line[index...])
    }
}
