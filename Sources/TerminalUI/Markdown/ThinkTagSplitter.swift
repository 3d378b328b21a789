/// Splits a reply that opens with a `<think>…</think>` block (models that write their reasoning into the answer
/// text) into reasoning and answer, as it streams.
///
/// ```
///  "<thi" "nk>Hmm, " "let me see.</th" "ink>\n\nYes."
///     held     reasoning "Hmm, "   reasoning "let me see."   held, then answer "\n\nYes."
/// ```
/// Only a block at the very start of the reply counts (leading whitespace allowed); a `<think>` later on is text.
/// Holds: the start of the reply while it may still become `<think>` (7 characters), and inside the block the end
/// of a piece while it may still become `</think>` (8 characters).
struct ThinkTagSplitter: Sendable {
    /// A piece of the reply and what it is.
    enum Piece: Equatable, Sendable {
        case reasoning(String)
        case answer(String)
    }

    private enum State: Sendable {
        case start
        case thinking
        case answer
    }

    private static let open = Array("<think>".unicodeScalars)
    private static let close = Array("</think>".unicodeScalars)

    private var state = State.start
    private var held: [Unicode.Scalar] = []
    /// At the start: how many of `held` are the leading whitespace (counted as they come, not again per scalar).
    private var leadingWhitespace = 0

    /// Whether the reply is past any `<think>` block: every later piece is answer, as it is.
    var isPastReasoning: Bool { state == .answer && held.isEmpty }

    /// Splits the next piece of the reply.
    mutating func split(_ text: String) -> [Piece] {
        if state == .answer { return [.answer(text)] }
        var pieces: [Piece] = []
        var reasoning = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch state {
            case .start:
                held.append(scalar)
                if leadingWhitespace == held.count - 1, scalar.properties.isWhitespace { leadingWhitespace += 1 }
                let trimmed = held[leadingWhitespace...]
                if trimmed.count == Self.open.count, Array(trimmed) == Self.open {
                    state = .thinking
                    held.removeAll()
                } else if !Self.open.starts(with: trimmed) {
                    state = .answer
                    pieces.append(.answer(String(scalars: held)))
                    held.removeAll()
                }
            case .thinking:
                held.append(scalar)
                if held == Self.close {
                    state = .answer
                    held.removeAll()
                    if !reasoning.isEmpty { pieces.append(.reasoning(String(reasoning))) }
                    reasoning = String.UnicodeScalarView()
                } else if !Self.close.starts(with: held) {
                    // Not the closing tag: everything held but a new possible start of it is reasoning.
                    let keep = held.last == "<" ? 1 : 0
                    reasoning.append(contentsOf: held.dropLast(keep))
                    held = Array(held.suffix(keep))
                }
            case .answer:
                held.append(scalar)
            }
        }
        if !reasoning.isEmpty { pieces.append(.reasoning(String(reasoning))) }
        if state == .answer, !held.isEmpty {
            pieces.append(.answer(String(scalars: held)))
            held.removeAll()
        }
        return pieces
    }

    /// Ends the reply: what is held is given back as it was.
    mutating func finish() -> [Piece] {
        defer {
            held.removeAll()
            leadingWhitespace = 0
        }
        guard !held.isEmpty else { return [] }
        let text = String(scalars: held)
        return state == .thinking ? [.reasoning(text)] : [.answer(text)]
    }
}
