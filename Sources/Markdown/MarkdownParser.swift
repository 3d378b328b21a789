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
/// `provisional` shows the paragraph being typed, for a renderer that writes characters before they are exact
/// (see `MarkdownProvisional`). Work is linear in the input: each line is matched once and each paragraph is
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
        for byte in text.utf8 {
            if afterCR {
                afterCR = false
                if byte == 0x0A {
                    continue
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
        take(into: &events)
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

    /// The paragraph being typed, not yet reported.
    package var provisional: MarkdownProvisional {
        let open = blocks.stack.last?.kind == .paragraph
        return MarkdownProvisional(
            paragraph: open ? String(decoding: blocks.leaf.paragraph, as: UTF8.self) : "",
            currentLine: String(decoding: line, as: UTF8.self)
        )
    }

    private mutating func endLine() {
        blocks.process(line)
        line.removeAll(keepingCapacity: true)
    }

    private mutating func take(into events: inout [MarkdownEvent]) {
        guard !blocks.events.isEmpty else { return }
        events.append(contentsOf: blocks.events)
        blocks.events.removeAll(keepingCapacity: true)
    }
}
