/// Colours a unified diff line by line: the first bytes of a line decide the whole line's kind.
///
/// | Line starts with | Kind |
/// |---|---|
/// | `+++`, `---` (file headers), `@` (hunks), a letter (`diff --git`, `index`, `new file mode`) | `.heading` |
/// | `+` | `.added` |
/// | `-` | `.removed` |
/// | `\` (`\ No newline at end of file`) | `.comment` |
/// | a space (context) or anything else | `.plain` |
///
/// Line ends are `.plain`. Holds: `+`, `++`, `-` or `--` at the start of a line, until the byte that tells a file
/// header from an added or removed line (at most 2 bytes).
struct DiffLexer: ByteLexer {
    private enum State: Sendable {
        case lineStart
        /// `count` copies of `sign` held at the start of a line.
        case sign(UInt8, count: Int)
        case line(CodeTokenKind)
    }

    private var state = State.lineStart

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout SpanOutput) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch state {
            case .lineStart:
                switch byte {
                case ASCII.lf:
                    out.put(.plain, at: i)
                case ASCII.plus, ASCII.dash:
                    out.hold(at: i)
                    state = .sign(byte, count: 1)
                default:
                    let kind = Self.lineKind(startingWith: byte)
                    out.put(kind, at: i)
                    state = .line(kind)
                }
                i += 1
            case .sign(let sign, let count):
                if byte == sign {
                    if count == 2 {
                        out.releaseAll(upTo: i, as: .heading)
                        out.put(.heading, at: i)
                        state = .line(.heading)
                    } else {
                        state = .sign(sign, count: count + 1)
                    }
                    i += 1
                } else {
                    let kind: CodeTokenKind = sign == ASCII.plus ? .added : .removed
                    out.releaseAll(upTo: i, as: kind)
                    state = .line(kind)
                }
            case .line(let kind):
                if byte == ASCII.lf {
                    out.put(.plain, at: i)
                    state = .lineStart
                } else {
                    out.put(kind, at: i)
                }
                i += 1
            }
        }
    }

    mutating func scanEnd(into out: inout SpanOutput) {
        if case .sign(let sign, _) = state {
            out.releaseAll(upTo: 0, as: sign == ASCII.plus ? .added : .removed)
        }
        state = .lineStart
    }

    private static func lineKind(startingWith byte: UInt8) -> CodeTokenKind {
        if byte == ASCII.at || ASCIISet.alphanumerics.contains(byte) && !ASCII.isDigit(byte) { return .heading }
        if byte == ASCII.backslash { return .comment }
        return .plain
    }
}
