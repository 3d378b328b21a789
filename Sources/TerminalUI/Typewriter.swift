/// Turns a reply's text deltas into the bytes to write right now: a pure state machine, no I/O, no clock.
///
/// ```
///  render("Hel", .answer) ─► "Hel"            each delta goes out at once; in terminal mode only the word being
///  render("lo wor", .answer) ─► "lo"          typed mid-line is held back, until it is known to fit
///  render("ld", .answer) ─► ""
///  finish() ─► " world\n"                     the held word, a style reset, a final newline
///
///  render("lo wor", .answer) ─► "lo"          the same, with the stream stalling after "wor": the caller sees
///  heldWordID != nil                          a word held, and a frame later calls
///  flushHeld(into:) ─► " wor"                 so it shows; the rest of the word then goes out as it comes, and
///  render("ld", .answer) ─► "ld"              were it to outgrow the line it would be moved to the next one
/// ```
///
/// Modes:
/// - `terminal`: sanitised (`TerminalSanitizer`), soft word wrap at `width` cells (`LineWrapper`), reasoning set
///   apart on its own lines with one blank line between it and the answer, and dimmed (SGR 2) when colour is on.
///   Newlines are held until more text follows: leading and trailing newlines of a section are dropped, so a reply
///   never starts or ends with blank lines.
/// - `plain(sanitized:)`: for pipes. The text exactly as it comes, whatever its kind; sanitised only when asked.
/// - `raw`: the text exactly as it comes, even on a TTY (`--raw`).
///
/// The same text split into deltas differently yields the same bytes, unless `flushHeld` showed a word early: then
/// the bytes may differ, but the screen they leave is the same. A typewriter can be reused: after `finish()` it is
/// ready for the next reply.
package struct Typewriter: Sendable {
    /// How text is turned into bytes.
    package enum Mode: Sendable, Equatable {
        /// A TTY: sanitised, wrapped, styled.
        case terminal
        /// A pipe or file: untouched text, sanitised only when `sanitized` is true.
        case plain(sanitized: Bool)
        /// Untouched text, even on a TTY.
        case raw
    }

    /// What a delta belongs to.
    package enum DeltaKind: Sendable, Equatable {
        /// The model's answer.
        case answer
        /// The model's reasoning ("thinking") text.
        case reasoning
    }

    /// The mode chosen at creation.
    package let mode: Mode
    /// Whether SGR styles are written (terminal mode only).
    package let color: Bool

    /// Whether runs of printable ASCII take the wrapper's ASCII path (tests turn it off to compare the bytes).
    var usesASCIIRuns = true
    private var sanitizer = TerminalSanitizer()
    private var wrapper: LineWrapper
    private var section: DeltaKind?
    private var pendingNewlines = 0
    private var styled = false

    /// Creates a typewriter at the start of a line.
    /// - Parameters:
    ///   - mode: How text is rendered.
    ///   - width: The terminal width in cells (terminal mode).
    ///   - color: Whether to write SGR styles (terminal mode).
    package init(mode: Mode, width: Int = 80, color: Bool = false) {
        self.mode = mode
        self.color = color
        self.wrapper = LineWrapper(width: width)
    }

    /// The width lines are wrapped at now.
    package var width: Int { wrapper.width }

    /// The cells written on the current line (terminal mode).
    package var column: Int { wrapper.column }

    /// Changes the wrap width (after SIGWINCH); it applies from the next line, or at once while the current line is
    /// still empty (see `LineWrapper`).
    /// - Parameter width: The new terminal width in cells.
    package mutating func resize(width: Int) {
        wrapper.resize(width: width)
    }

    /// Renders one delta.
    /// - Parameters:
    ///   - text: The delta's text.
    ///   - kind: Whether it is answer or reasoning text.
    /// - Returns: The bytes to write now.
    package mutating func render(_ text: String, kind: DeltaKind = .answer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        render(text, kind: kind, into: &output)
        return output
    }

    /// Renders one delta, appending to a buffer the caller may reuse.
    /// - Parameters:
    ///   - text: The delta's text.
    ///   - kind: Whether it is answer or reasoning text.
    ///   - output: The buffer the bytes to write now are appended to.
    package mutating func render(_ text: String, kind: DeltaKind = .answer, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { render(utf8: $0, kind: kind, into: &output) }
    }

    /// Renders one delta given as UTF-8 (valid: a `String`'s, or several joined), as `render(_:kind:into:)` does.
    /// - Parameters:
    ///   - bytes: The delta's UTF-8.
    ///   - kind: Whether it is answer or reasoning text.
    ///   - output: The buffer the bytes to write now are appended to.
    package mutating func render(utf8 bytes: UnsafeBufferPointer<UInt8>, kind: DeltaKind, into output: inout [UInt8]) {
        switch mode {
        case .raw, .plain(sanitized: false):
            output.append(contentsOf: bytes)
        case .plain(sanitized: true):
            sanitizer.sanitize(utf8: bytes, into: &output)
        case .terminal:
            renderTerminal(bytes, kind: kind, into: &output)
        }
    }

    /// Identifies the word held back (terminal mode: a word that started mid-line and is not yet known to fit),
    /// or `nil` when no visible text is held. Each word that starts being held gets a new value, so a caller can
    /// tell whether the word it saw held a frame ago is still held.
    package var heldWordID: Int? {
        mode == .terminal ? wrapper.heldWordID : nil
    }

    /// Shows the word held back, if any. Call it when a frame (about 30 ms) passed with a word held, so a stalled
    /// stream never hides text. If the word later outgrows its line it is moved to the next one using only the
    /// current line (`ESC [ n D`, `ESC [ K`, newline, the word); the final screen is the same as without the call.
    /// Writes nothing in plain and raw modes, which hold nothing.
    /// - Parameter output: The buffer the bytes to write now are appended to.
    package mutating func flushHeld(into output: inout [UInt8]) {
        guard mode == .terminal else { return }
        wrapper.flushHeld(to: &output)
    }

    /// Ends the reply: writes the held word, resets styles, ends the line if anything is on it, and gets ready for
    /// the next reply. Call it on completion and on cancellation alike. In plain and raw modes it writes nothing
    /// (the text's bytes stay exactly as they came; add a final newline in the caller if wanted).
    /// - Returns: The bytes to write.
    package mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        finish(into: &output)
        return output
    }

    /// Ends the reply, appending to a buffer. See `finish()`.
    /// - Parameter output: The buffer the final bytes are appended to.
    package mutating func finish(into output: inout [UInt8]) {
        sanitizer.reset()
        guard mode == .terminal else { return }
        wrapper.flush(to: &output)
        setStyled(false, into: &output)
        wrapper.endLine(to: &output)
        section = nil
        pendingNewlines = 0
    }

    private mutating func renderTerminal(
        _ bytes: UnsafeBufferPointer<UInt8>,
        kind: DeltaKind,
        into output: inout [UInt8]
    ) {
        var index = 0
        while index < bytes.count {
            if usesASCIIRuns, bytes[index].isPrintableASCII, sanitizer.passesPrintableASCII {
                // A run of printable ASCII passes the sanitiser as it is and goes to the wrapper a word at a time.
                var end = index + 1
                while end < bytes.count, bytes[end].isPrintableASCII { end += 1 }
                beginVisible(kind, into: &output)
                wrapper.append(ascii: UnsafeBufferPointer(rebasing: bytes[index..<end]), to: &output)
                index = end
                continue
            }
            let (scalar, length) = bytes.scalar(at: index)
            index += length
            guard sanitizer.passes(scalar) else { continue }
            if scalar.value == 0x0A {
                if section == kind {
                    wrapper.flush(to: &output)
                    pendingNewlines += 1
                }
                continue  // held until more text comes; dropped at the start of a section
            }
            beginVisible(kind, into: &output)
            wrapper.append(scalar, to: &output)
        }
    }

    /// Before a visible character: enters the section, or writes the newlines held.
    private mutating func beginVisible(_ kind: DeltaKind, into output: inout [UInt8]) {
        if section != kind {
            enterSection(kind, into: &output)
        } else if pendingNewlines > 0 {
            for _ in 0..<pendingNewlines {
                wrapper.newline(to: &output)
            }
            pendingNewlines = 0
        }
    }

    /// Switches between reasoning and answer: the previous section's last line is ended and one blank line put
    /// between them; reasoning is dimmed when colour is on.
    private mutating func enterSection(_ kind: DeltaKind, into output: inout [UInt8]) {
        if section != nil {
            wrapper.flush(to: &output)
            setStyled(false, into: &output)
            wrapper.endLine(to: &output)
            wrapper.newline(to: &output)
        }
        pendingNewlines = 0
        section = kind
        setStyled(kind == .reasoning, into: &output)
    }

    private mutating func setStyled(_ on: Bool, into output: inout [UInt8]) {
        guard color, on != styled else { return }
        styled = on
        output.append(contentsOf: on ? TerminalStyle.dim.open.utf8 : TerminalStyle.reset.utf8)  // SGR 2 / SGR 0
    }
}
