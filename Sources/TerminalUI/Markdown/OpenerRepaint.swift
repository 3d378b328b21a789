/// Shows an opener that its paragraph never closed (`**`, `_`, `~~`, a backtick) literally, as CommonMark does, by
/// repainting the current row: the only row that may change.
///
/// ```
///  "see **this"   written optimistically:   see this          ("this" bold)
///  (paragraph ends, the run never closed):  CR ESC[4C ESC[K   back to where the opener was, erase the rest
///                                           see **this        the row again from the opener, which is now text
/// ```
/// A snapshot of the writer and the inline styler is taken where a delimiter run starts while no span is open, and
/// what the styler is fed from then on is logged. The snapshot is dropped when the spans close again or the cursor
/// leaves the row (a wrap or a hard break: rows above are final, and such an opener stays hidden, its style ended at
/// the paragraph's end). When the paragraph ends with a span still open, the row is erased from the snapshot's
/// column and the log is fed again from the snapshot with that first run shown literally. Bounded: one row's worth
/// of input (at most `logLimit` scalars).
struct OpenerRepaint: Sendable {
    /// The writer and the styler where the opener started, and the cursor's column there (kept apart from the row
    /// and the log, which change on every character: changing them does not copy this). The styler then held
    /// nothing and had no span open, so all there is of it is the character before (`InlineStyler.previous`).
    /// The writer is kept without its buffers: their bytes are copied into `Buffers`.
    private struct Snapshot: Sendable {
        var writer: MarkdownWriter
        var previous: Unicode.Scalar
        var column: Int
    }

    /// The bytes of the writer's buffers at the snapshot, copied rather than shared (sharing them made taking a
    /// snapshot retain each and the live writer's next append to one copy it); kept with their capacity. The
    /// continuation prefix is not kept: only a block's start sets it, and a block starts after its paragraph ends
    /// (`finish`), so it is the same at the snapshot and at the repaint.
    private struct Buffers: Sendable {
        var held = WordBuffer()
        var pendingControl = WordBuffer()
        var edgeCluster: [UInt8] = []
    }

    /// The most input logged for one opener; a row longer than this keeps its opener hidden.
    static let logLimit = 4096

    /// The last snapshot, taken while `log` is not empty (kept in place: taking one writes over it).
    private var snapshot = Snapshot(writer: MarkdownWriter(width: 2, color: false), previous: " ", column: 0)
    private var buffers = Buffers()
    /// The row the snapshot was taken on (its `rowsEnded`).
    private var row = 0
    /// What was fed since the snapshot, as UTF-8, `softBreak` for a soft line break (appending a run of plain
    /// bytes is one copy): never empty while there is one, so `log.isEmpty` tells there is none (cheaper to check
    /// than the large optional).
    private var log: [UInt8] = []
    /// How many scalars and soft breaks `log` holds (what `logLimit` bounds).
    private var logged = 0
    /// Marks a soft break in `log`: a byte that UTF-8 never uses.
    private static let softBreakMark: UInt8 = 0xFF

    /// Whether no snapshot is taken: `willFeed(plain:)` and `didFeed` do nothing then.
    var isIdle: Bool { log.isEmpty }

    // The styler and the writer are large: they are passed only where a snapshot may be taken (`inout` there, so
    // that the call does not copy them); everything else takes the few values it needs.

    /// Call before the styler is fed `scalar` in a paragraph or heading: logs it, or takes a snapshot where a
    /// delimiter run may open a span.
    mutating func willFeed(_ scalar: Unicode.Scalar, inline: inout InlineStyler, writer: inout MarkdownWriter) {
        if !log.isEmpty {
            append(scalar)
            return
        }
        guard scalar == "*" || scalar == "_" || scalar == "~" || scalar == "`", !inline.hasOpenSpans, !inline.isHolding
        else { return }
        keep(&writer)
        snapshot.previous = inline.previous
        snapshot.column = writer.wrapper.column
        row = writer.wrapper.rowsEnded
        append(scalar)
    }

    /// Call before the styler is fed plain bytes (`InlineStyler.plainPrefix`: none of them starts a snapshot).
    @inline(__always)
    mutating func willFeed(plain bytes: UnsafeBufferPointer<UInt8>) {
        guard !log.isEmpty else { return }
        log.append(contentsOf: bytes)
        logged += bytes.count
    }

    /// Call after the styler was fed: drops the snapshot once nothing it covers can still be unclosed on this row.
    /// - Parameters:
    ///   - row: The wrapper's `rowsEnded`.
    ///   - settled: Whether the styler has no open span and holds nothing.
    @inline(__always)
    mutating func didFeed(row: Int, settled: Bool) {
        guard !log.isEmpty else { return }
        if row != self.row || logged > Self.logLimit || settled { drop() }
    }

    /// Call when a soft line break (a space between two source lines) is given to the styler and the wrapper.
    /// - Parameter row: The wrapper's `rowsEnded` after the break.
    mutating func softBreak(row: Int) {
        guard !log.isEmpty else { return }
        log.append(Self.softBreakMark)
        logged += 1
        if row != self.row { drop() }
    }

    /// The paragraph or heading ends: when a span is still open and its opener is on the current row, erases the
    /// row from the opener and writes it again with the opener as text. Call before the styler's `endBlock`.
    @inline(__always)
    mutating func finish(inline: inout InlineStyler, writer: inout MarkdownWriter, output: inout [UInt8]) {
        guard !log.isEmpty else { return }  // no snapshot (mostly): nothing to look at or drop
        repaint(inline: &inline, writer: &writer, output: &output)
    }

    /// `finish` with a snapshot taken.
    private mutating func repaint(inline: inout InlineStyler, writer: inout MarkdownWriter, output: inout [UInt8]) {
        defer { drop() }
        guard inline.hasOpenSpans, writer.wrapper.rowsEnded == row else { return }
        output.append(0x0D)  // CR, then ESC [ n C: forward to the opener's column
        if snapshot.column > 0 { output += Array("\u{1B}[\(snapshot.column)C".utf8) }
        output += [0x1B, 0x5B, 0x4B]  // ESC [ K: erase the rest of the row
        // The first run is the opener the snapshot was taken at. When the replay leaves spans open again (a later
        // opener on the row was never closed either), it goes again with their runs literal too, until none is.
        let continuation = writer.wrapper.continuation
        var literal = [0]
        var repainted: [UInt8] = []
        for attempt in 1...Self.replayLimit {
            repainted.removeAll(keepingCapacity: true)
            replay(literal: literal, continuation: continuation, inline: &inline, writer: &writer, output: &repainted)
            let open = inline.openRunStarts
            if open.isEmpty || attempt == Self.replayLimit { break }
            literal = Array(Set(literal + open)).sorted()
        }
        output += repainted
    }

    /// The most replays of one row (each makes at least one more opener literal; a row needs more only when it has
    /// that many unclosed openers, and its last openers then stay hidden).
    static let replayLimit = 8

    /// The row again from the snapshot: the writer and a new styler as they were there, the log fed again with the
    /// runs that start at `literal` (positions in the log) shown as text.
    private func replay(
        literal: [Int],
        continuation: (bytes: [UInt8], width: Int),
        inline: inout InlineStyler,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) {
        writer = snapshot.writer
        writer.wrapper.held = buffers.held
        writer.wrapper.pendingControl = buffers.pendingControl
        writer.wrapper.edgeCluster = buffers.edgeCluster
        writer.wrapper.continuation = continuation
        inline = InlineStyler()
        inline.previous = snapshot.previous
        inline.literalRunStarts = literal
        output += writer.appliedSequence
        log.withUnsafeBufferPointer { log in
            var index = 0
            while index < log.count {
                inline.position = index
                if log[index] == Self.softBreakMark {
                    index += 1
                    inline.endLine(to: &writer, output: &output)
                    writer.wrapper.spaceBreak(to: &output)
                    continue
                }
                let (scalar, length) = log.scalar(at: index)
                index += length
                inline.feed(scalar, to: &writer, output: &output)
            }
        }
    }

    /// Keeps `writer` aside in `snapshot`, without its buffers (their bytes copied into `buffers`, the continuation
    /// left out): the copy shares no storage with the live writer. `inout` only to lend the buffers out while the
    /// rest is copied.
    private mutating func keep(_ writer: inout MarkdownWriter) {
        var held = WordBuffer()
        var pendingControl = WordBuffer()
        var edgeCluster: [UInt8] = []
        var continuation: [UInt8] = []
        swap(&held, &writer.wrapper.held)
        swap(&pendingControl, &writer.wrapper.pendingControl)
        swap(&edgeCluster, &writer.wrapper.edgeCluster)
        swap(&continuation, &writer.wrapper.continuation.bytes)
        snapshot.writer = writer
        buffers.held.removeAll()
        held.withBytes { buffers.held.append(contentsOf: $0) }
        buffers.pendingControl.removeAll()
        pendingControl.withBytes { buffers.pendingControl.append(contentsOf: $0) }
        Self.copy(&edgeCluster, to: &buffers.edgeCluster)
        swap(&held, &writer.wrapper.held)
        swap(&pendingControl, &writer.wrapper.pendingControl)
        swap(&edgeCluster, &writer.wrapper.edgeCluster)
        swap(&continuation, &writer.wrapper.continuation.bytes)
    }

    /// Copies `bytes` into `saved`, emptied keeping its capacity (`inout` only so that reading `bytes` retains
    /// nothing; an empty `saved` is left alone: emptying the shared empty array would make a new one).
    @inline(__always)
    private static func copy(_ bytes: inout [UInt8], to saved: inout [UInt8]) {
        if !saved.isEmpty { saved.removeAll(keepingCapacity: true) }
        if !bytes.isEmpty { saved.append(contentsOf: bytes) }
    }

    /// Logs a scalar fed to the styler.
    @inline(__always)
    private mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            log.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { log.append($0) }
        }
        logged += 1
    }

    private mutating func drop() {
        if !log.isEmpty { log.removeAll(keepingCapacity: true) }
        logged = 0
    }
}
