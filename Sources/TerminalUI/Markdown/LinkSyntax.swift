/// Recognises an inline link as it is typed: `[label](destination "title")` or `![alt](source)`.
///
/// ```
///  "[ssechat"              .incomplete      the label may still close (`.label`)
///  "[ssechat]"             .incomplete      "(" may follow (`.other`)
///  "[ssechat] "            .failed          no "(": not an inline link (reference links are not supported)
///  "[a](https://x.y/(b)"   .incomplete      parentheses in the destination balance
///  "[a](https://x.y \"t\")" .link("a", "https://x.y", image: false)
/// ```
/// Backslash escapes work in the label and destination; a `<…>` destination may hold spaces. The held text is at
/// most `InlineStyler.linkLimit` characters, so rescanning it on each character stays cheap.
enum LinkSyntax {
    /// What the text typed so far is.
    enum Match: Equatable {
        /// It may still become a link; the part it ends in.
        case incomplete(Part)
        /// It cannot be one.
        case failed
        /// A complete link.
        case link(label: String, destination: String, image: Bool)
    }

    /// Where an incomplete link's text ends: in its label, its destination or its title, most characters only
    /// extend it (`extends(_:with:)`); elsewhere any character may decide it.
    enum Part: Equatable {
        case label
        case destination
        case bracketedDestination
        /// A title, closed by this character.
        case title(Unicode.Scalar)
        case other
    }

    /// Whether adding `scalar` to a text that is `.incomplete(part)` leaves it `.incomplete(part)`, so that it
    /// need not be matched again: a character that neither ends the part nor escapes.
    static func extends(_ part: Part, with scalar: Unicode.Scalar) -> Bool {
        switch part {
        case .label: scalar != "\\" && scalar != "[" && scalar != "]"
        case .destination: scalar != "\\" && scalar != " " && scalar != "(" && scalar != ")"
        case .bracketedDestination: scalar != "<" && scalar != ">"
        case .title(let close): scalar != "\\" && scalar != close
        case .other: false
        }
    }

    /// Matches `scalars`, which start with `[` or `![`. Only a complete link builds strings; the rest is index work,
    /// so matching again after each character stays cheap.
    static func match(_ scalars: [Unicode.Scalar]) -> Match {
        let image = scalars.first == "!"
        var index = image ? 1 : 0
        guard index < scalars.count, scalars[index] == "[" else { return .failed }
        index += 1
        let labelStart = index
        var depth = 0
        // The label, up to its matching bracket.
        while true {
            guard index < scalars.count else { return .incomplete(.label) }
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                index += 2
                continue
            }
            if scalar == "[" { depth += 1 }
            if scalar == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            index += 1
        }
        let label = labelStart..<index
        index += 1
        guard index < scalars.count else { return .incomplete(.other) }
        guard scalars[index] == "(" else { return .failed }
        index += 1
        skipSpaces(scalars, &index)
        guard index < scalars.count else { return .incomplete(.other) }
        let destination: Range<Int>
        let bracketed = scalars[index] == "<"
        if bracketed {
            index += 1
            let start = index
            while true {
                guard index < scalars.count else { return .incomplete(.bracketedDestination) }
                if scalars[index] == ">" { break }
                if scalars[index] == "<" { return .failed }
                index += 1
            }
            destination = start..<index
            index += 1
        } else {
            let start = index
            var parens = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\\", index + 1 < scalars.count {
                    index += 2
                    continue
                }
                if scalar == " " { break }
                if scalar == "(" { parens += 1 }
                if scalar == ")" {
                    if parens == 0 { break }
                    parens -= 1
                }
                index += 1
            }
            guard index < scalars.count else { return .incomplete(.destination) }
            destination = start..<index
        }
        skipSpaces(scalars, &index)
        guard index < scalars.count else { return .incomplete(.other) }
        if let close = closer(of: scalars[index]) {
            index += 1
            while true {
                guard index < scalars.count else { return .incomplete(.title(close)) }
                if scalars[index] == "\\" {
                    index += 2
                    continue
                }
                if scalars[index] == close { break }
                index += 1
            }
            index += 1
            skipSpaces(scalars, &index)
            guard index < scalars.count else { return .incomplete(.other) }
        }
        guard scalars[index] == ")", index == scalars.count - 1 else { return .failed }
        return .link(
            label: unescaped(scalars[label]),
            destination: bracketed
                ? String(scalars: scalars[destination]) : unescaped(scalars[destination]),
            image: image
        )
    }

    /// The text with its backslash escapes removed (a backslash keeps the character after it, whatever it is).
    private static func unescaped(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.contains("\\") else { return String(scalars: scalars) }  // mostly: encoded at once
        var text: [Unicode.Scalar] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "\\", index + 1 < scalars.endIndex { index += 1 }
            text.append(scalars[index])
            index += 1
        }
        return String(scalars: text)
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
