/// The GitHub Flavored Markdown extensions a `MarkdownParser` applies on top of CommonMark.
package struct MarkdownExtensions: OptionSet, Sendable {
    package let rawValue: UInt8

    package init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Pipe tables (reported whole as `.table`).
    package static let tables = MarkdownExtensions(rawValue: 1 << 0)
    /// `~text~` and `~~text~~`.
    package static let strikethrough = MarkdownExtensions(rawValue: 1 << 1)
    /// `- [ ]` and `- [x]` list items.
    package static let taskLists = MarkdownExtensions(rawValue: 1 << 2)
    /// `www.…`, `http(s)://…`, `ftp://…` and e-mail addresses without `<…>`.
    package static let autolinks = MarkdownExtensions(rawValue: 1 << 3)
    /// All of GFM's extensions (the default).
    package static let gfm: MarkdownExtensions = [.tables, .strikethrough, .taskLists, .autolinks]
}
