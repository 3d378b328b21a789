/// Delimiter runs (`*`, `_`, `~`) and the emphasis algorithm of the spec's appendix.
extension InlineParser {
    /// An entry of the delimiter stack: a run of `*`, `_` or `~` that may open or close a span.
    struct Delimiter {
        var character: UInt8
        var count: Int
        var originalCount: Int
        var node: Int
        var canOpen: Bool
        var canClose: Bool
        var previous: Int
        var next = -1
    }

    /// Scans a delimiter run and pushes it on the stack (a `~` run longer than 2 is plain text).
    mutating func parseDelimiterRun(_ character: UInt8) {
        let start = position
        while position < subject.count, subject[position] == character {
            position += 1
        }
        let count = position - start
        let node = appendText(range: start..<position)
        if character == UInt8(ascii: "~"), count > 2 {
            return
        }
        let before = start == 0 ? " " : Self.scalar(before: start, in: subject)
        let after = position == subject.count ? " " : Self.scalar(at: position, in: subject)
        let beforeSpace = Self.isUnicodeWhitespace(before)
        let afterSpace = Self.isUnicodeWhitespace(after)
        let beforePunctuation = Self.isUnicodePunctuation(before)
        let afterPunctuation = Self.isUnicodePunctuation(after)
        let leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        var canOpen = leftFlanking
        var canClose = rightFlanking
        if character == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || beforePunctuation)
            canClose = rightFlanking && (!leftFlanking || afterPunctuation)
        }
        let delimiter = Delimiter(
            character: character,
            count: count,
            originalCount: count,
            node: node,
            canOpen: canOpen,
            canClose: canClose,
            previous: topDelimiter
        )
        let index = delimiters.count
        delimiters.append(delimiter)
        if topDelimiter >= 0 {
            delimiters[topDelimiter].next = index
        }
        topDelimiter = index
    }

    /// Removes a delimiter from the stack (its text node stays).
    mutating func removeDelimiter(_ index: Int) {
        let delimiter = delimiters[index]
        if delimiter.previous >= 0 {
            delimiters[delimiter.previous].next = delimiter.next
        }
        if delimiter.next >= 0 {
            delimiters[delimiter.next].previous = delimiter.previous
        } else {
            topDelimiter = delimiter.previous
        }
    }

    /// Matches closers with openers above `bottom` (a delimiter index, or -1 for the whole stack) into spans.
    mutating func processEmphasis(bottom: Int) {
        guard topDelimiter >= 0, topDelimiter != bottom else { return }  // no delimiter above `bottom`
        var openersBottom = [Int](repeating: bottom, count: 16)
        var closer = topDelimiter
        while closer >= 0, delimiters[closer].previous != bottom {
            closer = delimiters[closer].previous
        }
        while closer >= 0 {
            let closing = delimiters[closer]
            guard closing.canClose else {
                closer = closing.next
                continue
            }
            let bottomIndex: Int
            switch closing.character {
            case UInt8(ascii: "_"): bottomIndex = 2 + (closing.canOpen ? 3 : 0) + closing.originalCount % 3
            case UInt8(ascii: "*"): bottomIndex = 8 + (closing.canOpen ? 3 : 0) + closing.originalCount % 3
            default: bottomIndex = closing.count - 1
            }
            var opener = closing.previous
            var found = false
            while opener >= 0, opener != bottom, opener != openersBottom[bottomIndex] {
                let opening = delimiters[opener]
                if opening.character == closing.character, opening.canOpen {
                    if closing.character == UInt8(ascii: "~") {
                        if opening.count == closing.count {
                            found = true
                            break
                        }
                    } else {
                        let oddMatch =
                            (closing.canOpen || opening.canClose) && closing.originalCount % 3 != 0
                            && (opening.originalCount + closing.originalCount) % 3 == 0
                        if !oddMatch {
                            found = true
                            break
                        }
                    }
                }
                opener = opening.previous
            }
            let oldCloser = closer
            if found {
                closer = makeSpan(opener: opener, closer: closer)
            } else {
                closer = closing.next
                openersBottom[bottomIndex] = closing.previous
                if !closing.canOpen {
                    removeDelimiter(oldCloser)
                }
            }
        }
        while topDelimiter >= 0, topDelimiter != bottom {
            removeDelimiter(topDelimiter)
        }
    }

    /// Wraps the nodes between a matched opener and closer in a span; returns the next closer to look at.
    private mutating func makeSpan(opener: Int, closer: Int) -> Int {
        let character = delimiters[closer].character
        let used: Int
        let kind: NodeKind
        if character == UInt8(ascii: "~") {
            used = delimiters[closer].count
            kind = .strikethrough
        } else {
            used = delimiters[closer].count >= 2 && delimiters[opener].count >= 2 ? 2 : 1
            kind = used == 1 ? .emphasis : .strong
        }
        let openerNode = delimiters[opener].node
        let closerNode = delimiters[closer].node
        delimiters[opener].count -= used
        delimiters[closer].count -= used
        nodes[openerNode].end -= used
        nodes[closerNode].end -= used
        let span = nodes.count
        nodes.append(Node(kind: kind))
        moveSiblings(after: openerNode, before: closerNode, into: span)
        insert(span, after: openerNode)
        // Remove the delimiters between opener and closer.
        var between = delimiters[closer].previous
        while between >= 0, between != opener {
            let previous = delimiters[between].previous
            removeDelimiter(between)
            between = previous
        }
        if delimiters[opener].count == 0 {
            unlink(openerNode)
            removeDelimiter(opener)
        }
        if delimiters[closer].count == 0 {
            unlink(closerNode)
            let next = delimiters[closer].next
            removeDelimiter(closer)
            return next
        }
        return closer
    }

    // MARK: Unicode classes

    /// The scalar that starts at `index` (UTF-8).
    static func scalar(at index: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return scalar
        }
        return "\u{FFFD}"
    }

    /// The scalar that ends just before `index` (UTF-8).
    static func scalar(before index: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, index - start < 4 {
            start -= 1
        }
        return scalar(at: start, in: bytes)
    }

    /// Unicode whitespace: space separators (Zs) plus tab, line feed, form feed and carriage return.
    static func isUnicodeWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// Unicode punctuation: general categories P and S (spec 0.31).
    static func isUnicodePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return isASCIIPunctuation(UInt8(scalar.value))
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
