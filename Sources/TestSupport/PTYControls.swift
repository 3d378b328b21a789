/// Lists the terminal controls in captured pseudo-terminal output, so a test can check exactly which ones a
/// program wrote (for example: nothing but its own SGR colours).
///
/// ```
///  "a\u{1B}[2mb\r\nc\u{07}\u{9B}"   →   ["\u{1B}[2m", "\u{07}", "\u{9B}"]
/// ```
/// Counted: every escape sequence (CSI `ESC [ … final`, OSC/DCS/SOS/PM/APC strings up to BEL or `ESC \`, other
/// `ESC` + intermediates + final), every C1 control (U+0080–U+009F), DEL, and every C0 control except LF and TAB.
/// A CR directly before an LF is not counted: the terminal driver's `onlcr` writes every LF as CR LF. A lone CR is.
package enum PTYControls {
    /// Every control in `text`, in order, each as the exact text of the sequence or character.
    /// - Parameter text: Raw terminal output.
    /// - Returns: The controls found.
    package static func all(in text: String) -> [String] {
        var found: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            if value == 0x1B {
                let end = escapeEnd(scalars, from: index)
                found.append(String(String.UnicodeScalarView(scalars[index..<end])))
                index = end
                continue
            }
            let isCRBeforeLF = value == 0x0D && index + 1 < scalars.count && scalars[index + 1] == "\n"
            let isControl = (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
            if isControl && !isCRBeforeLF {
                found.append(String(scalar))
            }
            index += 1
        }
        return found
    }

    /// The controls that are not SGR sequences (`ESC [` digits and semicolons `m`).
    /// - Parameter text: Raw terminal output.
    /// - Returns: Every control except SGR sequences.
    package static func nonSGR(in text: String) -> [String] {
        all(in: text).filter { !isSGR($0) }
    }

    /// Whether a control is an SGR sequence (`ESC [` parameters `m`).
    /// - Parameter control: One control as returned by ``all(in:)``.
    /// - Returns: `true` for SGR.
    package static func isSGR(_ control: String) -> Bool {
        let scalars = Array(control.unicodeScalars)
        guard scalars.count >= 3, scalars[0] == "\u{1B}", scalars[1] == "[", scalars.last == "m" else { return false }
        return scalars[2..<(scalars.count - 1)].allSatisfy { ("0"..."9").contains($0) || $0 == ";" }
    }

    /// Shows controls readably in a failure message: ESC as `␛`, other controls as `<U+XXXX>`.
    /// - Parameter text: Text holding controls.
    /// - Returns: The same text with every control made visible.
    package static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x1B {
                result += "␛"
            } else if value == 0x0A {
                result += "\\n"
            } else if value < 0x20 || (0x7F...0x9F).contains(value) {
                result += "<U+" + String(value, radix: 16, uppercase: true) + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The index just past the escape sequence starting at `start` (an ESC).
    private static func escapeEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        let introducer = scalars[index]
        index += 1
        switch introducer {
        case "[":
            while index < scalars.count {
                defer { index += 1 }
                if (0x40...0x7E).contains(scalars[index].value) { break }
            }
        case "]", "P", "X", "^", "_":
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\u{07}" && introducer == "]" { break }
                if scalar == "\\" && scalars[index - 2] == "\u{1B}" { break }
            }
        default:
            var scalar = introducer
            while (0x20...0x2F).contains(scalar.value), index < scalars.count {
                scalar = scalars[index]
                index += 1
            }
        }
        return min(index, scalars.count)
    }
}
