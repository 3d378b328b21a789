extension InlineStyler {
    /// Whether the text between `<` and `>` is an autolink: a URI with a scheme, or an email address.
    static func isAutolink(_ target: String) -> Bool {
        if let colon = target.firstIndex(of: ":") {
            let scheme = target[..<colon]
            return (2...32).contains(scheme.count) && scheme.first?.isLetter == true
                && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
        }
        let parts = target.split(separator: "@")
        return parts.count == 2 && parts[1].contains(".") && !parts[0].isEmpty
    }

    /// The character a numeric reference (`&#35;`, `&#x1F98A;`) stands for, U+FFFD for a control; `nil` if it is none.
    static func numericReference(_ text: String) -> String? {
        guard text.hasPrefix("&#"), text.hasSuffix(";") else { return nil }
        let body = text.dropFirst(2).dropLast()
        let value: UInt32?
        if body.first == "x" || body.first == "X" {
            value = UInt32(body.dropFirst(), radix: 16)
        } else {
            value = UInt32(body)
        }
        guard let value else { return nil }
        // A reference to a control character (NUL, ESC, C1…) must not reach the terminal: U+FFFD instead.
        guard let scalar = Unicode.Scalar(value), value >= 0x20, !(0x7F...0x9F).contains(value) else {
            return "\u{FFFD}"
        }
        return String(scalar)
    }
}
