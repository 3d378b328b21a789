/// Makes text from a server safe to show on one terminal line.
enum TerminalSafeText {
    /// A one-line, control-free preview of `text`, at most `limit` characters plus an ellipsis.
    ///
    /// Line breaks and tabs become spaces; other C0/C1 controls, DEL and line/paragraph separators are shown as
    /// `\u{…}` escapes, so no escape sequence reaches a terminal.
    /// - Parameters:
    ///   - text: The text to show.
    ///   - limit: The most characters to keep.
    /// - Returns: The preview.
    static func preview(_ text: String, limit: Int) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                result += "…"
                break
            }
            switch scalar.value {
            case 0x09, 0x0A, 0x0D:
                result += " "
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }
}
