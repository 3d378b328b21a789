/// Collects the text of one bracketed paste. Pure: characters in, text out.
///
/// With bracketed paste mode on (``enableSequence``), a terminal wraps pasted text in ``startMarker`` and
/// ``endMarker``. The line reader binds the start marker to an editor function that feeds every following
/// character here until the end marker, then inserts ``text`` into the line, newlines included, so a pasted
/// block becomes one message instead of one message per line.
///
/// ```
/// ESC[200~ first⏎second⏎ ESC[201~   →   "first\nsecond\n"
/// ```
/// Line ends (CR, LF, CRLF) become LF, tabs are kept, and every other control character (ESC, BEL, C1 …) is
/// dropped, so a paste cannot smuggle terminal escapes into the line. At most ``limit`` characters are kept.
struct BracketedPaste {
    /// Turns bracketed paste mode on (DEC private mode 2004).
    static let enableSequence = "\u{1B}[?2004h"
    /// Turns bracketed paste mode off.
    static let disableSequence = "\u{1B}[?2004l"
    /// What the terminal sends before pasted text.
    static let startMarker = "\u{1B}[200~"
    /// What the terminal sends after pasted text.
    static let endMarker = "\u{1B}[201~"
    /// The most characters kept from one paste (the rest is read and dropped).
    static let limit = 1 << 20

    private static let end = Array(endMarker.unicodeScalars)
    private var received: [Unicode.Scalar] = []
    private var recent: [Unicode.Scalar] = []
    /// `true` once the end marker arrived.
    private(set) var isComplete = false

    /// Feeds the next character read from the terminal.
    /// - Parameter scalar: The character.
    /// - Returns: `true` when this character completed the end marker.
    mutating func feed(_ scalar: Unicode.Scalar) -> Bool {
        guard !isComplete else { return true }
        let overflowed = received.count >= Self.limit + Self.end.count
        if !overflowed {
            received.append(scalar)
        }
        recent.append(scalar)
        if recent.count > Self.end.count {
            recent.removeFirst()
        }
        if recent == Self.end {
            isComplete = true
            if overflowed {
                received.removeLast(received.count - Self.limit)
            } else {
                received.removeLast(Self.end.count)
            }
        }
        return isComplete
    }

    /// The pasted text with line ends normalised to LF and control characters other than LF and tab removed.
    var text: String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in received.prefix(Self.limit) {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": result.append("\n")
            case "\n": if !previousWasCR { result.append("\n") }
            case "\t": result.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }
}
