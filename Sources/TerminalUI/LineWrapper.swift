/// Soft word wrap of a stream of printable scalars at a width in terminal cells, writing as early as it can and
/// never touching a line above the cursor.
///
/// ```
///  "The quick brown fox" at width 12, fed in any split:
///   The·quick       ← "brown" held back while it is typed; it would not fit after "quick·", so a newline
///   brown·fox         goes out first, the space is dropped and "brown" is written at the start of the next line
///
///  the same, with the stream stalling after "The quick br" and `flushHeld` called a frame later:
///   The·quick·br    ← " br" shown at once, filling the line; when "o" arrives the word no longer fits, so it
///   brown·fox         moves: ESC[2D (from the last cell back to after "quick"), ESC[K, newline, "bro"
/// ```
///
/// - A word that starts mid-line is held back (its bytes and width) until a space, a newline or a wide character
///   ends it, or until it no longer fits on the line; then the line is broken before it. `flushHeld` shows such a
///   word early (a stalled stream must not hide it); it is then written as it grows, and should it outgrow the
///   line it is erased from the current line with `ESC [ n D` and `ESC [ K` and written again on the next one.
///   Only the cursor's own line is ever changed, and the cursor position is never queried.
/// - A word at the start of a line is written as it arrives; if it is wider than the line it is hard-broken at the
///   width. Wide characters (CJK, emoji) are words of their own, so CJK text breaks between any two of them. A
///   one-cell character in the last cell that a VS16 then widens (`❤` + U+FE0F) is erased with `ESC [ K` and
///   written again at the start of the next line.
/// - Spaces are held until the next word: they are dropped at a soft break and before a newline. A tab becomes
///   spaces up to the next multiple of 8. Indentation at the start of a line is kept.
/// - The scalars of one cluster (marks, VS16, ZWJ sequences, flags) stay together. A new width applies from the
///   next line (at once when the current line is still empty). A word wider than the line it is moved to is
///   hard-broken there.
/// - A row may start with a prefix (`beginLine`: a list bullet, quote bars), and rows the wrapper breaks start
///   with the `continuation` prefix (the hanging indent). Zero-width bytes (`appendControl`: SGR styles) stay with
///   the word they precede, so a held word keeps its style when it is written or moved.
struct LineWrapper: Sendable {
    /// The width lines are wrapped at, in cells (at least 2).
    private(set) var width: Int
    /// The cells written on the current line (where the cursor is: pending spaces and a held word are not shown).
    var column = 0
    /// How many rows have ended so far (newlines and soft breaks); a change means the cursor left its row.
    private(set) var rowsEnded = 0

    private var nextWidth: Int?
    // Internal, not private, for the ASCII fast paths in `LineWrapper+ASCII.swift`, which change them as `append`
    // would: the word being typed, the pending spaces and styles.
    var pendingSpaces = 0
    var held = WordBuffer()
    var heldWidth = 0
    var inWord = false
    var wordIsWritten = false
    /// The word was held back, then shown by `flushHeld`: its bytes stay in `held` in case it has to move.
    var wordIsShown = false
    /// Where the shown word's leading spaces begin on the line (what a move erases).
    private var wordStart = 0
    var heldWords = 0
    var wordIsWide = false
    /// The one-cell cluster a written word put in the line's last cell, while a VS16 may still widen it.
    var edgeCluster: [UInt8] = []
    var tracker = GraphemeWidthTracker()
    /// Where the current row's text begins, after its prefix.
    private(set) var lineStart = 0
    /// Zero-width bytes waiting for the next word (a style that starts with it).
    var pendingControl = WordBuffer()
    /// What rows the wrapper breaks start with, and its width in cells.
    var continuation: (bytes: [UInt8], width: Int) = ([], 0)

    /// Creates a wrapper at the start of a line.
    /// - Parameter width: The line width in cells; values below 2 are raised to 2.
    init(width: Int) {
        self.width = max(width, 2)
    }

    /// Sets the width for the next line (the current line keeps its width; an empty current line takes it now).
    mutating func resize(width newWidth: Int) {
        if column == lineStart, held.isEmpty, pendingSpaces == 0, !inWord {
            // Nothing is on the current line yet: it is the next line, so the width applies now.
            width = max(newWidth, 2)
            nextWidth = nil
        } else {
            nextWidth = max(newWidth, 2)
        }
    }

    /// Adds one printable scalar (already sanitised; LF and TAB allowed).
    /// - Parameters:
    ///   - scalar: The next scalar.
    ///   - output: Where the bytes that can be written now are appended.
    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        switch scalar.value {
        case 0x20:
            endWord(to: &output)
            pendingSpaces += 1
            tracker.reset()
        case 0x0A:
            newline(to: &output)
        case 0x09:
            endWord(to: &output)
            pendingSpaces += 8 - (column + pendingSpaces) % 8
            tracker.reset()
        default:
            appendVisible(scalar, to: &output)
        }
    }

    /// Starts a row with `prefix` (`width` cells): call it at the start of a line.
    mutating func beginLine(prefix: [UInt8], width cells: Int, to output: inout [UInt8]) {
        output.append(lent: prefix)
        beginLine(writtenPrefixWidth: cells)
    }

    /// Starts a row with a prefix of `cells` cells that the caller has written to the output itself.
    mutating func beginLine(writtenPrefixWidth cells: Int) {
        column += cells
        lineStart = column
    }

    /// Adds bytes that take no cells (an SGR style), lent in place: written with the word they precede, or at once
    /// inside a word already written.
    mutating func appendControl(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard inWord else {
            pendingControl.append(contentsOf: bytes)
            return
        }
        if wordIsWritten {
            output.append(contentsOf: bytes)
            return
        }
        held.append(contentsOf: bytes)
        if wordIsShown { output.append(contentsOf: bytes) }
    }

    /// Adds zero-width bytes that end a style: before the spaces pending between two words (they belong to the
    /// word before), or like `appendControl` inside a word.
    mutating func appendControlBeforeSpaces(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard inWord else {
            output.append(contentsOf: bytes)
            return
        }
        appendControl(bytes, to: &output)
    }

    /// A soft line break in flowing text: the word before it ends, and the spaces around it become one.
    mutating func spaceBreak(to output: inout [UInt8]) {
        endWord(to: &output)
        pendingSpaces = column > lineStart ? 1 : 0
        tracker.reset()
    }

    /// Writes the word held back so far (for example before a style change). Pending spaces stay pending; a mark or
    /// VS16 that comes next joins the character it belongs to, on screen already, rather than starting a word.
    mutating func flush(to output: inout [UInt8]) {
        endWord(to: &output)
    }

    /// Whether a visible word is held back (started mid-line, not yet known to fit).
    var isHoldingText: Bool {
        inWord && !wordIsWritten && !wordIsShown && heldWidth > 0
    }

    /// Identifies the word held back, if any; each word that starts being held gets a new value.
    var heldWordID: Int? {
        isHoldingText ? heldWords : nil
    }

    /// Shows the word held back so far, with the spaces before it, without ending it: the rest of the word is
    /// written as it comes, and the word moves to the next line if it outgrows this one.
    /// - Parameter output: Where the bytes are appended.
    mutating func flushHeld(to output: inout [UInt8]) {
        guard isHoldingText else { return }
        wordStart = column
        held.write(after: pendingSpaces, to: &output)
        column += pendingSpaces + heldWidth
        pendingSpaces = 0
        wordIsShown = true
    }

    /// Writes the held word, drops pending spaces and ends the line if anything is on it.
    mutating func endLine(to output: inout [UInt8]) {
        endWord(to: &output)
        pendingSpaces = 0
        if column > 0 {
            newline(to: &output)
        }
    }

    /// Ends the current line unconditionally.
    mutating func newline(to output: inout [UInt8]) {
        endWord(to: &output)
        pendingSpaces = 0
        if !pendingControl.isEmpty {
            pendingControl.write(after: 0, to: &output)
            pendingControl.removeAll()
        }
        output.append(0x0A)
        startLine()
        tracker.reset()
    }

    mutating func appendVisible(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        appendVisible(scalar, measured: tracker.measure(scalar), to: &output)
    }

    /// `appendVisible` for a scalar the tracker has measured. Internal for `LineWrapper+Wide.swift`.
    mutating func appendVisible(
        _ scalar: Unicode.Scalar,
        measured measure: GraphemeWidthTracker.Measure,
        to output: inout [UInt8]
    ) {
        let cells = measure.cells
        if !inWord && (measure.extendsCluster ? column > 0 : cells == 0 && pendingSpaces == 0) {
            // A mark or VS16 right after `flush` (a style change) joins its cluster, which is on the screen already;
            // a zero-width scalar with no cluster and no space held before it joins whatever is before it there.
            // Written at once, neither starts a word that could move to the next line without it.
            writeWordScalar(scalar, measure, to: &output)
            return
        }
        if !(measure.extendsCluster && inWord) {
            let isWide = cells == 2
            if inWord && (isWide || wordIsWide) {
                endWord(to: &output)
            }
            if !inWord {
                startWord(cells: cells, to: &output)
            }
            wordIsWide = isWide
            if wordIsWritten && column + cells > width && column > lineStart {
                softBreak(to: &output)  // hard break inside a word longer than the line
            }
        }
        if wordIsWritten {
            writeWordScalar(scalar, measure, to: &output)
            return
        }
        held.append(scalar)
        heldWidth += cells
        if wordIsShown {
            if column + cells > width {
                moveShownWord(to: &output)
            } else {
                UTF8.encode(scalar) { output.append($0) }
                column += cells
            }
            return
        }
        if column + pendingSpaces + heldWidth > width {
            // The word no longer fits after what is on this line: break before it and write it at the start of
            // the next line, where it stays even if it grows past the width.
            softBreak(to: &output)
            pendingSpaces = 0
            writeHeldAtLineStart(to: &output)
        }
    }

    /// Moves the shown word, which no longer fits, to the next line: back to where its spaces begin, erase to the
    /// end of the line, newline, the word. After a full line the cursor sits on the last cell (the terminal's
    /// pending wrap), so it is one cell less far from the word.
    private mutating func moveShownWord(to output: inout [UInt8]) {
        let back = min(column, width - 1) - wordStart
        if back > 0 {
            output.append(contentsOf: [0x1B, 0x5B])  // ESC [ n D: cursor left n cells
            output.append(contentsOf: String(back).utf8)
            output.append(0x44)
        }
        output.append(contentsOf: [0x1B, 0x5B, 0x4B])  // ESC [ K: erase to the end of the line
        softBreak(to: &output)
        writeHeldAtLineStart(to: &output)
    }

    /// Writes the held word at the start of a line, hard-breaking it if it is wider than the line (possible only
    /// after a resize), and goes on writing the word as it comes.
    private mutating func writeHeldAtLineStart(to output: inout [UInt8]) {
        if column + heldWidth < width {
            held.write(after: 0, to: &output)
            column += heldWidth
        } else {
            var measure = GraphemeWidthTracker()
            var control = ControlSequenceSkipper()
            for scalar in held.withBytes({ String(decoding: $0, as: UTF8.self) }).unicodeScalars {
                // Zero-width control bytes (`appendControl`) go out whole, never measured or broken.
                if control.consumes(scalar) {
                    UTF8.encode(scalar) { output.append($0) }
                    continue
                }
                let cells = measure.measure(scalar)
                if !cells.extendsCluster && column + cells.cells > width && column > lineStart {
                    softBreak(to: &output)
                }
                writeWordScalar(scalar, cells, to: &output)
            }
        }
        held.removeAll()
        heldWidth = 0
        wordIsShown = false
        wordIsWritten = true
    }

    /// Writes one scalar of a word that is written as it comes. A one-cell cluster that lands in the line's last cell
    /// is kept: should a VS16 then widen it to two cells, it is erased there (`ESC [ K`; the cursor is on that cell)
    /// and written again at the start of the next line, as a wide character that does not fit would be.
    @inline(__always)
    private mutating func writeWordScalar(
        _ scalar: Unicode.Scalar,
        _ measure: GraphemeWidthTracker.Measure,
        to output: inout [UInt8]
    ) {
        if !measure.extendsCluster {
            if !edgeCluster.isEmpty { edgeCluster.removeAll(keepingCapacity: true) }
            if measure.cells == 1 && column + 1 == width { UTF8.encode(scalar) { edgeCluster.append($0) } }
        } else if !edgeCluster.isEmpty {
            if column + measure.cells > width {
                let cluster = edgeCluster
                output.append(contentsOf: [0x1B, 0x5B, 0x4B])  // ESC [ K: erase the last cell
                softBreak(to: &output)
                output.append(lent: cluster)
                column += 1
            } else {
                UTF8.encode(scalar) { edgeCluster.append($0) }
            }
        }
        UTF8.encode(scalar) { output.append($0) }
        column += measure.cells
    }

    /// Starts a word whose first character is `cells` wide. Internal for the ASCII path.
    mutating func startWord(cells: Int, to output: inout [UInt8]) {
        inWord = true
        guard column == lineStart else {
            wordIsWritten = false
            heldWords &+= 1
            if !pendingControl.isEmpty {
                pendingControl.withBytes { held.append(contentsOf: $0) }
                pendingControl.removeAll()
            }
            return
        }
        // At the start of a line breaking cannot help: keep the indentation and write the word as it comes.
        let spaces = min(pendingSpaces, max(0, width - column - max(cells, 1)))
        output.append(contentsOf: repeatElement(0x20, count: spaces))
        if !pendingControl.isEmpty {
            pendingControl.write(after: 0, to: &output)
            pendingControl.removeAll()
        }
        column += spaces
        pendingSpaces = 0
        wordIsWritten = true
    }

    /// Ends the word being typed: writes it if held (with its pending spaces). Internal for the ASCII path.
    mutating func endWord(to output: inout [UInt8]) {
        guard inWord else { return }
        if !wordIsWritten && !wordIsShown {
            held.write(after: pendingSpaces, to: &output)  // the spaces and the word in one append
            column += pendingSpaces + heldWidth
            pendingSpaces = 0
        }
        if !wordIsWritten && column == width {
            // The word's last cluster may still grow after a `flush` (see `writeWordScalar`).
            edgeCluster = held.withBytes { Self.lastOneCellCluster(of: $0) }
        }
        held.removeAll()
        heldWidth = 0
        inWord = false
        wordIsWritten = false
        wordIsShown = false
        wordIsWide = false
    }

    /// A row break the wrapper makes: newline, then the continuation prefix.
    private mutating func softBreak(to output: inout [UInt8]) {
        output.append(0x0A)
        startLine()
        output.append(lent: continuation.bytes)
        column = continuation.width
        lineStart = column
    }

    private mutating func startLine() {
        rowsEnded &+= 1
        column = 0
        lineStart = 0
        if !edgeCluster.isEmpty { edgeCluster.removeAll(keepingCapacity: true) }
        if let nextWidth {
            width = nextWidth
            self.nextWidth = nil
        }
    }
}
