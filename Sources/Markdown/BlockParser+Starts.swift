/// Block starts, tried in the spec's order at the line's next non-space character.
extension BlockParser {
    /// What a block start did with the line.
    enum Start {
        /// Nothing starts here.
        case none
        /// A container opened; more blocks may start after it.
        case container
        /// A leaf that takes the rest of the line as its text opened.
        case leaf
        /// A leaf that used the whole line opened (and was reported).
        case consumed
    }

    /// Tries each block start in turn.
    mutating func openBlock(container: Int) -> Start {
        let byte = cursor.byte(at: cursor.nextNonspace)
        let indented = cursor.indented
        let inParagraph = stack[container].kind == .paragraph
        if !indented, byte == UInt8(ascii: ">") {
            cursor.advanceNextNonspace()
            cursor.advance(1, columns: false)
            if Self.isSpaceOrTab(cursor.byte(at: cursor.offset)) {
                cursor.advance(1, columns: true)
            }
            closeUnmatched()
            addChild(.blockQuote)
            events.append(.open(.blockQuote))
            return .container
        }
        if !indented, byte == UInt8(ascii: "#"), openATXHeading() {
            return .consumed
        }
        if !indented, byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~"), openFence() {
            return .consumed
        }
        if !indented, inParagraph, let level = setextLevel() {
            closeUnmatched()
            stack.removeLast()
            emitHeading(level: level, leaf.paragraph[...])
            leaf.paragraph.removeAll(keepingCapacity: true)
            stack[stack.count - 1].lastChildEndsBlank = false
            return .consumed
        }
        if !indented, isThematicBreak() {
            closeUnmatched()
            addLeafNow()
            events.append(.thematicBreak)
            return .consumed
        }
        if !indented || stack[container].kind == .list, let list = listMarker(inParagraph: inParagraph) {
            closeUnmatched()
            let top = stack[stack.count - 1]
            if top.kind != .list || !Self.sameType(top.list.marker, list.marker) {
                addChild(.list, list: list)
                events.append(.open(.list(MarkdownList(marker: list.marker, tight: true))))
            }
            var item = list
            item.task = extensions.contains(.taskLists) ? taskMarker() : nil
            addChild(.item, list: item)
            events.append(.open(.listItem(task: item.task)))
            return .container
        }
        let tip = stack[stack.count - 1].kind
        if indented, tip != .paragraph, tip != .table, !cursor.blank {
            cursor.advance(4, columns: true)
            closeUnmatched()
            addChild(.indentedCode)
            leaf.codeInfo = ""
            events.append(.open(.codeBlock(info: "", fenced: false)))
            return .leaf
        }
        if !indented, inParagraph, extensions.contains(.tables), openTable() {
            return .consumed
        }
        return .none
    }

    /// Adds a leaf that is complete at once (a heading or thematic break) as a closed child.
    mutating func addLeafNow() {
        while stack[stack.count - 1].kind != .document, stack[stack.count - 1].kind != .blockQuote,
            stack[stack.count - 1].kind != .item
        {
            closeTop()
        }
        noteNewChild()
    }

    private mutating func openATXHeading() -> Bool {
        let bytes = cursor.bytes
        var index = cursor.nextNonspace
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            index += 1
        }
        let level = index - cursor.nextNonspace
        guard level <= 6, index == bytes.count || Self.isSpaceOrTab(bytes[index]) else { return false }
        var start = index
        while start < bytes.count, Self.isSpaceOrTab(bytes[start]) {
            start += 1
        }
        var end = bytes.count
        while end > start, Self.isSpaceOrTab(bytes[end - 1]) {
            end -= 1
        }
        var hashes = end
        while hashes > start, bytes[hashes - 1] == UInt8(ascii: "#") {
            hashes -= 1
        }
        if hashes == start {
            end = start
        } else if hashes < end, Self.isSpaceOrTab(bytes[hashes - 1]) {
            end = hashes
        }
        closeUnmatched()
        addLeafNow()
        emitHeading(level: level, bytes[start..<end])
        return true
    }

    private mutating func openFence() -> Bool {
        let bytes = cursor.bytes
        let fence = bytes[cursor.nextNonspace]
        var index = cursor.nextNonspace
        while index < bytes.count, bytes[index] == fence {
            index += 1
        }
        let length = index - cursor.nextNonspace
        guard length >= 3 else { return false }
        if fence == UInt8(ascii: "`"), bytes[index...].contains(UInt8(ascii: "`")) {
            return false
        }
        closeUnmatched()
        addChild(.fencedCode)
        leaf.fenceCharacter = fence
        leaf.fenceLength = length
        leaf.fenceOffset = cursor.indent
        leaf.codeInfo = InlineParser.unescape(Self.trimmed(bytes[index...]))
        events.append(.open(.codeBlock(info: leaf.codeInfo, fenced: true)))
        return true
    }

    private func setextLevel() -> Int? {
        let rest = Self.trimmed(cursor.bytes[cursor.nextNonspace...])
        guard let first = rest.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-"),
            rest.allSatisfy({ $0 == first })
        else { return nil }
        return first == UInt8(ascii: "=") ? 1 : 2
    }

    private func isThematicBreak() -> Bool {
        let rest = cursor.bytes[cursor.nextNonspace...]
        guard let first = rest.first,
            first == UInt8(ascii: "*") || first == UInt8(ascii: "-") || first == UInt8(ascii: "_")
        else { return false }
        var count = 0
        for byte in rest {
            if byte == first {
                count += 1
            } else if !Self.isSpaceOrTab(byte) {
                return false
            }
        }
        return count >= 3
    }

    /// Parses a list marker at the next non-space character and moves past it and the spaces after it.
    private mutating func listMarker(inParagraph: Bool) -> ListData? {
        guard cursor.indent < 4 else { return nil }
        let bytes = cursor.bytes
        let start = cursor.nextNonspace
        var data = ListData()
        data.markerOffset = cursor.indent
        var end = start
        let first = bytes[start]
        if first == UInt8(ascii: "*") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            data.marker = .bullet(Character(Unicode.Scalar(first)))
            end = start + 1
        } else {
            var number = 0
            while end < bytes.count, end - start < 9, let digit = Self.digit(bytes[end]) {
                number = number * 10 + digit
                end += 1
            }
            guard end > start, end < bytes.count,
                bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"),
                !inParagraph || number == 1
            else { return nil }
            data.marker = .ordered(start: number, delimiter: Character(Unicode.Scalar(bytes[end])))
            end += 1
        }
        let markerLength = end - start
        guard end == bytes.count || Self.isSpaceOrTab(bytes[end]) else { return nil }
        if inParagraph, bytes[end...].allSatisfy({ Self.isSpaceOrTab($0) }) {
            return nil
        }
        cursor.advanceNextNonspace()
        cursor.advance(markerLength, columns: true)
        let spacesStartColumn = cursor.column
        let spacesStartOffset = cursor.offset
        repeat {
            cursor.advance(1, columns: true)
        } while cursor.column - spacesStartColumn < 5 && Self.isSpaceOrTab(cursor.byte(at: cursor.offset))
        let blankItem = cursor.byte(at: cursor.offset) == nil
        let spacesAfterMarker = cursor.column - spacesStartColumn
        if spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem {
            data.padding = markerLength + 1
            cursor.column = spacesStartColumn
            cursor.offset = spacesStartOffset
            cursor.partiallyConsumedTab = false
            if Self.isSpaceOrTab(cursor.byte(at: cursor.offset)) {
                cursor.advance(1, columns: true)
            }
        } else {
            data.padding = markerLength + spacesAfterMarker
        }
        return data
    }

    /// A GFM task marker (`[ ]`, `[x]`, `[X]` then a space and more text) at the start of an item: moves past it.
    private mutating func taskMarker() -> Bool? {
        let bytes = cursor.bytes
        var index = cursor.offset
        if cursor.partiallyConsumedTab {
            return nil
        }
        while index < bytes.count, Self.isSpaceOrTab(bytes[index]) {
            index += 1
        }
        guard index + 3 < bytes.count, bytes[index] == UInt8(ascii: "["), bytes[index + 2] == UInt8(ascii: "]"),
            Self.isSpaceOrTab(bytes[index + 3]), bytes[(index + 3)...].contains(where: { !Self.isSpaceOrTab($0) })
        else { return nil }
        let mark = bytes[index + 1]
        guard mark == 0x20 || mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X") else { return nil }
        cursor.advance(index + 3 - cursor.offset, columns: false)
        return mark != 0x20
    }

    private static func sameType(_ a: MarkdownList.Marker, _ b: MarkdownList.Marker) -> Bool {
        switch (a, b) {
        case (.bullet(let x), .bullet(let y)): x == y
        case (.ordered(_, let x), .ordered(_, let y)): x == y
        default: false
        }
    }

    static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    /// The bytes without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isSpaceOrTab(first) {
            slice.removeFirst()
        }
        while let last = slice.last, isSpaceOrTab(last) {
            slice.removeLast()
        }
        return slice
    }
}
