/// Markdown on a terminal as it streams: each character is written the moment it arrives, styled, append-only.
///
/// ```
///  "## Plan\n"            Plan                      bold; the "#" marks hidden
///  "- first *step*\n"     • first step              a bullet; "step" italic; wrapped rows hang under "first"
///  "> quoted\n"           │ quoted                  dim bars, one per level
///  "```swift\n"           swift                     a dim label in place of the fence line
///  "let x = 1\n"          let x = 1                 the code row exactly as typed: no gutter, padding or wrap
///  "```\n"                                          the closing fence leaves no row
///  "| a | b |\n|--|--|\n" table · 1 row…            a table is held, a status on the current row, then laid out
/// ```
/// Only the current row is ever changed (the table status is erased with `CR ESC[2K`); the bytes written are
/// printable text, LF, SGR, OSC 8 and `ESC[K`/`ESC[2K`/`ESC[nD` — never a cursor-up. Holds are bounded: a line's
/// start until `LineStart` decides it, the inline holds of `InlineStyler`, and a table until it ends or reaches 50 body rows. A paragraph's
/// lines flow into one (a soft line break is a space; two trailing spaces or a backslash break the row).
struct MarkdownTypesetter: Sendable {
    var writer: MarkdownWriter
    // Internal, not private, for `MarkdownTypesetter+UTF8.swift`: the line's mode and the state its runs change.
    var inline = InlineStyler()
    var openers = OpenerRepaint()
    var mode = LineMode.start
    var trailingSpaces = 0
    /// The held line (its start until decided, or a whole fence, rule or table row), as sanitised UTF-8.
    var pending: [UInt8] = []
    /// What is known of `pending` while `LineStart` leaves it undecided (`usesRuns`), so that a long line of blanks
    /// or of a rule marker is not classified again on every piece.
    private var undecided = UndecidedLineStart()
    var code = CodeBlockWriter(info: "", color: false)
    // Internal for `MarkdownTypesetter+Blocks.swift`: the open blocks and the spacing between them.
    var fence: Fence?
    var items: [Item] = []
    var quotes = 0
    var inParagraph = false
    var isHeading = false
    var blankBefore = false
    var wroteBlock = false
    /// What the wrapper's continuation prefix was last built for (`setHanging` builds it only when this changes).
    var hanging = Hanging()
    private var table: TableBuffer
    private var codeIndent = 0
    /// Whether printable ASCII goes as runs (prose, code rows, held lines, a decided line start's text) rather than
    /// one scalar at a time; tests turn it off to compare with the general path.
    var usesRuns = true

    /// Creates a typesetter at the start of a line.
    /// - Parameters:
    ///   - width: The terminal width in cells.
    ///   - color: Whether to write SGR styles and hyperlinks.
    ///   - showsProgress: Whether a held table shows a status on the current row (a live terminal only).
    init(width: Int, color: Bool, showsProgress: Bool = true) {
        writer = MarkdownWriter(width: width, color: color)
        table = TableBuffer(showsStatus: showsProgress)
    }

    /// Identifies the word the wrapper holds back mid-line, if any (see `LineWrapper.heldWordID`).
    var heldWordID: Int? { writer.wrapper.heldWordID }

    /// Whether anything is held back: a line start, an inline hold, a table.
    var isHolding: Bool { !pending.isEmpty || inline.isHolding || table.isActive }

    /// Shows the word held back mid-line.
    mutating func flushHeld(into output: inout [UInt8]) {
        writer.wrapper.flushHeld(to: &output)
    }

    /// Applies a new terminal width from the current row on.
    mutating func resize(width: Int) {
        writer.wrapper.resize(width: width)
    }

    /// Typesets one (sanitised) scalar of the reply.
    mutating func feed(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        if scalar == "\n" {
            endLine(into: &output)
            return
        }
        switch mode {
        case .start:
            hold(scalar)
            decideStart(complete: false, into: &output)
        case .prose:
            trailingSpaces = scalar == " " ? trailingSpaces + 1 : 0
            feedInline(scalar, into: &output)
        case .code:
            writeCode(scalar, into: &output)
        case .held:
            hold(scalar)
        }
    }

    /// Ends the reply: the line in progress, a held table, every open style; leaves the cursor at a line start.
    mutating func finish(into output: inout [UInt8]) {
        if case .start = mode, !pending.isEmpty { decideStart(complete: true, into: &output) }
        if case .held = mode { endLine(into: &output) }
        if table.isActive { flushTable(into: &output) }
        if case .code = mode { code.finish(into: &output) }
        if fence != nil { code.finish(into: &output) }
        endParagraph(into: &output)
        writer.resetStyle(to: &output)
        writer.wrapper.endLine(to: &output)
        mode = .start
        pending.removeAll(keepingCapacity: true)
        fence = nil
        items.removeAll()
    }

    // MARK: Lines

    mutating func decideStart(complete: Bool, into output: inout [UInt8]) {
        if let fence {
            decideInsideFence(fence, complete: complete, into: &output)
            return
        }
        if usesRuns, !complete, undecided.isUndecided(pending) { return }
        undecided.reset()
        let itemIndent = items.last?.contentIndent ?? 0
        let start = LineStart.classify(pending, complete: complete, inParagraph: inParagraph, itemIndent: itemIndent)
        if start.kind == .undecided {
            if usesRuns { undecided.classifiedUndecided(pending, start) }
            return
        }
        if table.isActive, start.kind != .tableRow { flushTable(into: &output) }
        switch start.kind {
        case .undecided:
            return
        case .blank:
            endParagraph(into: &output)
            blankBefore = true
            if !pending.isEmpty { pending.removeAll(keepingCapacity: true) }
        case .fence, .rule, .tableRow:
            mode = .held(start.kind)
        case .indentedCode:
            endParagraph(into: &output)
            beginBlock(quotes: start.quotes, into: &output)
            codeIndent = itemIndent + 4
            let text = Self.dropIndent(
                codeIndent,
                from: pending,
                after: start.length - Self.indentLength(pending, start)
            )
            pending.removeAll(keepingCapacity: true)
            mode = .code
            code.begin(info: "", color: false)
            text.withUnsafeBufferPointer { replay($0, asCode: true, into: &output) }
        case .heading, .item, .text:
            // The line's text goes on from its start's end, read in place from the held bytes (taken out of
            // `pending` with `swap`, so that feeding them does not copy them).
            var line: [UInt8] = []
            swap(&line, &pending)
            line.withUnsafeBufferPointer { line in
                beginText(start, line: line, into: &output)
                replay(
                    UnsafeBufferPointer(rebasing: line[min(start.length, line.count)...]),
                    asCode: false,
                    into: &output
                )
            }
            restorePending(&line)
        }
    }

    /// Decides a line's start from the bytes in hand, nothing held (`feed(ascii:into:)` at a line start): a
    /// heading, list item, paragraph or code line begins at once, and the caller goes on after its start (the
    /// returned length); a fence or table row, or a start that all of `bytes` leaves undecided (so each of its
    /// prefixes too), is held whole. `nil` leaves the line to be held and decided by `decideStart`.
    mutating func startInPlace(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int? {
        if let fence {
            guard case .code(let skip) = fence.decide(bytes, complete: false) else { return nil }
            mode = .code
            return skip
        }
        let itemIndent = items.last?.contentIndent ?? 0
        let start = LineStart.classify(bytes, complete: false, inParagraph: inParagraph, itemIndent: itemIndent)
        if table.isActive, start.kind != .tableRow { return nil }
        switch start.kind {
        case .heading, .item, .text:
            beginText(start, line: bytes, into: &output)
            return start.length
        case .fence, .tableRow:
            pending.append(contentsOf: bytes)
            mode = .held(start.kind)
            return bytes.count
        case .undecided:
            pending.append(contentsOf: bytes)
            return bytes.count
        default:
            return nil
        }
    }

    private mutating func endLine(into output: inout [UInt8]) {
        switch mode {
        case .start where usesRuns && pending.isEmpty && fence == nil:
            // An empty line (one after each block): what `LineStart` decides it is, a blank, without asking.
            undecided.reset()
            if table.isActive { flushTable(into: &output) }
            endParagraph(into: &output)
            blankBefore = true
            return
        case .start:
            decideStart(complete: true, into: &output)
            if case .start = mode {
                if !pending.isEmpty { pending.removeAll(keepingCapacity: true) }
                return
            }
            endLine(into: &output)
        case .prose:
            let hard = trailingSpaces >= 2 || inline.takeTrailingBackslash()
            trailingSpaces = 0
            if isHeading {
                endParagraph(into: &output)
            } else {
                inline.endLine(to: &writer, output: &output)
                if hard {
                    writer.wrapper.newline(to: &output)
                    writer.wrapper.beginLine(
                        prefix: writer.wrapper.continuation.bytes,
                        width: writer.wrapper.continuation.width,
                        to: &output
                    )
                } else {
                    writer.wrapper.spaceBreak(to: &output)
                    openers.softBreak(row: writer.wrapper.rowsEnded)
                }
            }
        case .code:
            if usesRuns {
                code.endLine(into: &output)
            } else {
                code.write("\n", into: &output)
                code.flush(into: &output)
            }
            if fence == nil { code.finish(into: &output) }
        case .held(let kind):
            var line: [UInt8] = []
            swap(&line, &pending)
            endHeldLine(kind, line, into: &output)
            restorePending(&line)
        }
        mode = .start
    }

    private mutating func endHeldLine(_ kind: LineStart.Kind, _ line: [UInt8], into output: inout [UInt8]) {
        switch kind {
        case .fence(let marker, _):
            if fence != nil {
                fence = nil
                code.finish(into: &output)
                wroteBlock = true
                return
            }
            endParagraph(into: &output)
            line.withUnsafeBufferPointer { openFence(marker, line: $0, into: &output) }
        case .rule:
            endParagraph(into: &output)
            beginBlock(quotes: 0, into: &output)
            let width = max(3, min(writer.wrapper.width, 80) - writer.wrapper.column)
            Self.rule.withUnsafeBufferPointer { rule in
                let bytes = UnsafeBufferPointer(rebasing: rule[..<(width * 3)])
                writer.beginLine(prefixBytes: bytes, cells: width, attributes: [.dim], to: &output)
            }
            writer.wrapper.newline(to: &output)
        case .tableRow:
            endParagraph(into: &output)
            if !table.isActive {
                writer.wrapper.endLine(to: &output)
                if blankBefore, wroteBlock { writer.wrapper.newline(to: &output) }
                blankBefore = false
            }
            // The row lent in place (an array argument is retained and released).
            line.withUnsafeBufferPointer { row in
                let (width, color) = (writer.wrapper.width, writer.color)
                guard let paragraph = table.add(row, width: width, color: color, into: &output) else { return }
                // The row before was not a table header after all: it is a paragraph of its own.
                table.clear(into: &output)
                inParagraph = true
                mode = .prose
                for scalar in paragraph.unicodeScalars { feedInline(scalar, into: &output) }
                endParagraph(into: &output)
                _ = table.add(row, width: width, color: color, into: &output)
            }
        default:
            break
        }
    }

    /// One scalar of a paragraph's or heading's text, through the inline styler (and the unclosed-opener watch).
    private mutating func feedInline(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        openers.willFeed(scalar, inline: &inline, writer: &writer)
        inline.feed(scalar, to: &writer, output: &output)
        openers.didFeed(row: writer.wrapper.rowsEnded, settled: !inline.hasOpenSpans && !inline.isHolding)
    }

    private mutating func writeCode(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        code.write(scalar, into: &output)
    }

    /// Writes what a delta left held only for colouring (code waiting for its lexer); called after each delta so
    /// code streams as it arrives.
    @inline(__always)
    mutating func endOfDelta(into output: inout [UInt8]) {
        if case .code = mode { code.flush(into: &output) }
    }

    /// The table ended: lays it out, or, when it never was one, writes its only row as a paragraph.
    private mutating func flushTable(into output: inout [UInt8]) {
        switch table.finish(width: writer.wrapper.width, color: writer.color, into: &output) {
        case .table:
            wroteBlock = true
        case .paragraph(let text):
            beginBlock(quotes: 0, into: &output)
            inParagraph = true
            mode = .prose
            for scalar in text.unicodeScalars { feedInline(scalar, into: &output) }
            endParagraph(into: &output)
            mode = .start
        case .nothing:
            break
        }
    }
}
