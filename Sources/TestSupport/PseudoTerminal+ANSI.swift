extension PseudoTerminal {
    /// ``output`` without escape sequences, BEL or carriage returns (see ``strippingEscapes(_:)``).
    package var plainOutput: String {
        Self.strippingEscapes(output)
    }

    /// Removes terminal control sequences from captured output, for assertions on what a user would read.
    ///
    /// Removed: CSI sequences (`ESC [ … final`), OSC strings (`ESC ] … BEL` or `… ESC \`), DCS/SOS/PM/APC
    /// strings, other escape sequences (`ESC` + intermediates + final, such as `ESC 7` or `ESC ( B`), BEL and CR.
    /// Line feeds and tabs stay. Cursor movements are dropped, not applied, so redrawn text can appear twice.
    /// - Parameter text: Raw terminal output.
    /// - Returns: The text without control sequences.
    package static func strippingEscapes(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                skipEscape(&scalars)
            case "\u{07}", "\r":
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            // Parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
            while let scalar = scalars.next(), !(0x40...0x7E).contains(scalar.value) {}
        case "]", "P", "X", "^", "_":
            // A string ended by BEL (OSC only) or ST (`ESC \`).
            var previous: Unicode.Scalar = "\0"
            while let scalar = scalars.next() {
                if scalar == "\u{07}" && introducer == "]" { break }
                if previous == "\u{1B}" && scalar == "\\" { break }
                previous = scalar
            }
        default:
            // `ESC` + intermediates (0x20–0x2F) + final.
            var scalar = introducer
            while (0x20...0x2F).contains(scalar.value), let next = scalars.next() {
                scalar = next
            }
        }
    }
}
