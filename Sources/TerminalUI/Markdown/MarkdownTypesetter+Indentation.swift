extension MarkdownTypesetter {
    /// How many bytes of `line` the indentation after the quote markers takes.
    static func indentLength(_ line: [UInt8], _ start: LineStart) -> Int {
        var count = 0
        var index = start.length - 1
        while index >= 0, line[index] == 0x20 || line[index] == 0x09 {
            count += 1
            index -= 1
        }
        return count
    }

    /// The line from `offset` on, without its first `columns` columns of indentation (a tab reaches the next
    /// multiple of 4; a tab that reaches past them leaves its remaining columns as spaces).
    static func dropIndent(_ columns: Int, from line: [UInt8], after offset: Int) -> [UInt8] {
        var index = max(0, min(offset, line.count))
        var column = 0
        while index < line.count, column < columns, line[index] == 0x20 || line[index] == 0x09 {
            let next = line[index] == 0x09 ? (column / 4 + 1) * 4 : column + 1
            index += 1
            if next > columns {
                return Array(repeating: 0x20, count: next - columns) + line[index...]
            }
            column = next
        }
        return Array(line[index...])
    }
}
