/// Decides what a Markdown line starts as, from its first characters: the typesetter holds a line's start until
/// this says what it is, then writes the rest as it arrives.
///
/// ```
///  "> "*            quote markers, counted                     "- " "* " "+ "   a bullet item (then "[ ] " "[x] ")
///  "#"…"###### "    an ATX heading                             "1. " "12) "     an ordered item
///  "```" "~~~"      a code fence (its info string to the end)  "|"              a table row, held whole
///  "---" "* * *"    a thematic break, decided at the line end  "===" "---"      a setext underline (after prose)
///  4+ spaces        indented code (outside a paragraph)        ""               a blank line
/// ```
/// Reads the line as UTF-8: every marker is ASCII, so a byte of a multi-byte character never matches one, and the
/// offsets counted (markers, indentation) are the same in bytes as in characters.
/// Holds are bounded by the marker: at most the quote markers, the indentation, a `#` run of 6, 9 digits, a fence
/// run, or a line made only of `-`, `*`, `_`, `=` and spaces (a break or underline needs its whole line).
struct LineStart: Equatable, Sendable {
    /// What the line is.
    enum Kind: Equatable, Sendable {
        /// Not decided yet: wait for more characters.
        case undecided
        /// No text (spaces at most).
        case blank
        /// Text of a paragraph (new, or continuing the previous one).
        case text
        /// An ATX heading of this level.
        case heading(Int)
        /// A list item: where its marker (`-`, `1.`) is in the line's bytes, whether it is ordered, and its task box
        /// if any.
        case item(marker: Range<Int>, ordered: Bool, task: Bool?)
        /// A code fence: its character and length, 3 (the run it is decided at; the line is held to its end for the
        /// info string, and an opening run's whole length is read there).
        case fence(Unicode.Scalar, Int)
        /// A line made only of `-`, `*`, `_` or `=` and spaces, decided at its end.
        case rule
        /// A table row.
        case tableRow
        /// Indented code.
        case indentedCode
    }

    /// What the line is.
    var kind: Kind
    /// How many `>` quote markers it starts with.
    var quotes = 0
    /// Its indentation in columns after the quote markers (tabs to multiples of 4).
    var indent = 0
    /// How many bytes of the line the start takes (markers, indentation, a heading's `#`s and space).
    var length = 0

    /// Classifies the start of a line.
    /// - Parameters:
    ///   - line: The line's UTF-8 so far (no line ending).
    ///   - complete: Whether the line has ended (nothing more will come).
    ///   - inParagraph: Whether the previous line was paragraph text (an underline or lazy text may follow).
    ///   - itemIndent: The content column of the innermost open list item (indentation at least this is inside it).
    static func classify(_ line: [UInt8], complete: Bool, inParagraph: Bool, itemIndent: Int) -> LineStart {
        // Read through a buffer pointer: slices of it retain nothing (this runs on each character held).
        line.withUnsafeBufferPointer {
            classify($0, complete: complete, inParagraph: inParagraph, itemIndent: itemIndent)
        }
    }

    /// `classify(_:complete:inParagraph:itemIndent:)` for a line read in place.
    static func classify(
        _ line: UnsafeBufferPointer<UInt8>,
        complete: Bool,
        inParagraph: Bool,
        itemIndent: Int
    ) -> LineStart {
        var index = 0
        var quotes = 0
        // Quote markers: up to 3 spaces, ">", an optional space.
        while true {
            var probe = index
            while probe < line.count, probe - index < 3, line[probe] == Self.space { probe += 1 }
            if probe == line.count, !complete { return LineStart(kind: .undecided) }
            guard probe < line.count, line[probe] == UInt8(ascii: ">") else { break }
            quotes += 1
            index = probe + 1
            if index < line.count, line[index] == space { index += 1 }
        }
        var indent = 0
        while index < line.count, line[index] == space || line[index] == tab {
            indent = line[index] == tab ? (indent / 4 + 1) * 4 : indent + 1
            index += 1
        }
        var start = LineStart(kind: .text, quotes: quotes, indent: indent, length: index)
        if index == line.count {
            start.kind = complete ? .blank : .undecided
            return start
        }
        if indent - itemIndent >= 4, !inParagraph {
            start.kind = .indentedCode
            return start
        }
        // The rest of the line is read in place (`line[index...]`): this runs again on each character held.
        let rest = line[index...]
        let first = line[index]
        switch first {
        case UInt8(ascii: "#"):
            let hashes = run(of: first, in: rest)
            if hashes == rest.count, hashes <= 6 {
                if !complete { start.kind = .undecided } else { start.kind = .heading(hashes) }
                start.length = line.count
            } else if hashes <= 6, line[index + hashes] == space || line[index + hashes] == tab {
                start.kind = .heading(hashes)
                start.length = index + hashes + 1
            }
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            let run = run(of: first, in: rest)
            if run >= 3 {
                // Decided at its third marker, so the length is 3 however long the run: the same whether the line
                // is classified as it streams or whole.
                start.kind = .fence(Unicode.Scalar(first), 3)
            } else if run == rest.count, !complete {
                start.kind = .undecided
            }
        case UInt8(ascii: "|"):
            start.kind = .tableRow
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "="), UInt8(ascii: "+"):
            start = classifyMarkerLine(rest, start: start, complete: complete, inParagraph: inParagraph)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var digits = 0
            while index + digits < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index + digits]) {
                digits += 1
            }
            guard digits <= 9 else { break }
            if digits == rest.count {
                if !complete { start.kind = .undecided }
            } else if line[index + digits] == UInt8(ascii: ".") || line[index + digits] == UInt8(ascii: ")") {
                let after = digits + 1
                if after == rest.count {
                    start.kind =
                        complete
                        ? .item(marker: rest.startIndex..<rest.startIndex + after, ordered: true, task: nil)
                        : .undecided
                    start.length = line.count
                } else if line[index + after] == space {
                    start = item(rest, markerLength: after, start: start, ordered: true, complete: complete)
                }
            }
        default:
            break
        }
        return start
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// How many times `byte` repeats at the start of `text`.
    private static func run(of byte: UInt8, in text: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = 0
        for next in text {
            guard next == byte else { break }
            count += 1
        }
        return count
    }

    /// A line starting with `-`, `*`, `_`, `=` or `+`: a rule or underline (needs the whole line), a bullet item,
    /// or text.
    private static func classifyMarkerLine(
        _ rest: Slice<UnsafeBufferPointer<UInt8>>,
        start: LineStart,
        complete: Bool,
        inParagraph: Bool
    ) -> LineStart {
        var start = start
        let first = rest[rest.startIndex]
        // Markers are counted only while the line is markers and spaces (they are read only then): an item's text
        // ends the scan at its first letter.
        var onlyMarker = true
        var markers = 0
        for byte in rest {
            if byte == first {
                markers += 1
            } else if byte != space && byte != tab {
                onlyMarker = false
                break
            }
        }
        let second = rest.count >= 2 ? rest[rest.startIndex + 1] : nil
        let canBeRule = first != UInt8(ascii: "+") && (first != UInt8(ascii: "=") || inParagraph)
        // "- " and "* " start list items; "_ " and "= " cannot, so they stay undecided as "_ _ _" may follow.
        let startsItem = first == UInt8(ascii: "-") || first == UInt8(ascii: "*")
        if canBeRule, onlyMarker, !(startsItem && second == space && markers == 1) {
            // "---", "* * *", "_ _ _", "===": a rule or underline only when the whole line is markers and spaces.
            if !complete {
                start.kind = .undecided
                return start
            }
            if first == UInt8(ascii: "=") || first == UInt8(ascii: "-") && inParagraph || markers >= 3 {
                start.kind = .rule
                return start
            }
        }
        guard first != UInt8(ascii: "=") && first != UInt8(ascii: "_") else { return start }
        guard let second else {
            start.kind =
                complete ? .item(marker: rest.startIndex..<rest.startIndex + 1, ordered: false, task: nil) : .undecided
            return start
        }
        if second == space || second == tab {
            if onlyMarker, !complete, markers < 3 {
                start.kind = .undecided  // "- -" may still become "- - -"
                return start
            }
            return item(rest, markerLength: 1, start: start, ordered: false, complete: complete)
        }
        return start
    }

    /// A list item whose marker takes `markerLength` bytes, followed by a space; holds a possible task box.
    private static func item(
        _ rest: Slice<UnsafeBufferPointer<UInt8>>,
        markerLength: Int,
        start: LineStart,
        ordered: Bool,
        complete: Bool
    ) -> LineStart {
        var start = start
        let base = rest.startIndex
        var content = markerLength
        while content < rest.count, content - markerLength < 4, rest[base + content] == space { content += 1 }
        let after = rest[(base + content)...]
        // "[ ] " or "[x] ": a GFM task box.
        if let first = after.first, first == UInt8(ascii: "[") {
            let typed = after.prefix(4)
            var matches = true
            for (offset, byte) in typed.enumerated() {
                switch offset {
                case 1: matches = matches && (byte == space || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X"))
                case 2: matches = matches && byte == UInt8(ascii: "]")
                default: matches = matches && (offset == 0 ? byte == UInt8(ascii: "[") : byte == space)
                }
            }
            if matches, typed.count < 4, !complete {
                start.kind = .undecided
                return start
            }
            if matches, typed.count == 4 || (complete && typed.count == 3) {
                let marker = base..<base + markerLength
                start.kind = .item(marker: marker, ordered: ordered, task: after[after.startIndex + 1] != space)
                start.length += content + typed.count
                return start
            }
        }
        if after.isEmpty, !complete {
            start.kind = .undecided
            return start
        }
        start.kind = .item(marker: base..<base + markerLength, ordered: ordered, task: nil)
        start.length += content
        return start
    }
}
