/// Colours a fenced code block while it streams in: text in, classified spans out, as early as possible.
///
/// ```
///  feed:   | let s = "a // | b"  // n|ote⏎ |
///  emits:    let␠ s␠=␠ "a␠//␠  b"  ␠␠ //␠n ote ⏎
///            ╰kw╯ ╰plain╯╰─string──╯   ╰─comment─╯ ╰plain
///            `let` waits for the byte after it (a keyword or `letter`?); everything else goes out at once.
/// ```
///
/// `feed` accepts the block in pieces of any size, split anywhere (mid-identifier, between `/` and `/`, inside an
/// escape); `finish` ends the block. Line ends are part of the text, and state carries over them: block comments,
/// multi-line strings (Python and Swift `"""`, JavaScript template literals, Go raw strings, Rust strings and raw
/// strings) continue on the next line; line comments, shell comments and diff lines end at the line end (the line
/// end itself is `.plain`).
///
/// Two promises:
/// - **Exact text**: the spans' texts, concatenated, are the fed text byte for byte.
/// - **Split invariance**: however the block is cut into pieces, the spans (with neighbours of one kind merged)
///   are the same.
///
/// Every byte goes out when it arrives, except for these holds, each released as soon as the byte that decides it
/// arrives (or at `finish`):
/// | Hold | Bound | Decided by the next byte |
/// |---|---|---|
/// | the identifier being typed | the language's longest keyword, type or string prefix (≤ 18 bytes) | keyword, type, plain, or a prefix (`f"`, `r#"`) |
/// | `/` | 1 byte | `//` or `/*` comment, or an operator |
/// | `-` (SQL) | 1 byte | `--` comment, or an operator |
/// | `.` after a number's digits | 1 byte | `1.5` or `1..2`, `1.max()` |
/// | Swift `#`s, Rust `r#`s | 16 `#`s | raw string `#"…"#`, or `#if`, `r#type` |
/// | Rust `'` and one letter | 2 bytes | character `'a'` or lifetime `'a` |
/// | HTML `<`, `<!`, `<!-` | 3 bytes | tag, `<!--` comment, `<!DOCTYPE`, or text |
/// | a YAML word at a value's start, then `:` | 64 bytes + 1 | key `name:`, keyword `true`, or plain text |
/// | diff `+`, `++`, `-`, `--` at a line start | 2 bytes | `+++`/`---` header, or an added/removed line |
///
/// Strings never hold: a backslash escape, `"` before `""`, and a raw string's closing `"#` are string either way.
package struct CodeLexer: Sendable {
    /// The language being coloured.
    package let language: CodeLanguage
    private var engine: Engine
    /// Bytes on hold from earlier pieces (at most one hold's worth, see above).
    private var carried = ""

    private enum Engine: Sendable {
        case cLike(CLikeLexer)
        case markup(MarkupLexer)
        case yaml(YAMLLexer)
        case diff(DiffLexer)
    }

    /// A lexer for the language a code block's info string names, or `nil` for a language it does not know
    /// (the block is then shown plain).
    /// - Parameter language: The info string, or its first word (`"py"`, `"TypeScript"`, `"c++"`).
    package init?(language: String) {
        guard let language = CodeLanguage(infoString: language) else { return nil }
        self.init(language)
    }

    /// A lexer for `language`.
    package init(_ language: CodeLanguage) {
        self.language = language
        engine =
            switch language {
            case .swift: .cLike(CLikeLexer(syntax: .swift))
            case .python: .cLike(CLikeLexer(syntax: .python))
            case .javaScript: .cLike(CLikeLexer(syntax: .javaScript))
            case .rust: .cLike(CLikeLexer(syntax: .rust))
            case .go: .cLike(CLikeLexer(syntax: .go))
            case .c: .cLike(CLikeLexer(syntax: .c))
            case .java: .cLike(CLikeLexer(syntax: .java))
            case .shell: .cLike(CLikeLexer(syntax: .shell))
            case .json: .cLike(CLikeLexer(syntax: .json))
            case .sql: .cLike(CLikeLexer(syntax: .sql))
            case .yaml: .yaml(YAMLLexer())
            case .markup: .markup(MarkupLexer())
            case .diff: .diff(DiffLexer())
            }
    }

    /// Lexes the next piece of the block.
    /// - Parameters:
    ///   - text: The next piece, of any length (whole characters, as any `Substring` is).
    ///   - emit: Called with each span that is decided, in order; adjacent spans may share a kind.
    package mutating func feed(_ text: Substring, emit: (CodeTokenKind, Substring) -> Void) {
        guard !text.isEmpty else { return }
        if text.utf8.withContiguousStorageIfAvailable({ _ in }) == nil {
            var copy = String(text)
            copy.makeContiguousUTF8()
            feed(copy[...], emit: emit)
            return
        }
        run(text, atEnd: false, emit: emit)
    }

    /// Ends the block: emits whatever is on hold, and readies the lexer for a new block.
    /// - Parameter emit: Called with each remaining span, in order.
    package mutating func finish(emit: (CodeTokenKind, Substring) -> Void) {
        run(""[...], atEnd: true, emit: emit)
    }

    private mutating func run(_ text: Substring, atEnd: Bool, emit: (CodeTokenKind, Substring) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var output = SpanOutput(text: text, carried: carried, emit: emit)
            carried = ""
            switch engine {
            case .cLike(var lexer):
                Self.drive(&lexer, text, atEnd: atEnd, &output)
                engine = .cLike(lexer)
            case .markup(var lexer):
                Self.drive(&lexer, text, atEnd: atEnd, &output)
                engine = .markup(lexer)
            case .yaml(var lexer):
                Self.drive(&lexer, text, atEnd: atEnd, &output)
                engine = .yaml(lexer)
            case .diff(var lexer):
                Self.drive(&lexer, text, atEnd: atEnd, &output)
                engine = .diff(lexer)
            }
            carried = output.finishPiece()
        }
    }

    private static func drive<Lexer: ByteLexer>(
        _ lexer: inout Lexer,
        _ text: Substring,
        atEnd: Bool,
        _ output: inout SpanOutput
    ) {
        if atEnd {
            lexer.scanEnd(into: &output)
        } else {
            _ = text.utf8.withContiguousStorageIfAvailable { lexer.scan($0, into: &output) }
        }
    }
}
