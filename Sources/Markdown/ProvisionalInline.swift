/// A provisional step of the paragraph being typed, from `StreamingInlines`.
package enum ProvisionalInline: Equatable, Sendable {
    /// Text to write now.
    case text(String)
    /// A span provisionally begins (emphasis, strong and strikethrough optimistically, links once complete).
    case open(MarkdownSpan)
    /// A provisional span ends.
    case close(MarkdownSpan)
    /// A code span begins; its text follows as `.text`.
    case openCode
    /// A code span ends.
    case closeCode
    /// A line ending inside the paragraph.
    case softBreak
    /// A hard line break.
    case hardBreak
}
