/// An incremental CommonMark 0.31.2 + GFM parser: text in pieces of any size, `MarkdownEvent`s out as soon as
/// each is decided; the events are the same however the text is split.
///
/// ```
///  feed("# Ti")  feed("tle\nSome *em")  feed("ph* text\n\n")      finish()
///      │              │                      │                        │
///      ▼              ▼                      ▼                        ▼
///   (held: no     .open(.heading(1))    (paragraph ends at       (closes what is
///    line end)    .inline(.text("Title"))  the blank line)         still open)
///                 .close(.heading(1))   .open(.paragraph) .inline(.text("Some ")) .inline(.open(.emphasis)) …
///
///  what is held, and for how long:
///    the current line                until its line ending (LF, CR or CRLF; a CR waits for one more byte only
///                                     to swallow a following LF, nothing is reported late because of it)
///    the open paragraph              until it ends (blank line, another block, end of its container, finish):
///                                     a later line can make it a setext heading or a table header, and inlines
///                                     (emphasis, links) are exact only over the whole paragraph
///    the open table                  until it ends (its columns are laid out from every row)
///    blank lines in indented code    until a later code line (trailing blank lines are not part of the block)
/// ```
///
/// The terminal renderer does not wait for these events: it styles characters as they arrive with its own bounded
/// holds (TerminalUI's `InlineStyler` and `LineStart`); the parser serves exact whole-document uses (tables, `/copy`,
/// the spec tests). Work is linear in the input: each line is matched once and each paragraph is
/// parsed for inlines once, when it closes. Lines are UTF-8; NUL is replaced by U+FFFD (spec §2.3).
package struct MarkdownParser: Sendable {
    private var blocks: BlockParser
    private var line: [UInt8] = []
    private var afterCR = false

    /// Creates a parser for one document.
    /// - Parameter extensions: The GFM extensions to apply; all of them by default.
    package init(extensions: MarkdownExtensions = .gfm) {
        blocks = BlockParser(extensions: extensions)
    }

    /// Parses the next piece of the document.
    /// - Parameters:
    ///   - text: The next characters, of any length (a line may arrive over many calls).
    ///   - events: Receives the events the piece decides, in order.
    package mutating func feed(_ text: some StringProtocol, into events: inout [MarkdownEvent]) {
        let handled: Void? = text.utf8.withContiguousStorageIfAvailable { feed(bytes: $0) }
        if handled == nil {
            var copy = String(text)
            copy.withUTF8 { feed(bytes: $0) }
        }
        take(into: &events)
    }

    /// Parses the next piece of the document (the same as the generic `feed`, without its generic dispatch).
    /// - Parameters:
    ///   - text: The next characters.
    ///   - events: Receives the events the piece decides, in order.
    package mutating func feed(_ text: Substring, into events: inout [MarkdownEvent]) {
        if text.utf8.withContiguousStorageIfAvailable({ feed(bytes: $0) }) == nil {
            var text = text
            text.withUTF8 { feed(bytes: $0) }
        }
    }

    /// Parses the next piece of the document (the same as the generic `feed`, without its generic dispatch).
    /// - Parameters:
    ///   - text: The next characters.
    ///   - events: Receives the events the piece decides, in order.
    package mutating func feed(_ text: String, into events: inout [MarkdownEvent]) {
        var text = text
        text.withUTF8 { feed(bytes: $0) }
        take(into: &events)
    }

    @inline(__always)
    private mutating func feed(byte: UInt8) {
        if afterCR {
            afterCR = false
            if byte == 0x0A {
                return
            }
        }
        switch byte {
        case 0x0A:
            endLine()
        case 0x0D:
            endLine()
            afterCR = true
        case 0:
            line.append(contentsOf: [0xEF, 0xBF, 0xBD])
        default:
            line.append(byte)
        }
    }

    private mutating func feed(bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        if afterCR, !bytes.isEmpty {
            afterCR = false
            if bytes[0] == 0x0A {
                index = 1
            }
        }
        while index < bytes.count {
            var end = index
            while end < bytes.count {
                let byte = bytes[end]
                if byte <= 0x0D, byte == 0x0A || byte == 0x0D || byte == 0 {
                    break
                }
                end += 1
            }
            if end - index > 16 {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            } else {
                for offset in index..<end {
                    line.append(bytes[offset])
                }
            }
            guard end < bytes.count else { return }
            switch bytes[end] {
            case 0x0A:
                endLine()
                index = end + 1
            case 0x0D:
                endLine()
                if end + 1 < bytes.count {
                    index = bytes[end + 1] == 0x0A ? end + 2 : end + 1
                } else {
                    afterCR = true
                    index = end + 1
                }
            default:
                line.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index = end + 1
            }
        }
    }

    /// Ends the document: the last line (even without a line ending) and every open block.
    /// - Parameter events: Receives the remaining events.
    package mutating func finish(into events: inout [MarkdownEvent]) {
        if !line.isEmpty {
            endLine()
        }
        blocks.finish()
        take(into: &events)
    }

    private mutating func endLine() {
        blocks.process(line)
        blocks.cursor.bytes = []
        line.removeAll(keepingCapacity: true)
    }

    private mutating func take(into events: inout [MarkdownEvent]) {
        guard !blocks.events.isEmpty else { return }
        if events.isEmpty, events.capacity <= blocks.events.capacity {
            swap(&events, &blocks.events)
            return
        }
        events.append(contentsOf: blocks.events)
        blocks.events.removeAll(keepingCapacity: true)
    }
}
