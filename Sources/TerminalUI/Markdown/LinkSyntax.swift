/// Recognises an inline link as it is typed: `[label](destination "title")` or `![alt](source)`.
///
/// ```
///  "[ssechat"              .incomplete      the label may still close
///  "[ssechat]"             .incomplete      "(" may follow
///  "[ssechat] "            .failed          no "(": not an inline link (reference links are not supported)
///  "[a](https://x.y/(b)"   .incomplete      parentheses in the destination balance
///  "[a](https://x.y \"t\")" .link("a", "https://x.y", image: false)
/// ```
/// Backslash escapes work in the label and destination; a `<…>` destination may hold spaces. The held text is at
/// most `InlineStyler.linkLimit` characters, so rescanning it on each character stays cheap.
enum LinkSyntax {
    /// What the text typed so far is.
    enum Match: Equatable {
        /// It may still become a link.
        case incomplete
        /// It cannot be one.
        case failed
        /// A complete link.
        case link(label: String, destination: String, image: Bool)
    }

    /// Matches `text`, which starts with `[` or `![`.
    static func match(_ text: String) -> Match {
        var scalars = Array(text.unicodeScalars)
        let image = scalars.first == "!"
        if image { scalars.removeFirst() }
        guard scalars.first == "[" else { return .failed }
        var index = 1
        var depth = 0
        var label = String.UnicodeScalarView()
        // The label, up to its matching bracket.
        while true {
            guard index < scalars.count else { return .incomplete }
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                label.append(scalars[index + 1])
                index += 2
                continue
            }
            if scalar == "[" { depth += 1 }
            if scalar == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            label.append(scalar)
            index += 1
        }
        index += 1
        guard index < scalars.count else { return .incomplete }
        guard scalars[index] == "(" else { return .failed }
        index += 1
        skipSpaces(scalars, &index)
        guard index < scalars.count else { return .incomplete }
        var destination = String.UnicodeScalarView()
        if scalars[index] == "<" {
            index += 1
            while true {
                guard index < scalars.count else { return .incomplete }
                if scalars[index] == ">" { break }
                if scalars[index] == "<" { return .failed }
                destination.append(scalars[index])
                index += 1
            }
            index += 1
        } else {
            var parens = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\\", index + 1 < scalars.count {
                    destination.append(scalars[index + 1])
                    index += 2
                    continue
                }
                if scalar == " " { break }
                if scalar == "(" { parens += 1 }
                if scalar == ")" {
                    if parens == 0 { break }
                    parens -= 1
                }
                destination.append(scalar)
                index += 1
            }
            guard index < scalars.count else { return .incomplete }
        }
        skipSpaces(scalars, &index)
        guard index < scalars.count else { return .incomplete }
        if let close = closer(of: scalars[index]) {
            index += 1
            while true {
                guard index < scalars.count else { return .incomplete }
                if scalars[index] == "\\" {
                    index += 2
                    continue
                }
                if scalars[index] == close { break }
                index += 1
            }
            index += 1
            skipSpaces(scalars, &index)
            guard index < scalars.count else { return .incomplete }
        }
        guard scalars[index] == ")", index == scalars.count - 1 else { return .failed }
        return .link(label: String(label), destination: String(destination), image: image)
    }

    private static func closer(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "\"": "\""
        case "'": "'"
        case "(": ")"
        default: nil
        }
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], _ index: inout Int) {
        while index < scalars.count, scalars[index] == " " { index += 1 }
    }
}
