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
