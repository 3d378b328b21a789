import CodeHighlighting

/// Writes a code block's rows: exactly the code — no gutter, padding or wrap — coloured by its language's lexer as
/// it streams.
///
/// ```
///  keyword  35 magenta   type       33 yellow    string  32 green    comment  2 dim     number  36 cyan
///  attribute 34 blue     added      32 green     removed 31 red      heading  1 bold    plain, punctuation: none
/// ```
/// A tab becomes spaces to the next multiple of 8 (what a terminal shows, and what is copied back from it). With a
/// lexer, text is held until `flush` (the end of each delta) and the lexer's own bounded holds; without one (an
/// unknown language, or colour off) it is written at once.
struct CodeBlockWriter: Sendable {
    /// The lexer, restarted in place for each coloured block (it is large: moving it in and out of an optional
    /// copied it, and reading it through one checked its tag on every piece).
    private var lexer = CodeLexer(.json)
    /// Whether this block is coloured by `lexer` (a known language, colour on).
    private var lexes = false
    /// The code added since the last flush, as UTF-8.
    private var pending: [UInt8] = []
    private var cursor = Cursor()
    /// The last block's info string and the language it names (a reply's blocks mostly share one).
    private var lastInfo: (info: String, language: CodeLanguage?) = ("", nil)
    /// The kinds shown alike, by `color(_:)`: the lexer joins neighbouring spans of one colour (made once per writer,
    /// not read from a global at each piece).
    private let looks = CodeTokenKind.Looks(CodeBlockWriter.color)

    /// The piece being lexed, the stretch of it written but not yet gathered (its spans' bytes follow one another
    /// there), and a buffer that gathers stretches and colour sequences: the output gets them in one append when
    /// the buffer fills or the piece ends, not a few bytes at a time.
    private struct Stretch {
        let piece: UnsafeBufferPointer<UInt8>
        /// The gathering buffer (on the stack), and how many of its bytes are written.
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var gathered = 0
        var start = 0
        var end = 0

        /// The bytes a buffer gathers before it is appended.
        static let capacity = 1024

        /// Gathers the stretch.
        mutating func append(into output: inout [UInt8]) {
            guard end > start else { return }
            put(UnsafeBufferPointer(rebasing: piece[start..<end]), into: &output)
            start = end
        }

        /// Gathers bytes after the stretch (appending what is gathered first when they do not fit).
        mutating func put(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            guard let base = buffer.baseAddress else { return }
            if gathered + bytes.count > buffer.count {
                flushGathered(into: &output)
                guard bytes.count <= buffer.count else { return output.append(contentsOf: bytes) }
            }
            (base + gathered).initialize(shortCopyOf: bytes)
            gathered += bytes.count
        }

        /// Appends the stretch and what is gathered to the output (before anything is written to it directly).
        mutating func flush(into output: inout [UInt8]) {
            append(into: &output)
            flushGathered(into: &output)
        }

        private mutating func flushGathered(into output: inout [UInt8]) {
            guard gathered > 0 else { return }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<gathered]))
            gathered = 0
        }

        /// Calls `body` with a stretch of `piece` and its buffer.
        static func with<Result>(_ piece: UnsafeBufferPointer<UInt8>, _ body: (inout Stretch) -> Result) -> Result {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var stretch = Stretch(piece: piece, buffer: buffer)
                return body(&stretch)
            }
        }
    }

    /// Where the code goes: the column (for tabs) and the colour in effect.
    private struct Cursor: Sendable {
        var column = 0
        /// The colour in effect (a `CodeBlockWriter.sequence(_:)` index, 0 for none).
        var colored = 0

        /// Writes a span (or neighbouring spans of one colour, joined): added to `stretch` when it is printable ASCII
        /// and line ends of its piece.
        mutating func span(
            _ kind: CodeTokenKind,
            _ bytes: UnsafeBufferPointer<UInt8>,
            stretch: inout Stretch,
            into output: inout [UInt8]
        ) {
            let color = CodeBlockWriter.color(kind)
            if color != colored {
                stretch.append(into: &output)
                let sequence = CodeBlockWriter.sequence(color)
                stretch.put(
                    UnsafeBufferPointer(start: sequence.utf8Start, count: sequence.utf8CodeUnitCount),
                    into: &output
                )
                colored = color
            }
            // Printable ASCII and line ends of the piece (code mostly is): the run goes on with them.
            var end = 0
            var lineStart = -1
            while true {
                end = bytes.printableASCIIEnd(from: end)
                guard end < bytes.count, bytes[end] == 0x0A else { break }
                end += 1
                lineStart = end
            }
            if end == bytes.count, let base = bytes.baseAddress, let pieceBase = stretch.piece.baseAddress,
                base >= pieceBase, base + bytes.count <= pieceBase + stretch.piece.count
            {
                column = lineStart < 0 ? column + bytes.count : bytes.count - lineStart
                let start = base - pieceBase
                if start != stretch.end {
                    stretch.append(into: &output)
                    stretch.start = start
                }
                stretch.end = start + bytes.count
                return
            }
            stretch.flush(into: &output)
            write(bytes, into: &output)
        }

        /// Writes a span byte by byte: printable ASCII as it is, stretch by stretch; a tab or LF between stretches by
        /// `put(ascii:)`; bytes with any non-ASCII by scalar.
        private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            var start = 0
            var index = 0
            while index < bytes.count {
                index = bytes.printableASCIIEnd(from: index)
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if start == 0, bytes[index...].contains(where: { $0 >= 0x80 }) {
                    // Nothing written yet (the first byte that is not printable ASCII).
                    index = 0
                    while index < bytes.count {
                        let (scalar, length) = bytes.scalar(at: index)
                        put(scalar, into: &output)
                        index += length
                    }
                    return
                }
                if index > start { append(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &output) }
                put(ascii: byte, into: &output)
                index += 1
                start = index
            }
            if index > start { append(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &output) }
        }

        /// Appends printable ASCII.
        @inline(__always)
        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            output.append(contentsOf: bytes)
            column += bytes.count
        }

        mutating func put(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
            switch scalar {
            case "\t":
                let spaces = 8 - column % 8
                output += repeatElement(0x20, count: spaces)
                column += spaces
            case "\n":
                output.append(0x0A)
                column = 0
            default:
                UTF8.encode(scalar) { output.append($0) }
                column += DisplayWidth.of(scalar)
            }
        }

        /// `put` for an ASCII byte (no `Unicode.Scalar` or width lookup).
        mutating func put(ascii byte: UInt8, into output: inout [UInt8]) {
            switch byte {
            case 0x09:
                let spaces = 8 - column % 8
                output += repeatElement(0x20, count: spaces)
                column += spaces
            case 0x0A:
                output.append(0x0A)
                column = 0
            default:
                output.append(byte)
                if byte >= 0x20 && byte < 0x7F { column += 1 }
            }
        }
    }

    /// A writer for a block with this info string.
    init(info: String, color: Bool) {
        begin(info: info, color: color)
    }

    /// Starts a new block with this info string (after `finish`): the same as a new writer, but the buffers of the
    /// last block are kept.
    mutating func begin(info: String, color: Bool) {
        if !pending.isEmpty { pending.removeAll(keepingCapacity: true) }
        cursor = Cursor()
        lexes = false
        guard color else { return }
        if info != lastInfo.info { lastInfo = (info, CodeLanguage(infoString: info)) }
        guard let language = lastInfo.language else { return }
        lexer.restart(language)
        lexes = true
    }

    /// Adds printable ASCII code (no LF, no tab) and colours it at once: `write(ascii:into:)` then `flush`, without
    /// copying the bytes when nothing else waits.
    mutating func writeAndFlush(ascii bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard lexes, pending.isEmpty else {
            write(ascii: bytes, into: &output)
            flush(into: &output)
            return
        }
        lex(bytes, into: &output)
    }

    /// Ends a code row: `write("\n")`, the rows of a coloured block left for the next `flush` (the end of the delta
    /// or of the block), so that a delta's rows are lexed and appended together rather than row by row.
    mutating func endLine(into output: inout [UInt8]) {
        guard lexes else {
            cursor.put(ascii: 0x0A, into: &output)
            return
        }
        pending.append(0x0A)
    }

    /// Adds one character of code (LF included).
    mutating func write(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        guard lexes else {
            cursor.put(scalar, into: &output)
            return
        }
        UTF8.encode(scalar) { pending.append($0) }
    }

    /// Adds printable ASCII code (no LF, no tab), as `write(_:into:)` would byte by byte.
    mutating func write(ascii bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard lexes else {
            output.append(contentsOf: bytes)
            cursor.column += bytes.count
            return
        }
        pending.append(contentsOf: bytes)
    }

    /// Colours and writes what was added since the last flush (as far as the lexer decides it).
    mutating func flush(into output: inout [UInt8]) {
        guard lexes, !pending.isEmpty else { return }
        var bytes: [UInt8] = []
        swap(&bytes, &pending)
        bytes.withUnsafeBufferPointer { lex($0, into: &output) }
        swap(&bytes, &pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Lexes a piece and writes its spans, the piece's own bytes appended in stretches (the lexer is changed in
    /// place, since a copy would copy its buffers; the cursor is lent to its callback).
    private mutating func lex(_ piece: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var cursor = self.cursor
        Stretch.with(piece) { stretch in
            lexer.feed(utf8: piece, joining: looks) { kind, span in
                cursor.span(kind, span, stretch: &stretch, into: &output)
            }
            stretch.flush(into: &output)
        }
        self.cursor = cursor
    }

    /// Ends the block: what the lexer still holds, then the colour reset.
    mutating func finish(into output: inout [UInt8]) {
        flush(into: &output)
        if lexes {
            // The held bytes are the lexer's, never the stretch's: each span is appended at once.
            var cursor = self.cursor
            Stretch.with(UnsafeBufferPointer(start: nil, count: 0)) { stretch in
                lexer.finish(utf8: { kind, bytes in cursor.span(kind, bytes, stretch: &stretch, into: &output) })
                stretch.flush(into: &output)
            }
            self.cursor = cursor
            lexes = false
        }
        if cursor.colored != 0 {
            output += TextAttributes().sequence
            cursor.colored = 0
        }
    }

    /// A colour's SGR sequence, `ESC[0;…m` (`ESC[0m` for none), by `color(_:)`: static text, so writing it
    /// retains nothing.
    fileprivate static func sequence(_ color: Int) -> StaticString {
        switch color {
        case 1: "\u{1B}[0;35m"
        case 2: "\u{1B}[0;33m"
        case 3: "\u{1B}[0;32m"
        case 4: "\u{1B}[0;2m"
        case 5: "\u{1B}[0;36m"
        case 6: "\u{1B}[0;34m"
        case 7: "\u{1B}[0;31m"
        case 8: "\u{1B}[0;1m"
        default: "\u{1B}[0m"
        }
    }

    /// The colour of a kind: a `sequence(_:)` index, the same for kinds shown alike.
    fileprivate static func color(_ kind: CodeTokenKind) -> Int {
        switch kind {
        case .plain, .punctuation: 0
        case .keyword: 1
        case .type: 2
        case .string, .added: 3
        case .comment: 4
        case .number: 5
        case .attribute: 6
        case .removed: 7
        case .heading: 8
        }
    }
}
