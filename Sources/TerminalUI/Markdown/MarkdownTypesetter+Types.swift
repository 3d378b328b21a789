/// The typesetter's state types, kept apart from its logic.
extension MarkdownTypesetter {
    /// What the current line is.
    enum LineMode: Sendable {
        /// Holding the line's start in `pending` until `LineStart` decides it.
        case start
        /// Paragraph, heading or list item text through the inline styler.
        case prose
        /// A code row, written as it comes.
        case code
        /// A line held to its end: a fence, a rule, a table row.
        case held(LineStart.Kind)

        /// Whether the line's start is still held.
        var isStart: Bool {
            if case .start = self { return true }
            return false
        }
    }

    /// An open fenced code block: its fence character, the fence's length and indentation.
    struct Fence: Sendable {
        var marker: Unicode.Scalar
        /// The opening run's whole length, read when its line ends: only a run at least as long closes the block.
        var length: Int
        var indent: Int

        /// What a line inside the block is, from its bytes so far.
        enum Line {
            /// It may still be the closing fence: wait for more (or its end).
            case undecided
            /// The closing fence, with its run's length.
            case closing(run: Int)
            /// A code line, shown from this byte on (its indentation up to the fence's dropped).
            case code(skip: Int)
        }

        /// Decides a line inside the block: code unless it may be the closing fence.
        /// - Parameters:
        ///   - line: The line's bytes so far.
        ///   - complete: Whether the line has ended.
        func decide(_ line: UnsafeBufferPointer<UInt8>, complete: Bool) -> Line {
            let marker = UInt8(ascii: self.marker)
            // At most 4 spaces are counted: a fifth is past the point the line is decided at (code), so a line held
            // whole and one held a byte at a time drop the same indentation.
            var spaces = 0
            while spaces < line.count, spaces < 4, line[spaces] == 0x20 { spaces += 1 }
            var end = spaces
            while end < line.count, line[end] == marker { end += 1 }
            let run = end - spaces
            var mayClose = spaces <= 3
            while mayClose, end < line.count {
                mayClose = line[end] == 0x20 || line[end] == 0x09
                end += 1
            }
            if mayClose, !complete { return .undecided }
            if mayClose, run >= length { return .closing(run: run) }
            return .code(skip: min(spaces, indent))
        }
    }

    /// An open list item.
    struct Item: Sendable {
        /// The column its content starts at in the source.
        var contentIndent: Int
        /// How deep it is (0 for a top-level item).
        var depth: Int
        /// The cells its content is indented by on the screen.
        var displayIndent: Int
    }

    /// What a continuation prefix is built from: the quote bars, the hanging indent, and the attributes restored
    /// after the bars (those in effect then; none without colour or bars).
    struct Hanging: Equatable, Sendable {
        var quotes = 0
        var width = 0
        var restore = TextAttributes()
    }
}
