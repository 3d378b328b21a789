/// The fallback when even wrapped columns do not fit: every row as a record, one `header: value` line per cell.
extension TableLayout {
    /// A cell's text as a string.
    func string(_ row: Int, _ column: Int) -> String {
        let cell = cells[row * columns + column]
        return String(decoding: text[cell.start..<cell.end], as: UTF8.self)
    }

    /// Every row as a record: `header: value` lines, records separated by a short rule.
    func records(width: Int, color: Bool, continuing: Bool, into out: inout [UInt8]) {
        let rows = columns > 0 ? cells.count / columns : 0
        for index in stride(from: 1, to: rows, by: 1) {
            if index > 1 || continuing {
                out += (color ? TerminalStyle.dim.open + "───" + TerminalStyle.dim.close : "───").utf8
                out.append(0x0A)
            }
            for column in 0..<columns {
                let label = string(0, column) + ":"
                let lines = Self.wrap(label + " " + string(index, column), width: max(width, 2))
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
    }
}
