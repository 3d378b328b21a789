/// The output side of one piece: turns byte offsets in the piece into spans, and keeps the bytes on hold.
///
/// A lexer gives each byte a kind with `put(_:at:)`; consecutive bytes of one look make one span, of the first one's
/// kind (each kind is its own look unless the output was made `joining` looks). A byte whose
/// kind is not known yet starts a hold (`hold(at:)`): it and the bytes after it wait until the lexer `release`s
/// them with a kind. A hold still open at the end of the piece is carried into the next piece as bytes, which come
/// before the piece's own. Spans are recorded as offsets and handed out by `CodeLexer` once the piece is scanned,
/// so lexing a piece allocates nothing.
struct SpanOutput {
    /// A span of the piece's bytes, or of the bytes carried from earlier pieces.
    struct Span {
        var kind: CodeTokenKind
        var start: Int
        var end: Int
        var isCarried: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The recorded spans are `spans[..<spanCount]`; the elements after are old ones, kept for their storage.
    private var spans: [Span]
    private var spanCount = 0
    /// Which kinds make one span.
    private let looks: CodeTokenKind.Looks
    /// The open run's look (`noRun` when no run is open), its first kind and its start.
    private var runLook = SpanOutput.noRun
    private var runKind = CodeTokenKind.plain
    private var runStart = 0
    /// Whether some bytes are on hold (from this piece, earlier pieces, or both).
    private(set) var isHolding: Bool
    private var holdStart = 0
    /// Held bytes from earlier pieces; they come before `bytes[holdStart...]`.
    private let carried: UnsafeBufferPointer<UInt8>
    private var carriedReleased = 0

    /// Creates the output for one piece.
    /// - Parameters:
    ///   - bytes: The piece's UTF-8 bytes, valid while this output is used.
    ///   - carried: Bytes held over from earlier pieces (empty when nothing is held), valid while this output is used.
    ///   - looks: Which kinds make one span when neighbours (`nil`: each kind its own).
    ///   - spans: An array to record spans in, moved in (so that its storage is reused, not copied); its elements
    ///     are overwritten.
    init(
        bytes: UnsafeBufferPointer<UInt8>,
        carried: UnsafeBufferPointer<UInt8>,
        joining looks: CodeTokenKind.Looks?,
        spans: inout [Span]
    ) {
        self.bytes = bytes
        self.carried = carried
        self.looks = looks ?? .distinct
        self.spans = []
        isHolding = !carried.isEmpty
        swap(&self.spans, &spans)
    }

    /// Gives the byte at `offset` the kind `kind`.
    @inline(__always)
    mutating func put(_ kind: CodeTokenKind, at offset: Int) {
        let look = looks.of(kind)
        if runLook != look {
            closeRun(at: offset)
            runLook = look
            runKind = kind
            runStart = offset
        }
    }

    /// Starts holding at `offset`: that byte and the ones after it wait for `release`.
    mutating func hold(at offset: Int) {
        closeRun(at: offset)
        isHolding = true
        holdStart = offset
    }

    /// The number of bytes on hold before `offset`.
    func heldCount(upTo offset: Int) -> Int {
        carried.count - carriedReleased + offset - holdStart
    }

    /// The bytes on hold before `offset`, as a string.
    func heldText(upTo offset: Int) -> String {
        withHeldBytes(upTo: offset) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes on hold before `offset` (copied only when some came from earlier pieces).
    func withHeldBytes<Result>(upTo offset: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let current = UnsafeBufferPointer(rebasing: bytes[holdStart..<offset])
        guard carriedReleased < carried.count else { return body(current) }
        let earlier = carried[carriedReleased...]
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: earlier.count + current.count) { buffer in
            let middle = buffer.initialize(fromContentsOf: earlier)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[middle...]).initialize(fromContentsOf: current)
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// Gives the first `count` held bytes the kind `kind`; the hold stays open for the rest.
    mutating func release(_ count: Int, as kind: CodeTokenKind) {
        var remaining = count
        let carriedLeft = carried.count - carriedReleased
        if carriedLeft > 0, remaining > 0 {
            let taken = min(carriedLeft, remaining)
            record(Span(kind: kind, start: carriedReleased, end: carriedReleased + taken, isCarried: true))
            carriedReleased += taken
            remaining -= taken
        }
        if remaining > 0 {
            put(kind, at: holdStart)
            holdStart += remaining
        }
    }

    /// Gives every byte held before `offset` the kind `kind`, and ends the hold.
    mutating func releaseAll(upTo offset: Int, as kind: CodeTokenKind) {
        release(heldCount(upTo: offset), as: kind)
        isHolding = false
    }

    /// Ends the piece: closes the last span, and gives the bytes still on hold (to carry to the next piece).
    /// - Parameter held: Emptied (its storage kept), then receives the bytes on hold.
    mutating func finishPiece(holding held: inout [UInt8]) {
        if !held.isEmpty { held.removeAll(keepingCapacity: true) }
        guard isHolding else {
            closeRun(at: bytes.count)
            return
        }
        if carriedReleased < carried.count {
            held.append(contentsOf: UnsafeBufferPointer(rebasing: carried[carriedReleased...]))
        }
        held.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[holdStart...]))
    }

    /// Hands over the array the spans are recorded in, and how many of its first elements are this piece's spans
    /// (call after `finishPiece`).
    mutating func takeSpans() -> (spans: [Span], count: Int) {
        var taken: [Span] = []
        swap(&taken, &spans)
        return (taken, spanCount)
    }

    private mutating func record(_ span: Span) {
        if spanCount < spans.count {
            spans[spanCount] = span
        } else {
            spans.append(span)
        }
        spanCount += 1
    }

    /// No run is open (no kind has this look: looks are 4 bits).
    private static let noRun: UInt64 = 16

    private mutating func closeRun(at offset: Int) {
        if runLook != Self.noRun, runStart < offset {
            record(Span(kind: runKind, start: runStart, end: offset, isCarried: false))
        }
        runLook = Self.noRun
    }
}
