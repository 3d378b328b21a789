/// Splits an event stream's bytes into lines, whatever the chunking, and drops the lines the parser would ignore.
///
/// ```
///  chunks:  | EF BB BF d a t a : ␠ h i CR | LF : ␠ p i n g CR | d a t a … |
///            └─ BOM ─┘└──── line 1 ─────┘└┘ └──── line 2 ───┘ └─ pending …
///                     stripped        CR+LF across chunks is one line end
///
///  chunks:  | … LF e v | e n t s : ␠ x x x … | x x … x LF d a t a … |
///                  └┬┘   └─────────────┬─────────────┘
///     held: could be "event"     "events" is no field the parser reads: the rest of the line is dropped as it
///                                streams, never copied and never counted against `maxLineLength`
/// ```
///
/// Line ends are CR, LF or CRLF (WHATWG HTML §9.2.5): a CR that ends one chunk and an LF that starts the next are
/// one line end. One UTF-8 byte order mark is stripped at stream start only. Lines are handed out as borrowed
/// buffers: nothing is allocated for a line that lies within one chunk. A line that is not yet terminated when its
/// chunk ends is kept until the chunk that ends it arrives, unless its first bytes already show that the parser
/// ignores it (a comment, or a field name other than `data`, `event`, `id` and `retry`; see `SSEFieldName`): then
/// the rest of it, however long, is skipped as it streams, never copied and never counted. A kept line that grows
/// past `maxLineLength` makes the splitter throw instead of buffering more; an ignored line has no limit.
package struct SSELineSplitter: Sendable {
    /// The longest line, in bytes, that the splitter buffers.
    package let maxLineLength: Int

    /// The bytes of the unterminated line, unless it is being skipped.
    private var pending: [UInt8] = []
    /// What the unterminated line's first bytes showed.
    private var partialLine = PartialLine.undecided
    private var pendingLineEndsWithCR = false
    private var bomBytesMatched = 0
    private var atStreamStart = true

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// What is known about a line that has not ended yet.
    private enum PartialLine {
        /// Too short to tell (or not begun): `pending` holds at most the start of a field name.
        case undecided
        /// A field the parser reads: `pending` holds the line so far, and counts against `maxLineLength`.
        case kept
        /// A comment or an ignored field: its bytes are dropped until the line ends.
        case skipped
    }

    /// Creates a splitter for a new stream.
    /// - Parameter maxLineLength: The longest line, in bytes, to buffer before failing.
    package init(maxLineLength: Int) {
        self.maxLineLength = maxLineLength
    }

    /// Feeds the next chunk and calls `onLine` for every line it completes, in order.
    /// - Parameters:
    ///   - chunk: The next bytes of the stream.
    ///   - onLine: Called with each complete line, without its line end; the buffer is valid only during the call.
    /// - Throws: `SSEParserError.lineTooLong` when a line passes `maxLineLength`; rethrows `onLine`'s errors.
    package mutating func split(
        _ chunk: UnsafeRawBufferPointer,
        onLine: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var start = 0
        let end = chunk.count
        if atStreamStart {
            start = consumeByteOrderMark(chunk)
            if atStreamStart { return }
        }
        if pendingLineEndsWithCR, start < end {
            pendingLineEndsWithCR = false
            if chunk[start] == ASCII.lf { start += 1 }
        }
        // Positions of the next LF and CR at or after `start`, cached so each byte is searched at most once per kind.
        var nextLF = -1
        var nextCR = -1
        while start < end {
            if nextLF < start { nextLF = chunk.firstOffset(of: ASCII.lf, in: start..<end) }
            if nextCR < start { nextCR = chunk.firstOffset(of: ASCII.cr, in: start..<min(nextLF, end)) }
            let lineEnd = min(nextLF, nextCR)
            let line = UnsafeRawBufferPointer(rebasing: chunk[start..<lineEnd])
            if lineEnd == end {
                if partialLine == .kept {
                    try appendPending(line)
                } else {
                    try holdUnterminated(line)
                }
                return
            }
            if !pending.isEmpty {
                try finishPending(line, onLine: onLine)
            } else if partialLine == .skipped {
                partialLine = .undecided
            } else if line.count <= maxLineLength {
                try onLine(line)
            } else if SSEFieldName.lineStart(line, UnsafeRawBufferPointer(start: nil, count: 0)) != .ignored {
                throw SSEParserError.lineTooLong(limit: maxLineLength)
            }
            start = lineEnd + 1
            if chunk[lineEnd] == ASCII.cr {
                if start == end {
                    pendingLineEndsWithCR = true
                } else if chunk[start] == ASCII.lf {
                    start += 1
                }
            }
        }
    }

    /// Forgets any unfinished line and prepares for a new stream (a reconnection), BOM check included.
    package mutating func reset() {
        pending.removeAll(keepingCapacity: false)
        partialLine = .undecided
        pendingLineEndsWithCR = false
        bomBytesMatched = 0
        atStreamStart = true
    }

    /// Holds the bytes of a line that goes on past this chunk while its start does not show it ignored; drops them
    /// once it does. (`split` appends to a line already known to be kept itself.)
    private mutating func holdUnterminated(_ bytes: UnsafeRawBufferPointer) throws {
        if partialLine == .skipped { return }
        let verdict =
            pending.isEmpty
            ? SSEFieldName.lineStart(UnsafeRawBufferPointer(start: nil, count: 0), bytes)
            : pending.withUnsafeBytes { SSEFieldName.lineStart($0, bytes) }
        switch verdict {
        case .ignored:
            pending.removeAll(keepingCapacity: true)
            partialLine = .skipped
        case .kept:
            partialLine = .kept
            try appendPending(bytes)
        case .undecided:
            try appendPending(bytes)  // at most the five bytes of a field name
        }
    }

    /// Completes the line begun in `pending` with `rest` and hands it out, unless its start shows the parser
    /// ignores it.
    private mutating func finishPending(
        _ rest: UnsafeRawBufferPointer,
        onLine: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        if partialLine == .kept || pending.withUnsafeBytes({ SSEFieldName.lineStart($0, rest) }) != .ignored {
            try appendPending(rest)
            try pending.withUnsafeBytes { try onLine($0) }
        }
        pending.removeAll(keepingCapacity: pending.capacity <= 64 * 1024)
        partialLine = .undecided
    }

    private mutating func appendPending(_ bytes: UnsafeRawBufferPointer) throws {
        guard pending.count + bytes.count <= maxLineLength else {
            throw SSEParserError.lineTooLong(limit: maxLineLength)
        }
        pending.append(contentsOf: bytes)
    }

    /// Matches a leading BOM, which may arrive split across chunks. Returns the offset where lines start;
    /// leaves `atStreamStart` set while the chunk ended before the BOM question was settled.
    private mutating func consumeByteOrderMark(_ chunk: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        while offset < chunk.count {
            if chunk[offset] == Self.byteOrderMark[bomBytesMatched] {
                bomBytesMatched += 1
                offset += 1
                if bomBytesMatched == Self.byteOrderMark.count {
                    atStreamStart = false
                    return offset
                }
            } else {
                // Not a BOM after all: the bytes matched so far are ordinary line content.
                pending.append(contentsOf: Self.byteOrderMark[0..<bomBytesMatched])
                atStreamStart = false
                return offset
            }
        }
        return offset
    }
}
