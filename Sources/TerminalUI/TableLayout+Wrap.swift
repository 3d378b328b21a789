/// Word wrapping for a table's cells and records.
extension TableLayout {
    /// Word-wraps `text` to lines of at most `width` cells; a word wider than that is broken between clusters.
    static func wrap(_ text: String, width: Int) -> [String] {
        if isSingleSpaced(text.utf8), DisplayWidth.of(text) <= width {
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
}
