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
    private var lexer: CodeLexer?
    private var pending = ""
    private var column = 0
    /// The SGR parameters in effect ("" for none).
    private var colored = ""

    /// A writer for a block with this info string.
    init(info: String, color: Bool) {
        lexer = color ? CodeLexer(language: info) : nil
    }

    /// Adds one character of code (LF included).
    mutating func write(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        guard lexer != nil else {
            put(scalar, into: &output)
            return
        }
        pending.unicodeScalars.append(scalar)
    }

    /// Colours and writes what was added since the last flush (as far as the lexer decides it).
    mutating func flush(into output: inout [UInt8]) {
        guard var lexer, !pending.isEmpty else { return }
        lexer.feed(pending[...]) { kind, text in span(kind, text, into: &output) }
        self.lexer = lexer
        pending.removeAll(keepingCapacity: true)
    }

    /// Ends the block: what the lexer still holds, then the colour reset.
    mutating func finish(into output: inout [UInt8]) {
        flush(into: &output)
        if var lexer {
            lexer.finish { kind, text in span(kind, text, into: &output) }
            self.lexer = nil
        }
        if !colored.isEmpty {
            output += TextAttributes().sequence
            colored = ""
        }
    }

    private mutating func span(_ kind: CodeTokenKind, _ text: Substring, into output: inout [UInt8]) {
        let parameters = Self.parameters(kind)
        if parameters != colored {
            output += Array("\u{1B}[0\(parameters)m".utf8)
            colored = parameters
        }
        for scalar in text.unicodeScalars { put(scalar, into: &output) }
    }

    private mutating func put(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
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

    private static func parameters(_ kind: CodeTokenKind) -> String {
        switch kind {
        case .keyword: ";35"
        case .type: ";33"
        case .string, .added: ";32"
        case .comment: ";2"
        case .number: ";36"
        case .attribute: ";34"
        case .removed: ";31"
        case .heading: ";1"
        case .plain, .punctuation: ""
        }
    }
}
