/// A GitHub-flavoured Markdown table, with columns padded so the raw text also reads as a table.
package struct MarkdownTable: Sendable {
    /// How a column's cells are aligned.
    package enum Alignment: Sendable {
        case left, right
    }

    /// The column titles.
    package let headers: [String]
    /// The alignment of each column.
    package let alignments: [Alignment]
    private var rows: [[String]] = []

    /// Creates an empty table.
    /// - Parameters:
    ///   - headers: The column titles.
    ///   - alignments: Each column's alignment; missing entries are `.right` except the first, `.left`.
    package init(headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = headers.indices.map { index in
            index < alignments.count ? alignments[index] : (index == 0 ? .left : .right)
        }
    }

    /// Appends a row; missing cells are blank and extra cells are dropped.
    /// - Parameter cells: The row's cells, in column order.
    package mutating func append(_ cells: [String]) {
        rows.append(headers.indices.map { $0 < cells.count ? cells[$0] : "" })
    }

    /// The table as Markdown, one line per row, ending with a newline.
    package var rendered: String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { column in
                let padding = String(repeating: " ", count: max(0, widths[column] - cells[column].count))
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        let rule = headers.indices.map { column in
            let dashes = String(repeating: "-", count: max(3, widths[column]) + 2)
            return alignments[column] == .left ? dashes : String(dashes.dropLast()) + ":"
        }
        var text = line(headers) + "\n" + "|" + rule.joined(separator: "|") + "|\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }
}
