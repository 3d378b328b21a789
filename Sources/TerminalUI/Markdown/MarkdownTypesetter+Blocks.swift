/// Where blocks begin and end: the blank row between blocks, the quote bars, a list item's marker and the
/// continuation prefix of wrapped rows. Prefixes are built on the stack, and the continuation only when it changes:
/// these run at every line that starts a block, so they allocate nothing and copy little.
extension MarkdownTypesetter {
    /// Starts a new block on a fresh row, after one blank row when the source had a blank line, with its quote bars
    /// and `hanging` cells of indentation for wrapped rows.
    mutating func beginBlock(quotes: Int, hanging: Int = 0, into output: inout [UInt8]) {
        writer.wrapper.endLine(to: &output)
        if blankBefore, wroteBlock { writer.wrapper.newline(to: &output) }
        blankBefore = false
        wroteBlock = true
        self.quotes = quotes
        setHanging(width: hanging)
        guard quotes > 0 else { return }
        let size = Self.bar.utf8CodeUnitCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: quotes * size) { bars in
            for index in 0..<quotes { Self.put(Self.bar, in: bars, at: index * size) }
            writer.beginLine(prefixBytes: UnsafeBufferPointer(bars), cells: 2 * quotes, attributes: [.dim], to: &output)
        }
    }

    /// Begins the text of a heading, a list item or a paragraph line (`start` decided from `line`, the line's bytes
    /// so far): the block it opens, if any, and its row's prefix; the line's text then goes on from `start.length`.
    mutating func beginText(_ start: LineStart, line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        switch start.kind {
        case .heading(let level):
            endParagraph(into: &output)
            popItems(toIndent: start.indent)
            beginBlock(quotes: start.quotes, into: &output)
            writer.block = level == 1 ? [.strong, .underline] : [.strong]
            isHeading = true
        case .item(let marker, let ordered, let task):
            endParagraph(into: &output)
            popItems(toIndent: start.indent)
            let typed = UnsafeBufferPointer(rebasing: line[ordered ? marker : marker.lowerBound..<marker.lowerBound])
            beginItem(start, marker: marker.count, typed: typed, task: task, into: &output)
            inParagraph = true
        case .text where inParagraph:
            break  // a continuation line of the open paragraph (lazy or indented): joined by a soft break
        default:
            popItems(toIndent: start.indent)
            let indent = items.last?.displayIndent ?? 0
            beginBlock(quotes: start.quotes, hanging: indent, into: &output)
            if indent > 0 { writeIndent(indent, into: &output) }
            inParagraph = true
        }
        mode = .prose
    }

    /// Opens a fenced code block at its opening line (read in place): its run's length and indentation, and its info
    /// string as a dim label row (printable ASCII, the usual `swift`, written as it is, anything else sanitised).
    mutating func openFence(_ marker: Unicode.Scalar, line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let start = LineStart.classify(line, complete: true, inParagraph: false, itemIndent: 0)
        popItems(toIndent: start.indent)
        beginBlock(quotes: 0, into: &output)
        let byte = UInt8(ascii: marker)
        var end = start.length
        while end < line.count, line[end] == byte { end += 1 }
        var indent = 0
        while indent < line.count, line[indent] == 0x20 { indent += 1 }
        fence = Fence(marker: marker, length: max(3, end - start.length), indent: indent)
        // The info string: after the spaces and markers, without the spaces and tabs around it.
        var lower = 0
        while lower < line.count, line[lower] == 0x20 || line[lower] == byte { lower += 1 }
        var upper = line.count
        while lower < upper, line[lower] == 0x20 || line[lower] == 0x09 { lower += 1 }
        while lower < upper, line[upper - 1] == 0x20 || line[upper - 1] == 0x09 { upper -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: line[lower..<upper])
        let info = String(decoding: bytes, as: UTF8.self)
        if !bytes.isEmpty {
            if bytes.printableASCIIEnd(from: 0) == bytes.count {
                writer.beginLine(prefixBytes: bytes, cells: bytes.count, attributes: [.dim], to: &output)
            } else {
                writer.beginLine(prefix: TerminalSanitizer.singleLine(info), attributes: [.dim], to: &output)
            }
            writer.wrapper.newline(to: &output)
        }
        code.begin(info: info, color: writer.color)
    }

    /// Opens a list item (its block, its entry in `items`) and writes its row's prefix: the indentation, the marker
    /// as typed (`typed`: an ordered item's) or the depth's bullet, a space, the task box.
    /// - Parameter marker: The marker's length in the source.
    mutating func beginItem(
        _ start: LineStart,
        marker: Int,
        typed: UnsafeBufferPointer<UInt8>,
        task: Bool?,
        into output: inout [UInt8]
    ) {
        let depth = items.count
        let indent = items.last?.displayIndent ?? 0
        // The bullet and a box are 3 bytes each, each followed by a space.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: indent + typed.count + 8) { prefix in
            var count = indent
            var cells = indent + 1
            if indent > 0 { prefix.baseAddress?.initialize(repeating: 0x20, count: indent) }
            if !typed.isEmpty {
                _ = UnsafeMutableBufferPointer(rebasing: prefix[count...]).initialize(fromContentsOf: typed)
                count += typed.count
                cells += typed.count
            } else {
                count += Self.put(Self.bullet(depth), in: prefix, at: count)
                cells += Self.bulletCells[depth % 3]
            }
            prefix[count] = 0x20
            count += 1
            if let task {
                count += Self.put(task ? "☑ " : "☐ ", in: prefix, at: count)
                cells += Self.boxCells[task ? 1 : 0]
            }
            items.append(Item(contentIndent: start.indent + marker + 1, depth: depth, displayIndent: cells))
            beginBlock(quotes: start.quotes, hanging: cells, into: &output)
            let bytes = UnsafeBufferPointer(rebasing: prefix[..<count])
            writer.beginLine(prefixBytes: bytes, cells: cells, attributes: [], to: &output)
        }
    }

    /// Writes `cells` spaces as the row's prefix (a paragraph inside a list item).
    mutating func writeIndent(_ cells: Int, into output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: cells) { spaces in
            spaces.initialize(repeating: 0x20)
            writer.beginLine(prefixBytes: UnsafeBufferPointer(spaces), cells: cells, attributes: [], to: &output)
        }
    }

    /// Sets the continuation prefix for wrapped rows: the quote bars, then `width` spaces (built in the wrapper's
    /// buffer, which keeps its capacity from block to block), unless it already is that (with `usesRuns`: the
    /// differential tests compare it with a prefix built at every block).
    mutating func setHanging(width: Int) {
        let wanted = Hanging(quotes: quotes, width: width, restore: quotes > 0 && writer.color ? writer.applied : [])
        guard !usesRuns || wanted != hanging else { return }
        hanging = wanted
        var bytes: [UInt8] = []
        swap(&bytes, &writer.wrapper.continuation.bytes)
        if !bytes.isEmpty { bytes.removeAll(keepingCapacity: true) }
        if quotes > 0 {
            if writer.color { TextAttributes.dim.withSequence { bytes.append(contentsOf: $0) } }
            for _ in 0..<quotes { Self.append(Self.bar, to: &bytes) }
            if writer.color { wanted.restore.withSequence { bytes.append(contentsOf: $0) } }
        }
        bytes.append(contentsOf: repeatElement(0x20, count: width))
        swap(&bytes, &writer.wrapper.continuation.bytes)
        writer.wrapper.continuation.width = 2 * quotes + width
    }

    /// Ends the open paragraph or heading: what it holds is shown, its spans and styles end, and so does its row.
    mutating func endParagraph(into output: inout [UInt8]) {
        guard inParagraph || isHeading else { return }
        openers.finish(inline: &inline, writer: &writer, output: &output)
        inline.endBlock(to: &writer, output: &output)
        writer.resetStyle(to: &output)
        writer.wrapper.endLine(to: &output)
        inParagraph = false
        isHeading = false
    }

    /// Closes the list items a line indented this little is not part of.
    mutating func popItems(toIndent indent: Int) {
        while let item = items.last, indent < item.contentIndent { items.removeLast() }
    }
}
