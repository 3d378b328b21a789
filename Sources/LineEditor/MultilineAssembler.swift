/// Joins the raw lines a user types into messages. Pure: lines in, complete messages out.
///
/// Two ways to write a message of several lines:
/// ```
/// typed lines            message
/// ─────────────────────  ─────────────────────────────────────────────────────────────
/// first line \           a line ending in `\` continues onto the next: the backslash
/// second line            is removed, the newline kept → "first line ⏎second line"
///
/// """                    a line that is exactly `"""` opens a block; every line up to
///   kept \ as typed      the next `"""` line is kept verbatim → "  kept \ as typed"
/// """
/// ```
/// Spaces and tabs around a `"""` line are ignored, and a `"""` line may follow continuation lines (they start the
/// message). A line holding newlines (a bracketed paste) is one line here: its content is never split or searched
/// for delimiters, only its end is checked for `\`. While ``isContinuing`` is `true` the REPL shows a continuation
/// prompt such as `... `.
package struct MultilineAssembler: Sendable, Equatable {
    /// The line that opens and closes a verbatim block.
    package static let blockDelimiter = "\"\"\""

    private var lines: [String] = []
    private var started = false
    /// `true` between an opening `"""` line and its closing one.
    package private(set) var isInBlock = false

    /// Creates an assembler with nothing pending.
    package init() {}

    /// `true` when the lines fed so far do not yet make a complete message (after a trailing `\`, or inside a
    /// `"""` block): the next prompt should be a continuation prompt.
    package var isContinuing: Bool { started || isInBlock }

    /// Feeds one raw line, as the line reader returned it.
    /// - Parameter line: The line, without its newline.
    /// - Returns: The complete message when this line finishes one (it may be empty when the user submitted an
    ///   empty line), or `nil` while more lines are needed.
    package mutating func feed(_ line: String) -> String? {
        let isDelimiter = !line.contains("\n") && Self.isDelimiter(line)
        if isInBlock {
            if isDelimiter {
                isInBlock = false
                return takeMessage()
            }
            lines.append(line)
            return nil
        }
        if isDelimiter {
            isInBlock = true
            started = true
            return nil
        }
        if line.hasSuffix("\\") {
            lines.append(String(line.dropLast()))
            started = true
            return nil
        }
        lines.append(line)
        return takeMessage()
    }

    /// Throws away a partly entered message (Ctrl-C at a continuation prompt).
    package mutating func reset() {
        lines.removeAll()
        started = false
        isInBlock = false
    }

    /// Ends the input: returns what was pending (an unfinished continuation or an unclosed block), so nothing the
    /// user typed is lost.
    /// - Returns: The pending text, or `nil` when nothing was pending.
    package mutating func finish() -> String? {
        guard isContinuing, !lines.isEmpty else {
            reset()
            return nil
        }
        return takeMessage()
    }

    private mutating func takeMessage() -> String {
        let message = lines.joined(separator: "\n")
        reset()
        return message
    }

    private static func isDelimiter(_ line: String) -> Bool {
        line.trimmingSpacesAndTabs() == blockDelimiter
    }
}

extension String {
    fileprivate func trimmingSpacesAndTabs() -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
