/// The static text of the rows' prefixes and rules.
extension MarkdownTypesetter {
    /// The longest thematic break, 80 cells of `─` (3 bytes each), and a quote bar `│ ` (2 cells), as UTF-8.
    static let rule = Array(String(repeating: "─", count: 80).utf8)
    static let bar: StaticString = "│ "

    /// The bullet of an unordered item at `depth` (static text: writing it retains nothing).
    static func bullet(_ depth: Int) -> StaticString {
        switch depth % 3 {
        case 0: "•"
        case 1: "◦"
        default: "▪"
        }
    }

    /// The bullets' widths, by depth.
    static let bulletCells = ["•", "◦", "▪"].map { DisplayWidth.of($0) }
    /// The widths of a task item's boxes, each followed by a space (`☐ ` unchecked, `☑ ` checked).
    static let boxCells = ["☐ ", "☑ "].map { DisplayWidth.of($0) }

    /// Copies static text's UTF-8 into `buffer` at `offset`.
    /// - Returns: How many bytes it takes.
    @discardableResult
    static func put(_ text: StaticString, in buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        let count = text.utf8CodeUnitCount
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: count)
        _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + count]).initialize(fromContentsOf: bytes)
        return count
    }

    /// Appends static text's UTF-8.
    static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
