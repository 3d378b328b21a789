/// The "thinking…" indicator: frames to draw on stderr until the first token, and the bytes that erase it. Pure:
/// the caller decides whether stderr is a TTY and drives the timing (`Spinner.interval`).
///
/// ```
///  frame    CR ESC[2K ⠋ thinking…       redraws the whole line; we own it because it is stderr's line
///  erase    CR ESC[2K                    leaves the cursor at column 0 of an empty line
/// ```
package struct Spinner: Sendable {
    /// Braille dots, for terminals with Unicode (the default).
    package static let brailleFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    /// How long each frame stays on screen.
    package static let interval = Duration.milliseconds(80)
    /// Carriage return and erase-line: removes the indicator.
    package static let erase: [UInt8] = Array("\r\u{1B}[2K".utf8)

    /// The frames cycled through.
    package let frames: [String]
    /// Whether the frame is dimmed.
    package let color: Bool
    /// The sanitised label shown after the frame.
    package private(set) var label: String
    private var index = 0

    /// Creates a spinner.
    /// - Parameters:
    ///   - label: The text after the frame; control sequences in it are removed.
    ///   - frames: The frames to cycle through; `brailleFrames` when empty.
    ///   - color: Whether to dim the indicator.
    package init(label: String = "thinking…", frames: [String] = Spinner.brailleFrames, color: Bool = false) {
        self.frames = frames.isEmpty ? Self.brailleFrames : frames
        self.color = color
        self.label = TerminalSanitizer.singleLine(label)
    }

    /// Replaces the label (for example with a status event from the server) from the next frame on.
    /// - Parameter label: The new text; control sequences and newlines in it are removed.
    package mutating func update(label: String) {
        self.label = TerminalSanitizer.singleLine(label)
    }

    /// The bytes that draw the next frame over the previous one.
    /// - Parameter width: The terminal width in cells; the label is cut so the line never wraps (a wrapped line
    ///   could not be erased).
    /// - Returns: CR, erase-line, the frame and the label.
    package mutating func nextFrame(width: Int = 80) -> [UInt8] {
        let frame = frames[index % frames.count]
        index = (index + 1) % frames.count
        let room = width - 1 - DisplayWidth.of(frame) - 1
        let text = label.isEmpty || room <= 0 ? frame : frame + " " + Self.prefix(of: label, fitting: room)
        var bytes = Self.erase
        if color {
            bytes += Array((TerminalStyle.dim.open + text + TerminalStyle.dim.close).utf8)
        } else {
            bytes += Array(text.utf8)
        }
        return bytes
    }

    /// The longest prefix of `text` that fits in `cells`.
    private static func prefix(of text: String, fitting cells: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            used += DisplayWidth.of(text[index])
            if used > cells {
                break
            }
            end = text.index(after: index)
        }
        return text[..<end]
    }
}
