/// What `MarkdownParser` holds back at a given moment: the text of the paragraph in progress.
///
/// The paragraph's exact events come when it closes; a streaming renderer can show `paragraph` + `currentLine`
/// before that through `StreamingInlines`, which decides most characters at once and holds only bounded spans.
package struct MarkdownProvisional: Equatable, Sendable {
    /// The complete lines of the open paragraph, each ending in LF (empty when no paragraph is open).
    package var paragraph: String
    /// The current line's characters so far (its block structure is decided when it ends).
    package var currentLine: String
}
