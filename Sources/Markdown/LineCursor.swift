/// A position in one line as CommonMark's block parser walks it: a byte offset and a column in which a tab advances
/// to the next multiple of 4 (spec §2.2), with a tab that was only partly used as indentation remembered.
struct LineCursor {
    /// The line's bytes, without its line ending.
    var bytes: [UInt8] = []
    /// The next byte to look at.
    var offset = 0
    /// The column of `offset`, tabs expanded.
    var column = 0
    /// The first byte at or after `offset` that is not a space or tab.
    var nextNonspace = 0
    /// The column of `nextNonspace`.
    var nextNonspaceColumn = 0
    /// Columns of indentation from `column` to `nextNonspace`.
    var indent = 0
    /// Whether the rest of the line is spaces and tabs only.
    var blank = false
    /// Whether the tab at `offset` was partly consumed as indentation.
    var partiallyConsumedTab = false

    /// Whether the indentation from here is 4 columns or more (indented code).
    var indented: Bool { indent >= 4 }

    /// Starts on a new line.
    mutating func reset(_ line: [UInt8]) {
        bytes = line
        offset = 0
        column = 0
        partiallyConsumedTab = false
        findNextNonspace()
    }

    /// The byte at `index`, or `nil` past the end.
    func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// Updates `nextNonspace`, `indent` and `blank` from the current position.
    mutating func findNextNonspace() {
        var index = offset
        var columns = column
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 {
                index += 1
                columns += 1
            } else if byte == 0x09 {
                index += 1
                columns += 4 - columns % 4
            } else {
                break
            }
        }
        blank = index == bytes.count
        nextNonspace = index
        nextNonspaceColumn = columns
        indent = columns - column
    }

    /// Moves to `nextNonspace`.
    mutating func advanceNextNonspace() {
        offset = nextNonspace
        column = nextNonspaceColumn
        partiallyConsumedTab = false
    }

    /// Moves `count` bytes, or `count` columns when `columns` is set (a tab may then be partly consumed).
    mutating func advance(_ count: Int, columns: Bool) {
        var count = count
        while count > 0, offset < bytes.count {
            if bytes[offset] == 0x09 {
                let toTab = 4 - column % 4
                if columns {
                    partiallyConsumedTab = toTab > count
                    let step = min(toTab, count)
                    column += step
                    offset += partiallyConsumedTab ? 0 : 1
                    count -= step
                } else {
                    partiallyConsumedTab = false
                    column += toTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    /// The rest of the line from `offset`, with a partly consumed tab turned into the spaces that remain of it.
    mutating func rest() -> ArraySlice<UInt8> {
        if partiallyConsumedTab {
            let spaces = 4 - column % 4
            offset += 1
            partiallyConsumedTab = false
            return ArraySlice(repeatElement(0x20, count: spaces)) + bytes[offset...]
        }
        return bytes[min(offset, bytes.count)...]
    }
}
