/// What is known of a held line start that `LineStart` leaves undecided, so that a long one is not classified again
/// on every piece (each classification reads the whole held line: quadratic in its length).
///
/// Three kinds of line stay undecided however long they grow, until another character or their end comes:
/// - a line of only spaces and tabs;
/// - a line of one rule marker and blanks (`LineStart.classifyMarkerLine`: a rule, a setext underline or a list
///   item, told apart only then): `-`, `*` and `_` from their first marker, `=` whenever it is undecided at all (in a
///   paragraph);
/// - a line of quote markers and blanks: a `>` is one more marker while at most 3 spaces stand before it, 4 after a
///   marker (its optional space and 3); past that, or after a tab, a `>` is text and the line is classified again.
struct UndecidedLineStart: Sendable {
    /// How many bytes at the start of the held line are known to leave it undecided.
    private var known = 0
    /// The marker among them (a rule marker or `>`); 0 while they are all blanks.
    private var marker: UInt8 = 0
    /// With `>`: the spaces since the last `>` (`Int.max / 2` after a tab: no `>` can be a marker there).
    private var trail = 0

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let quote = UInt8(ascii: ">")

    /// Whether the held line is still undecided without classifying it: every byte past those known is a blank, the
    /// rule marker once one is known, or a `>` that is one more quote marker. Counts the bytes it reads as known.
    /// - Parameter line: The held line so far (its start is the one `classifiedUndecided` saw).
    mutating func isUndecided(_ line: [UInt8]) -> Bool {
        guard known <= line.count else { return false }
        while known < line.count {
            let byte = line[known]
            if byte == Self.space {
                trail += 1
            } else if byte == Self.tab {
                trail = Int.max / 2
            } else if marker == Self.quote, byte == Self.quote, trail <= 4 {
                trail = 0
            } else if marker == 0 || marker == Self.quote || byte != marker {
                return false
            }
            known += 1
        }
        return true
    }

    /// Forgets what is known (before a classification, and when a line is decided).
    mutating func reset() {
        known = 0
        marker = 0
        trail = 0
    }

    /// After `LineStart` left `line` undecided: remembers it when it is a rule-marker or quote-marker line that more
    /// of the same leaves undecided.
    /// - Parameters:
    ///   - line: The held line.
    ///   - start: What `LineStart` said of it.
    mutating func classifiedUndecided(_ line: [UInt8], _ start: LineStart) {
        if start.quotes == 0, start.length < line.count, Self.isRuleMarker(line[start.length]) {
            let first = line[start.length]
            for byte in line[start.length...] where byte != first && byte != Self.space && byte != Self.tab {
                return
            }
            known = line.count
            marker = first
            trail = 0
            return
        }
        // Quote markers and blanks only, each `>` a marker (as `LineStart`'s quote loop reads them).
        var spaces = 0
        var markers = 0
        for byte in line {
            if byte == Self.quote, spaces <= (markers == 0 ? 3 : 4) {
                markers += 1
                spaces = 0
            } else if byte == Self.space {
                spaces += 1
            } else if byte == Self.tab {
                spaces = Int.max / 2
            } else {
                return
            }
        }
        guard markers > 0 else { return }
        known = line.count
        marker = Self.quote
        trail = spaces
    }

    private static func isRuleMarker(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "=")
    }
}
