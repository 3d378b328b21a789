/// What is known of a held line start that `LineStart` leaves undecided, so that a long one is not classified again
/// on every piece (each classification reads the whole held line: quadratic in its length).
///
/// Two kinds of line stay undecided however long they grow, until another character or their end comes: a line of
/// only spaces and tabs, and a line of only one rule marker and blanks (`LineStart.classifyMarkerLine`: a rule, a
/// setext underline or a list item, told apart only then). That holds for `-`, `*` and `_` from their first marker,
/// and for `=` whenever it is undecided at all (in a paragraph).
struct UndecidedLineStart: Sendable {
    /// How many bytes at the start of the held line are known to leave it undecided.
    private var known = 0
    /// The rule marker among them; 0 while they are all blanks.
    private var marker: UInt8 = 0

    /// Whether the held line is still undecided without classifying it: every byte past those known is a blank, or
    /// the rule marker once one is known. Counts the bytes it reads as known.
    /// - Parameter line: The held line so far (its start is the one `classifiedUndecided` saw).
    mutating func isUndecided(_ line: [UInt8]) -> Bool {
        guard known <= line.count else { return false }
        while known < line.count {
            let byte = line[known]
            guard byte == 0x20 || byte == 0x09 || (marker != 0 && byte == marker) else { return false }
            known += 1
        }
        return true
    }

    /// Forgets what is known (before a classification, and when a line is decided).
    mutating func reset() {
        known = 0
        marker = 0
    }

    /// After `LineStart` left `line` undecided: remembers it when it is a rule-marker line that more of its marker
    /// and blanks leave undecided.
    /// - Parameters:
    ///   - line: The held line.
    ///   - start: What `LineStart` said of it.
    mutating func classifiedUndecided(_ line: [UInt8], _ start: LineStart) {
        guard start.quotes == 0, start.length < line.count else { return }
        let first = line[start.length]
        guard
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
                || first == UInt8(ascii: "=")
        else { return }
        for byte in line[start.length...] where byte != first && byte != 0x20 && byte != 0x09 { return }
        known = line.count
        marker = first
    }
}
