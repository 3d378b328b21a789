/// One step of a Markdown document's structure, in document order, as `MarkdownParser` decides it.
///
/// Blocks are reported line by line; a leaf's inline content is reported when the leaf is exact:
///
/// ```
///  text pieces ─► lines ─► block structure (CommonMark container matching, one line at a time)
///
///  "> - [ ] buy *milk*\n"     .open(.blockQuote)                      ◄ at the line that starts it
///                             .open(.list(MarkdownList(marker: .bullet("-"), tight: true)))
///                             .open(.listItem(task: false))
///  "> - eggs\n"               .open(.paragraph) .inline(.text("buy ")) .inline(.open(.emphasis))
///                             .inline(.text("milk")) .inline(.close(.emphasis)) .close(.paragraph)
///                             .close(.listItem(task: false))          ◄ the paragraph closes when the next
///                             .open(.listItem(task: nil))               item starts: only then is it exact
///  "\n"                       .open(.paragraph) .inline(.text("eggs")) .close(.paragraph)
///                             .close(.listItem(task: nil)) .close(.list(…, tight: true)) .close(.blockQuote)
///  "```swift\n"               .open(.codeBlock(info: "swift", fenced: true))
///  "let x = 1\n"              .codeLine("let x = 1")                   ◄ code is reported line by line
///  "```\n"                    .close(.codeBlock(info: "swift", fenced: true))
///  "# Title\n"                .open(.heading(level: 1)) .inline(.text("Title")) .close(.heading(level: 1))
///  "***\n"                    .thematicBreak
///  "| a |\n|---|\n| 1 |\n\n"  .table(MarkdownTable(…))                ◄ a table is reported when it ends
/// ```
///
/// - `open`/`close` always pair and nest. `close(.list)` carries the list's final tightness; `open(.list)` carries
///   `tight: true` because it is not decided yet (a later blank line between items can make the list loose).
/// - A paragraph (which may still turn into a setext heading or a table header) and a setext heading are reported
///   whole, open, inlines, close, when they end; ATX headings when their line ends.
/// - Indented code reports a blank line only once a later code line shows it is inside the block.
package enum MarkdownEvent: Equatable, Sendable {
    /// A container or leaf block begins.
    case open(MarkdownBlock)
    /// The innermost open block ends.
    case close(MarkdownBlock)
    /// Inline content of the innermost open paragraph or heading.
    case inline(MarkdownInline)
    /// One line of the innermost open code block, without its line ending.
    case codeLine(String)
    /// A thematic break (`***`, `---`, `___`).
    case thematicBreak
    /// A complete GFM table.
    case table(MarkdownTable)
}

/// A block that opens and closes around other events.
package enum MarkdownBlock: Equatable, Sendable {
    /// A `>` block quote.
    case blockQuote
    /// A bullet or ordered list; its `tight` is final only in `close`.
    case list(MarkdownList)
    /// A list item; `task` is `nil` for an ordinary item, `false` for `[ ]` and `true` for `[x]` (GFM task lists).
    case listItem(task: Bool?)
    /// A paragraph; its inlines follow.
    case paragraph
    /// An ATX or setext heading of level 1–6; its inlines follow.
    case heading(level: Int)
    /// A fenced or indented code block; its lines follow as `codeLine`. `info` is the unescaped info string.
    case codeBlock(info: String, fenced: Bool)
}

/// What a list looks like: its marker and whether its items are separated by blank lines.
package struct MarkdownList: Equatable, Sendable {
    /// A list item marker.
    package enum Marker: Equatable, Sendable {
        /// `-`, `+` or `*`.
        case bullet(Character)
        /// A number followed by `.` or `)`; `start` is the first item's number.
        case ordered(start: Int, delimiter: Character)
    }

    /// The first item's marker (every item of a list has the same kind of marker).
    package var marker: Marker
    /// `true` when no blank line separates items or their blocks (paragraphs render without `<p>`).
    package var tight: Bool

    /// Creates a list description.
    package init(marker: Marker, tight: Bool) {
        self.marker = marker
        self.tight = tight
    }
}

/// A complete GFM table: cells hold inline events.
package struct MarkdownTable: Equatable, Sendable {
    /// A column's alignment from the delimiter row (`:--`, `:-:`, `--:`).
    package enum Alignment: Equatable, Sendable {
        /// `---`: no alignment given.
        case none
        /// `:--`.
        case left
        /// `:-:`.
        case center
        /// `--:`.
        case right
    }

    /// One alignment per column; every row has this many cells.
    package var alignments: [Alignment]
    /// The header row's cells.
    package var header: [[MarkdownInline]]
    /// The body rows, padded with empty cells or cut to the header's width.
    package var rows: [[[MarkdownInline]]]

    /// Creates a table.
    package init(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// Inline content: text runs, breaks and spans that open and close around them.
package enum MarkdownInline: Equatable, Sendable {
    /// Literal text, with escapes and character references already decoded.
    case text(String)
    /// A code span's content, with line endings turned to spaces and one surrounding space stripped.
    case code(String)
    /// A line ending inside a paragraph.
    case softBreak
    /// A hard line break (two or more spaces, or a backslash, before a line ending).
    case hardBreak
    /// A span begins.
    case open(MarkdownSpan)
    /// The innermost open span ends.
    case close(MarkdownSpan)
}

/// An inline span.
package enum MarkdownSpan: Equatable, Sendable {
    /// `*text*` or `_text_`.
    case emphasis
    /// `**text**` or `__text__`.
    case strong
    /// GFM `~~strikethrough~~` (one or two tildes on each side, the same number).
    case strikethrough
    /// An inline link `[text](destination "title")`; the destination is unescaped but not percent-encoded.
    case link(destination: String, title: String)
    /// `<https://…>`, `<a@b.c>` or a GFM extended autolink (`www.…`, `https://…`, `a@b.c`); its text follows.
    case autolink(destination: String)
    /// An image `![alt](source "title")`; the alt text follows as inlines.
    case image(source: String, title: String)
}
