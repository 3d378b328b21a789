/// What `MarkdownParser` holds back at a given moment: the paragraph in progress and the current line.
///
/// The paragraph's exact events come when it closes. Until then a streaming renderer can show it through
/// `StreamingInlines`, fed the paragraph's lines as they complete (`MarkdownParser.paragraphText(from:)`, which
/// gives only the new ones) and the current line's text once `lineStartDecided`:
///
/// | Held                         | Until                                                          | Bound       |
/// |------------------------------|----------------------------------------------------------------|-------------|
/// | the current line's start     | a character that cannot be block syntax (`lineStartDecided`)    | the line    |
/// | a line that may head a table | the next line (`mayBeTableHeader`: it has a `|`)                | two lines   |
/// | inline constructs            | see `StreamingInlines`                                          | ≤ 200 bytes |
///
/// A setext underline (`===`, `---`) turns the paragraph above into a heading only when it arrives; a renderer that
/// already wrote the paragraph shows the underline as its heading mark.
package struct MarkdownProvisional: Equatable, Sendable {
    /// The complete lines of the open paragraph, each ending in LF (empty when no paragraph is open).
    package var paragraph: String
    /// The current line's characters so far (its block structure is decided when it ends).
    package var currentLine: String

    /// Whether the current line has shown a character that cannot belong to a block marker (`#`, `>`, `-`, `*`,
    /// `+`, `1.`, `1)`, a fence, a thematic break, a setext underline, a table delimiter row): from then on its
    /// characters are text of a paragraph (after the markers before them).
    package var lineStartDecided: Bool {
        var digits = 0
        for scalar in currentLine.unicodeScalars {
            switch scalar {
            case " ", "\t", ">", "#", "*", "-", "+", "_", "=", "~", "`", "|", ":", ".", ")":
                digits = 0
            case "0"..."9":
                digits += 1
                if digits > 9 {
                    return true
                }
            default:
                return true
            }
        }
        return false
    }

    /// Whether the current line has a `|`: with tables on, the next line may make it a table header, so a renderer
    /// holds it until that line arrives.
    package var mayBeTableHeader: Bool {
        currentLine.utf8.contains(UInt8(ascii: "|"))
    }
}
