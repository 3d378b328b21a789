/// Splits an event stream's bytes into lines, whatever the chunking.
///
/// ```
///  chunks:  | EF BB BF d a t a : ␠ h i CR | LF : ␠ p i n g CR | d a t a … |
///            └─ BOM ─┘└──── line 1 ─────┘└┘ └──── line 2 ───┘ └─ pending …
///                     stripped        CR+LF across chunks is one line end
/// ```
///
/// Line ends are CR, LF or CRLF (WHATWG HTML §9.2.5): a CR that ends one chunk and an LF that starts the next are
/// one line end. One UTF-8 byte order mark is stripped at stream start only. A line that is not yet terminated is
/// kept until the chunk that ends it arrives; if it grows past `maxLineLength` the splitter throws instead of
/// buffering more. Lines are handed out as borrowed buffers: nothing is allocated for a line that lies within one
/// chunk.
package struct SSELineSplitter: Sendable {
    /// The longest line, in bytes, that the splitter buffers.
    package let maxLineLength: Int

    private var pending: [UInt8] = []
    private var pendingLineEndsWithCR = false
    private var bomBytesMatched = 0
    private var atStreamStart = true

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

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
            if lineEnd == end {
                try appendPending(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                return
            }
            let line = UnsafeRawBufferPointer(rebasing: chunk[start..<lineEnd])
            if pending.isEmpty {
                guard line.count <= maxLineLength else { throw SSEParserError.lineTooLong(limit: maxLineLength) }
                try onLine(line)
            } else {
                try appendPending(line)
                try pending.withUnsafeBytes { try onLine($0) }
                pending.removeAll(keepingCapacity: pending.capacity <= 64 * 1024)
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
        pendingLineEndsWithCR = false
        bomBytesMatched = 0
        atStreamStart = true
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
