/// The output side of one `feed`: turns byte offsets in the fed piece into spans, and keeps the bytes on hold.
///
/// A lexer assigns each byte a kind with `put(_:at:)`; consecutive bytes of one kind become one span, emitted when
/// the kind changes or the piece ends. A byte whose kind is not yet known starts a hold (`hold(at:)`): spans up to
/// it go out, and it and the bytes after it wait until the lexer `release`s them with a kind. A hold that is still
/// open at the end of the piece is carried into the next `feed` as a small string.
struct SpanOutput {
    private let text: Substring
    private let emit: (CodeTokenKind, Substring) -> Void
    private var runKind: CodeTokenKind?
    private var runStart = 0
    /// Whether some bytes are on hold (from this piece, earlier pieces, or both).
    private(set) var isHolding: Bool
    private var holdStart = 0
    /// Held bytes from earlier pieces; they come before `text[holdStart...]`.
    private var carried: String
    private var carriedReleased = 0

    /// Creates the output for one piece.
    /// - Parameters:
    ///   - text: The piece being lexed; offsets are UTF-8 offsets into it.
    ///   - carried: Bytes held over from earlier pieces (empty when nothing is held).
    ///   - emit: Receives each span, in order.
    init(text: Substring, carried: String, emit: @escaping (CodeTokenKind, Substring) -> Void) {
        self.text = text
        self.carried = carried
        self.emit = emit
        isHolding = !carried.isEmpty
    }

    /// Gives the byte at `offset` the kind `kind`.
    @inline(__always)
    mutating func put(_ kind: CodeTokenKind, at offset: Int) {
        if runKind != kind {
            flushRun(to: offset)
            runKind = kind
            runStart = offset
        }
    }

    /// Starts holding at `offset`: that byte and the ones after it wait for `release`.
    mutating func hold(at offset: Int) {
        flushRun(to: offset)
        isHolding = true
        holdStart = offset
    }

    /// The number of bytes on hold before `offset`.
    func heldCount(upTo offset: Int) -> Int {
        carried.utf8.count - carriedReleased + offset - holdStart
    }

    /// The bytes on hold before `offset`, as a string.
    func heldText(upTo offset: Int) -> String {
        let current = text[index(holdStart)..<index(offset)]
        if carried.isEmpty { return String(current) }
        return String(carriedRest) + current
    }

    /// Emits the first `count` held bytes as `kind`; the hold stays open for the rest.
    mutating func release(_ count: Int, as kind: CodeTokenKind) {
        var remaining = count
        let carriedLeft = carried.utf8.count - carriedReleased
        if carriedLeft > 0, remaining > 0 {
            let taken = min(carriedLeft, remaining)
            let start = carried.utf8.index(carried.utf8.startIndex, offsetBy: carriedReleased)
            emit(kind, carried[start..<carried.utf8.index(start, offsetBy: taken)])
            carriedReleased += taken
            remaining -= taken
            if carriedReleased == carried.utf8.count {
                carried = ""
                carriedReleased = 0
            }
        }
        if remaining > 0 {
            put(kind, at: holdStart)
            holdStart += remaining
        }
    }

    /// Emits every byte held before `offset` as `kind` and ends the hold.
    mutating func releaseAll(upTo offset: Int, as kind: CodeTokenKind) {
        release(heldCount(upTo: offset), as: kind)
        isHolding = false
    }

    /// Ends the piece: emits the last span, and returns the bytes still on hold (to pass to the next piece).
    mutating func finishPiece() -> String {
        let end = text.utf8.count
        guard isHolding else {
            flushRun(to: end)
            return ""
        }
        let current = text[index(holdStart)..<text.endIndex]
        if carried.isEmpty { return String(current) }
        return String(carriedRest) + current
    }

    /// The held bytes from earlier pieces that are not yet released.
    private var carriedRest: Substring {
        carried[carried.utf8.index(carried.startIndex, offsetBy: carriedReleased)...]
    }

    private mutating func flushRun(to offset: Int) {
        if let kind = runKind, runStart < offset {
            emit(kind, text[index(runStart)..<index(offset)])
        }
        runKind = nil
    }

    @inline(__always)
    private func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.startIndex, offsetBy: offset)
    }
}
