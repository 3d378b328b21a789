/// A text style as the pair of SGR sequences that turn it on and off, with helpers for status and error lines.
///
/// ```
///  dim      ESC[2m    … ESC[22m       status lines (`status`), reasoning text
///  bold     ESC[1m    … ESC[22m       table headers
///  error    ESC[1;31m … ESC[22;39m    errors: bold red
///  warning  ESC[33m   … ESC[39m       warnings: yellow
/// ```
///
/// Every helper sanitises the text it styles (it may come from a server), and writes no escape at all when colour
/// is off.
package struct TerminalStyle: Sendable, Equatable {
    /// The sequence that turns the style on.
    package let open: String
    /// The sequence that turns the style off (and only it).
    package let close: String

    /// Creates a style from its SGR sequences.
    /// - Parameters:
    ///   - open: The sequence that turns the style on.
    ///   - close: The sequence that turns it off.
    package init(open: String, close: String) {
        self.open = open
        self.close = close
    }

    /// Faint text.
    package static let dim = TerminalStyle(open: "\u{1B}[2m", close: "\u{1B}[22m")
    /// Bold text (table headers).
    package static let bold = TerminalStyle(open: "\u{1B}[1m", close: "\u{1B}[22m")
    /// Bold red text, for errors.
    package static let error = TerminalStyle(open: "\u{1B}[1;31m", close: "\u{1B}[22;39m")
    /// Yellow text, for warnings.
    package static let warning = TerminalStyle(open: "\u{1B}[33m", close: "\u{1B}[39m")
    /// Dim text, for status lines.
    package static let status = dim

    /// SGR 0: turns every style off.
    package static let reset = "\u{1B}[0m"

    /// Styles a piece of untrusted text.
    /// - Parameters:
    ///   - text: The text; control sequences in it are removed.
    ///   - color: Whether to add the style's sequences.
    /// - Returns: The sanitised text, wrapped in the style when `color` is true.
    package func apply(_ text: String, color: Bool) -> String {
        var sanitizer = TerminalSanitizer()
        let clean = sanitizer.sanitize(text)
        return color ? open + clean + close : clean
    }

    /// A whole status or error line: the styled, sanitised text and a newline.
    /// - Parameters:
    ///   - text: The message; control sequences in it are removed and newlines become spaces.
    ///   - color: Whether to add the style's sequences.
    /// - Returns: The line, ending in LF.
    package func line(_ text: String, color: Bool) -> String {
        let body = TerminalSanitizer.singleLine(text)
        return (color ? open + body + close : body) + "\n"
    }
}
