/// The `--pace` queue of one reply: a `Pacer` for the timing, plus which of its characters are answer and which
/// reasoning, so released text goes to the typewriter as the right kind. Pure; times are explicit.
///
/// ```
///  enqueue("Hmm", .reasoning, at: 0)  enqueue("Hi", .answer, at: 0.01)
///  release(at: 0.05) ─► [("Hmm", .reasoning), ("H", .answer)]     split where the runs meet
/// ```
/// A grapheme cluster never spans two deltas (the pacer counts clusters within one delta), so released text splits
/// exactly at run boundaries, counted in Unicode scalars.
struct PacedText: Sendable {
    /// A piece of released text and its kind.
    struct Piece: Sendable, Equatable {
        var text: String
        var kind: Typewriter.DeltaKind
    }

    private struct Run {
        var kind: Typewriter.DeltaKind
        var scalars: Int
    }

    private var pacer: Pacer
    private var runs: [Run] = []
    /// When text was last released.
    private(set) var lastRelease: Duration?

    /// Creates a queue typing out `charactersPerSecond`.
    init(charactersPerSecond: Double) {
        pacer = Pacer(charactersPerSecond: charactersPerSecond)
    }

    /// The characters queued and not yet released.
    var backlog: Int { pacer.backlog }

    /// When the next character is due; `nil` when the queue is empty.
    var nextReleaseTime: Duration? { pacer.nextReleaseTime }

    /// Queues a delta that arrived at `now`.
    mutating func enqueue(_ text: String, kind: Typewriter.DeltaKind, at now: Duration) {
        guard !text.isEmpty else { return }
        pacer.enqueue(text, at: now)
        let scalars = text.unicodeScalars.count
        if let last = runs.indices.last, runs[last].kind == kind {
            runs[last].scalars += scalars
        } else {
            runs.append(Run(kind: kind, scalars: scalars))
        }
    }

    /// The text due by `now`, split by kind.
    mutating func release(at now: Duration) -> [Piece] {
        if let lastRelease, now < lastRelease + ReplyRenderer.paceTick, pacer.backlog > 0 { return [] }
        let text = pacer.release(at: now)
        if !text.isEmpty { lastRelease = now }
        return split(text)
    }

    /// Everything still queued, split by kind.
    mutating func drain() -> [Piece] {
        split(pacer.drain())
    }

    private mutating func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var scalars = text.unicodeScalars[...]
        while !scalars.isEmpty, !runs.isEmpty {
            let count = min(runs[0].scalars, scalars.count)
            pieces.append(Piece(text: String(Substring(scalars.prefix(count))), kind: runs[0].kind))
            scalars = scalars.dropFirst(count)
            runs[0].scalars -= count
            if runs[0].scalars == 0 { runs.removeFirst() }
        }
        return pieces
    }
}
