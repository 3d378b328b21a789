/// CommonMark's block phase (spec appendix "A parsing strategy") for one complete line at a time: match the open
/// containers, open new blocks, add the rest of the line as text, and report each block as soon as it is decided.
///
/// Only the stack of open blocks and the one open leaf's content are kept; closed blocks are forgotten once
/// reported, so memory is bounded by nesting depth plus the open paragraph, table or held blank code lines.
struct BlockParser {
    /// The kind of an open block.
    enum Kind: Equatable {
        case document, blockQuote, list, item, paragraph, fencedCode, indentedCode, table
    }

    /// An open block on the stack.
    struct Block {
        var kind: Kind
        var startLine: Int
        /// cmark's `last_line_blank`: the last line this block was the innermost container of was blank.
        var lastLineBlank = false
        /// Whether the block has had a child.
        var hasChildren = false
        /// Whether the most recent child ends with a blank line (cmark's `S_ends_with_blank_line`).
        var lastChildEndsBlank = false
        /// The list (for `.list`) or the item's list and marker geometry (for `.item`).
        var list = ListData()
    }

    /// A list's or list item's marker data.
    struct ListData {
        /// The bullet (`-`, `+`, `*`) or the ordered list's delimiter (`.`, `)`).
        var markerByte = UInt8(ascii: "-")
        var ordered = false
        var start = 0
        var markerOffset = 0
        var padding = 0
        var tight = true
        var task: Bool?
    }

    /// The event form of a list's marker.
    static func marker(_ list: ListData) -> MarkdownList.Marker {
        let character = Character(Unicode.Scalar(list.markerByte))
        return list.ordered ? .ordered(start: list.start, delimiter: character) : .bullet(character)
    }

    /// The state of the open leaf block (only ever the innermost one).
    struct Leaf {
        /// The paragraph's text so far: its lines, each followed by LF.
        var paragraph: [UInt8] = []
        /// Where the paragraph's last line starts in `paragraph`.
        var paragraphLastLine = 0
        var fenceCharacter: UInt8 = 0
        var fenceLength = 0
        var fenceOffset = 0
        var codeInfo = ""
        /// Blank lines of indented code reported only once a later code line follows them.
        var heldBlankCodeLines: [String] = []
        var table = MarkdownTable(alignments: [], header: [], rows: [])
    }

    let extensions: MarkdownExtensions
    var stack: [Block] = [Block(kind: .document, startLine: 0)]
    var leaf = Leaf()
    /// Reused for every paragraph, heading and cell, so its storage is allocated once.
    var inlineParser: InlineParser
    var cursor = LineCursor()
    var lineNumber = 0
    /// Events decided so far and not yet taken by the caller.
    var events: [MarkdownEvent] = []
    private var allClosed = true
    private var lastMatched = 0

    init(extensions: MarkdownExtensions) {
        self.extensions = extensions
        inlineParser = InlineParser(extensions: extensions)
    }

    /// Processes one line (without its line ending).
    mutating func process(_ line: [UInt8]) {
        lineNumber += 1
        cursor.reset(line)
        var container = 0
        var index = 1
        matching: while index < stack.count {
            cursor.findNextNonspace()
            switch continues(index) {
            case .matched:
                container = index
                index += 1
            case .unmatched:
                break matching
            case .lineDone:
                return
            }
        }
        allClosed = container == stack.count - 1
        lastMatched = container
        let containerKind = stack[container].kind
        var matchedLeaf = containerKind == .fencedCode || containerKind == .indentedCode
        var lineConsumed = false
        while !matchedLeaf {
            cursor.findNextNonspace()
            if !cursor.indented, !Self.maybeSpecial(cursor.byte(at: cursor.nextNonspace)) {
                cursor.advanceNextNonspace()
                break
            }
            switch openBlock(container: container) {
            case .none:
                cursor.advanceNextNonspace()
                matchedLeaf = true
            case .container:
                container = stack.count - 1
            case .leaf:
                container = stack.count - 1
                matchedLeaf = true
            case .consumed:
                container = stack.count - 1
                matchedLeaf = true
                lineConsumed = true
            }
        }
        addText(container: container, lineConsumed: lineConsumed)
    }

    /// Closes every open block at the end of the document.
    mutating func finish() {
        while stack.count > 1 {
            closeTop()
        }
    }

    private mutating func addText(container: Int, lineConsumed: Bool) {
        let blank = cursor.blank && !lineConsumed
        if blank {
            if container + 1 < stack.count {
                stack[container + 1].lastLineBlank = true
            } else if stack[container].hasChildren {
                stack[container].lastChildEndsBlank = true
            }
        }
        let kind = stack[container].kind
        let emptyNewItem = kind == .item && !stack[container].hasChildren && stack[container].startLine == lineNumber
        stack[container].lastLineBlank =
            blank && kind != .blockQuote && kind != .fencedCode && !emptyNewItem
        for ancestor in 0..<container {
            stack[ancestor].lastLineBlank = false
        }
        if lineConsumed {
            return
        }
        if !allClosed, !cursor.blank, stack[stack.count - 1].kind == .paragraph {
            addParagraphLine()
            return
        }
        closeUnmatched()
        switch stack[stack.count - 1].kind {
        case .paragraph:
            addParagraphLine()
        case .fencedCode:
            events.append(.codeLine(String(decoding: cursor.rest(), as: UTF8.self)))
        case .indentedCode:
            addIndentedCodeLine()
        case .table:
            addTableRow()
        default:
            if !cursor.blank {
                addChild(.paragraph)
                cursor.advanceNextNonspace()
                leaf.paragraph.removeAll(keepingCapacity: true)
                addParagraphLine()
            }
        }
    }

    private mutating func addParagraphLine() {
        leaf.paragraphLastLine = leaf.paragraph.count
        leaf.paragraph.append(contentsOf: cursor.rest())
        leaf.paragraph.append(0x0A)
    }

    private mutating func addIndentedCodeLine() {
        let line = String(decoding: cursor.rest(), as: UTF8.self)
        if cursor.blank {
            leaf.heldBlankCodeLines.append(line)
            return
        }
        for held in leaf.heldBlankCodeLines {
            events.append(.codeLine(held))
        }
        leaf.heldBlankCodeLines.removeAll()
        events.append(.codeLine(line))
    }

    // MARK: Continuation

    private enum Continuation {
        case matched, unmatched, lineDone
    }

    private mutating func continues(_ index: Int) -> Continuation {
        switch stack[index].kind {
        case .document, .list:
            return .matched
        case .blockQuote:
            guard !cursor.indented, cursor.byte(at: cursor.nextNonspace) == UInt8(ascii: ">") else { return .unmatched }
            cursor.advanceNextNonspace()
            cursor.advance(1, columns: false)
            if Self.isSpaceOrTab(cursor.byte(at: cursor.offset)) {
                cursor.advance(1, columns: true)
            }
            return .matched
        case .item:
            let list = stack[index].list
            if cursor.blank {
                guard stack[index].hasChildren else { return .unmatched }
                cursor.advanceNextNonspace()
            } else if cursor.indent >= list.markerOffset + list.padding {
                cursor.advance(list.markerOffset + list.padding, columns: true)
            } else {
                return .unmatched
            }
            return .matched
        case .paragraph, .table:
            return cursor.blank ? .unmatched : .matched
        case .indentedCode:
            if cursor.indented {
                cursor.advance(4, columns: true)
            } else if cursor.blank {
                cursor.advanceNextNonspace()
            } else {
                return .unmatched
            }
            return .matched
        case .fencedCode:
            if !cursor.indented, closesFence() {
                closeTop()
                return .lineDone
            }
            var remaining = leaf.fenceOffset
            while remaining > 0, Self.isSpaceOrTab(cursor.byte(at: cursor.offset)) {
                cursor.advance(1, columns: true)
                remaining -= 1
            }
            return .matched
        }
    }

    private func closesFence() -> Bool {
        var index = cursor.nextNonspace
        let bytes = cursor.bytes
        while index < bytes.count, bytes[index] == leaf.fenceCharacter {
            index += 1
        }
        guard index - cursor.nextNonspace >= leaf.fenceLength else { return false }
        while index < bytes.count, Self.isSpaceOrTab(bytes[index]) {
            index += 1
        }
        return index == bytes.count
    }

    // MARK: Opening and closing

    /// Closes the blocks the current line did not match (once per line).
    mutating func closeUnmatched() {
        guard !allClosed else { return }
        while stack.count - 1 > lastMatched {
            closeTop()
        }
        allClosed = true
    }

    /// Adds a block as a child of the innermost block that can contain it, closing those that cannot.
    mutating func addChild(_ kind: Kind, list: ListData = ListData()) {
        while !Self.canContain(stack[stack.count - 1].kind, kind) {
            closeTop()
        }
        noteNewChild()
        stack.append(Block(kind: kind, startLine: lineNumber, list: list))
    }

    /// Records that the innermost block gets a new child; a blank line before it makes the enclosing list loose.
    mutating func noteNewChild() {
        let parent = stack.count - 1
        if stack[parent].hasChildren, stack[parent].lastChildEndsBlank {
            if stack[parent].kind == .list {
                stack[parent].list.tight = false
            } else if stack[parent].kind == .item, parent > 0, stack[parent - 1].kind == .list {
                stack[parent - 1].list.tight = false
            }
        }
        stack[parent].hasChildren = true
        stack[parent].lastChildEndsBlank = false
    }

    /// Closes the innermost open block and reports it.
    mutating func closeTop() {
        let block = stack.removeLast()
        switch block.kind {
        case .document:
            return
        case .blockQuote:
            events.append(.close(.blockQuote))
        case .list:
            events.append(.close(.list(MarkdownList(marker: Self.marker(block.list), tight: block.list.tight))))
        case .item:
            events.append(.close(.listItem(task: block.list.task)))
        case .paragraph:
            emitParagraph(leaf.paragraph[...])
            leaf.paragraph.removeAll(keepingCapacity: true)
        case .fencedCode, .indentedCode:
            leaf.heldBlankCodeLines.removeAll()
            events.append(.close(.codeBlock(info: leaf.codeInfo, fenced: block.kind == .fencedCode)))
        case .table:
            events.append(.table(leaf.table))
            leaf.table = MarkdownTable(alignments: [], header: [], rows: [])
        }
        let endsBlank =
            block.lastLineBlank || ((block.kind == .list || block.kind == .item) && block.lastChildEndsBlank)
        stack[stack.count - 1].lastChildEndsBlank = endsBlank
    }

    private static func canContain(_ parent: Kind, _ child: Kind) -> Bool {
        switch parent {
        case .document, .blockQuote, .item: child != .item
        case .list: child == .item
        default: false
        }
    }

    static func isSpaceOrTab(_ byte: UInt8?) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    private static func maybeSpecial(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "_"), UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "|"),
            UInt8(ascii: ":"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }
}
