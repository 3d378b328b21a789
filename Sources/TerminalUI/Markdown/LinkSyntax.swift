/// Recognises an inline link as it is typed: `[label](destination "title")` or `![alt](source)`.
///
/// ```
///  "[ssechat"              .incomplete      the label may still close (`.label`)
///  "[ssechat]"             .incomplete      "(" may follow (`.other`)
///  "[ssechat] "            .failed          no "(": not an inline link (reference links are not supported)
///  "[a](https://x.y/(b)"   .incomplete      parentheses in the destination balance
///  "[a](https://x.y \"t\")" .link: label 1..<2, destination 4..<15
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
        case link(Link)
    }

    /// A complete link: where its parts are in the scalars matched (no string is built for them; `encode` writes
    /// them out).
    struct Link: Equatable, Sendable {
        /// The label, its backslash escapes still in.
        var label: Range<Int>
        /// The destination: its backslash escapes still in unless `bracketed`.
        var destination: Range<Int>
        /// Whether the destination was written `<…>`, where a backslash is text.
        var bracketed: Bool
        /// Whether it is an image (`![alt](source)`).
        var image: Bool
        /// Where it ends: after its `)`.
        var end: Int
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

    /// Matches `scalars`, which start with `[` or `![`, from the start.
    static func match(_ scalars: [Unicode.Scalar]) -> Match {
        var scan = Scan()
        return scan.resume(scalars)
    }

    /// A match in progress: `resume` goes on from where the last call stopped, so a held link is read once as it
    /// grows rather than again from its `[` at each part boundary. It builds no string (a complete link is given as
    /// bounds). It stops before a backslash that ends the text (whether it escapes depends on what follows).
    struct Scan: Sendable {
        private enum Stage: Sendable {
            case opening, label, afterLabel, beforeDestination, destination, bracketedDestination, afterDestination
            case title(Unicode.Scalar)
            case afterTitle, end
        }

        private var stage = Stage.opening
        private var index = 0
        private var image = false
        private var labelStart = 0
        private var labelEnd = 0
        private var depth = 0
        private var destinationStart = 0
        private var destinationEnd = 0
        private var parens = 0
        private var bracketed = false

        /// What `scalars` is: the text the last call was given (none, for a new scan) with more scalars after it
        /// (held scalars, or printable ASCII bytes read in place as scalars), indexed from 0.
        /// - Parameter closingEarly: Whether the link may close before the end of `scalars` (text may follow its
        ///   `)`): what matching each prefix at a part boundary in turn would say first, read once.
        mutating func resume<Text: RandomAccessCollection<Unicode.Scalar>>(
            _ scalars: Text,
            closingEarly: Bool = false
        ) -> Match where Text.Index == Int {
            while true {
                switch stage {
                case .opening:
                    image = scalars.first == "!"
                    index = image ? 1 : 0
                    guard index < scalars.count, scalars[index] == "[" else { return .failed }
                    index += 1
                    labelStart = index
                    stage = .label
                case .label:
                    // The label, up to its matching bracket.
                    while true {
                        guard index < scalars.count else { return .incomplete(.label) }
                        let scalar = scalars[index]
                        if scalar == "\\" {
                            guard index + 1 < scalars.count else { return .incomplete(.label) }
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
                    labelEnd = index
                    index += 1
                    stage = .afterLabel
                case .afterLabel:
                    guard index < scalars.count else { return .incomplete(.other) }
                    guard scalars[index] == "(" else { return .failed }
                    index += 1
                    stage = .beforeDestination
                case .beforeDestination:
                    skipSpaces(scalars)
                    guard index < scalars.count else { return .incomplete(.other) }
                    bracketed = scalars[index] == "<"
                    if bracketed { index += 1 }
                    destinationStart = index
                    stage = bracketed ? .bracketedDestination : .destination
                case .bracketedDestination:
                    while true {
                        guard index < scalars.count else { return .incomplete(.bracketedDestination) }
                        if scalars[index] == ">" { break }
                        if scalars[index] == "<" { return .failed }
                        index += 1
                    }
                    destinationEnd = index
                    index += 1
                    stage = .afterDestination
                case .destination:
                    while index < scalars.count {
                        let scalar = scalars[index]
                        if scalar == "\\" {
                            guard index + 1 < scalars.count else { return .incomplete(.destination) }
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
                    destinationEnd = index
                    stage = .afterDestination
                case .afterDestination:
                    skipSpaces(scalars)
                    guard index < scalars.count else { return .incomplete(.other) }
                    if let close = closer(of: scalars[index]) {
                        index += 1
                        stage = .title(close)
                    } else {
                        stage = .end
                    }
                case .title(let close):
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
                    stage = .afterTitle
                case .afterTitle:
                    skipSpaces(scalars)
                    guard index < scalars.count else { return .incomplete(.other) }
                    stage = .end
                case .end:
                    guard scalars[index] == ")", closingEarly || index == scalars.count - 1 else { return .failed }
                    return .link(
                        Link(
                            label: labelStart..<labelEnd,
                            destination: destinationStart..<destinationEnd,
                            bracketed: bracketed,
                            image: image,
                            end: index + 1
                        )
                    )
                }
            }
        }

        private mutating func skipSpaces<Text: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Text)
        where Text.Index == Int {
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }
    }

    /// Writes the UTF-8 of `scalars` into `buffer` from `start`, with their backslash escapes removed when
    /// `unescaping` (a backslash keeps the character after it, whatever it is).
    /// - Returns: Where the bytes written end.
    static func encode<Text: RandomAccessCollection<Unicode.Scalar>>(
        _ scalars: Text,
        unescaping: Bool,
        into buffer: UnsafeMutableBufferPointer<UInt8>,
        at start: Int
    ) -> Int where Text.Index == Int {
        var count = start
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if unescaping, scalars[index] == "\\", index + 1 < scalars.endIndex { index += 1 }
            UTF8.encode(scalars[index]) { byte in
                buffer[count] = byte
                count += 1
            }
            index += 1
        }
        return count
    }

    private static func closer(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "\"": "\""
        case "'": "'"
        case "(": ")"
        default: nil
        }
    }

}
