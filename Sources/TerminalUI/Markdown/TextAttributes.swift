/// The character attributes a Markdown span gives its text, and the SGR sequence that sets exactly them.
///
/// Every change writes the whole set after a reset (`ESC[0;1;3m`), so spans may open and close in any order and a
/// row's prefix (quote bars) can be written between them without disturbing them.
///
/// ```
///  strong 1 · emphasis 3 · underline 4 (links, level-1 headings) · strikethrough 9 · dim 2 (reasoning, quotes)
///  code 36 (cyan) · link 34 (blue) · heading 1 (+ 4 at level 1) · label 2 (code block language)
/// ```
struct TextAttributes: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let strong = TextAttributes(rawValue: 1 << 0)
    static let emphasis = TextAttributes(rawValue: 1 << 1)
    static let underline = TextAttributes(rawValue: 1 << 2)
    static let strikethrough = TextAttributes(rawValue: 1 << 3)
    static let dim = TextAttributes(rawValue: 1 << 4)
    static let code = TextAttributes(rawValue: 1 << 5)
    static let link = TextAttributes(rawValue: 1 << 6)

    /// The SGR sequence that turns every attribute off and then these on.
    var sequence: [UInt8] { Self.sequences[Int(rawValue & 0x7F)] }

    /// `sequence` for each of the 128 sets, built once (a style changes at almost every span).
    private static let sequences = (0..<128).map { TextAttributes(rawValue: UInt16($0)).makeSequence() }

    private func makeSequence() -> [UInt8] {
        var parameters = "0"
        if contains(.strong) { parameters += ";1" }
        if contains(.dim) { parameters += ";2" }
        if contains(.emphasis) { parameters += ";3" }
        if contains(.underline) || contains(.link) { parameters += ";4" }
        if contains(.strikethrough) { parameters += ";9" }
        if contains(.code) {
            parameters += ";36"
        } else if contains(.link) {
            parameters += ";34"
        }
        return Array("\u{1B}[\(parameters)m".utf8)
    }
}
