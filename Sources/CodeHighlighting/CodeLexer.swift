/// Colours a fenced code block while it streams in: text in, classified spans out, as early as possible.
///
/// ```
///  fed piece       spans emitted (Swift)
///  `le`            —            (held: `le` may become `let`, `length` or `lexer`)
///  `t s = "a /`    keyword `le`, `t` · plain ` `, `s ` · punctuation `=` · plain ` ` · string `"a /`
///  `/ b"  /`       string `/ b"` · plain `  `                      (held: `/` may start `//`, `/*`, `/=`)
///  `/ note⏎`       comment `/`, `/ note` · plain `⏎`
/// ```
///
/// `feed` takes the block in pieces of any size, split anywhere (inside an identifier, between `/` and `/`, inside
/// an escape); `finish` ends the block. Line ends are part of the text and state carries over them: block comments
/// and multi-line strings (Python and Swift `"""`, Java text blocks, JavaScript template literals, Go raw strings,
/// Rust strings and raw strings, shell and SQL quotes) go on over lines; line comments, shell comments and diff
/// lines end at the line end, which is `.plain` itself.
///
/// Two promises, both checked by the tests:
/// - **Exact text**: the spans' texts, concatenated, are the fed text byte for byte.
/// - **Split invariance**: however the block is cut into pieces, the spans are the same once neighbours of one kind
///   are merged (a span is never empty, but two neighbours may share a kind, as `le` and `t` above).
///
/// Every byte goes out in the `feed` that brings it, except for these holds; each ends at the byte that decides it
/// (or at `finish`), and nothing else is ever held back:
///
/// | Hold                                  | Bound         | What the next byte decides                       |
/// |---------------------------------------|---------------|--------------------------------------------------|
/// | the identifier being typed            | ≤ 17 bytes ¹  | keyword, type, plain; a prefix `f"`, `b'`, `r#"` |
/// | `/` (C-like languages)                | 1 byte        | `//` or `/*` comment, or an operator             |
/// | `-` (SQL)                             | 1 byte        | `--` comment, or an operator                     |
/// | `.` after a number's digits           | 1 byte        | `1.5`, or `1..2`, `1.max()`                      |
/// | Swift `#`s, Rust `r#`s and `br#`s     | 16 `#`s       | raw string `#"…"#`; or `#if`, `r#type`           |
/// | Rust `'` and one letter               | 2 bytes       | character `'a'`, or lifetime `'a`                |
/// | HTML `<`, `<!`, `<!-`                 | 3 bytes       | tag, `<!--`, `<![CDATA[`, `<!DOCTYPE`, or text   |
/// | `<`, `</`, … in `<script>`, `<style>` | 7 bytes       | end tag `</script`, or text (`i<n`)              |
/// | YAML word where a value starts, `:`   | 64 bytes, 1   | key `name: x`, keyword `true`, text `http://x`   |
/// | `:` inside a YAML plain scalar        | 1 byte        | `: ` separator, or text                          |
/// | diff `+`, `++`, `-`, `--` line start  | 2 bytes       | `+++`/`---` header, or an added/removed line     |
///
/// ¹ The language's longest keyword, type name or string prefix (SQL's `current_timestamp`); a longer identifier
/// cannot be a keyword, so from there on it streams as plain (or as a type, when capitalised names are types).
///
/// Strings never hold: a backslash escape, the `"` that may begin `"""`, and the quote that may begin a raw string's
/// closing `"#` all are string whatever follows.
package struct CodeLexer: Sendable {
    /// The language being coloured.
    package private(set) var language: CodeLanguage
    /// Bytes on hold from earlier pieces (at most one hold's worth, see above).
    private var carried: [UInt8] = []
    /// The storage the next piece's held bytes are written to (swapped with `carried` after each piece).
    private var spareCarried: [UInt8] = []
    /// The storage `SpanOutput` records a piece's spans in, kept to be reused.
    private var spanStorage: [SpanOutput.Span] = []
    // One lexer per family, only the language's own one used: stored side by side rather than in an enum so that
    // `feed` mutates it in place instead of copying it out and back.
    private var cLike: CLikeLexer
    private var markup = MarkupLexer()
    private var yaml = YAMLLexer()
    private var diff = DiffLexer()
    /// Whether nothing was lexed since the lexer was made or restarted (a restart in its language then changes
    /// nothing: a block's end restarts it, and so does the next block's start).
    private var isFresh = true

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
        cLike = CLikeLexer(syntax: Self.syntax(of: language))
    }

    /// Readies the lexer for a new block in `language`, whatever it held: the same as a new `CodeLexer(language)`,
    /// but the storage of its buffers (held bytes, spans) is kept.
    package mutating func restart(_ language: CodeLanguage) {
        if isFresh, language == self.language { return }
        isFresh = true
        self.language = language
        // Only the language's own lexer is read from now on (`lex`), so only it is made new; restarting in another
        // language makes that one's new.
        switch language {
        case .markup: markup = MarkupLexer()
        case .yaml: yaml = YAMLLexer()
        case .diff: diff = DiffLexer()
        default: cLike = CLikeLexer(syntax: Self.syntax(of: language))
        }
        if !carried.isEmpty { carried.removeAll(keepingCapacity: true) }
    }

    /// The C-like syntax a language is lexed with (JSON's for the languages with a lexer of their own).
    private static func syntax(of language: CodeLanguage) -> CLikeSyntax.Shared {
        switch language {
        case .swift: SharedSyntax.swift
        case .python: SharedSyntax.python
        case .javaScript: SharedSyntax.javaScript
        case .rust: SharedSyntax.rust
        case .go: SharedSyntax.go
        case .c: SharedSyntax.c
        case .java: SharedSyntax.java
        case .shell: SharedSyntax.shell
        case .sql: SharedSyntax.sql
        case .css: SharedSyntax.css
        case .json, .yaml, .markup, .diff: SharedSyntax.json
        }
    }

    /// Each C-like syntax, held by reference.
    private enum SharedSyntax {
        static let swift = CLikeSyntax.Shared(.swift)
        static let python = CLikeSyntax.Shared(.python)
        static let javaScript = CLikeSyntax.Shared(.javaScript)
        static let rust = CLikeSyntax.Shared(.rust)
        static let go = CLikeSyntax.Shared(.go)
        static let c = CLikeSyntax.Shared(.c)
        static let java = CLikeSyntax.Shared(.java)
        static let shell = CLikeSyntax.Shared(.shell)
        static let sql = CLikeSyntax.Shared(.sql)
        static let css = CLikeSyntax.Shared(.css)
        static let json = CLikeSyntax.Shared(.json)
    }

    /// Lexes the next piece of the block.
    /// - Parameters:
    ///   - text: The next piece, of any length (whole characters, as any `Substring` is).
    ///   - emit: Called with each span that is decided, in order; adjacent spans may share a kind.
    package mutating func feed(_ text: Substring, emit: (CodeTokenKind, Substring) -> Void) {
        guard !text.isEmpty else { return }
        run(text, atEnd: false, emit: emit)
    }

    /// Lexes the next piece of the block given as UTF-8, and emits the spans as UTF-8: the same spans as
    /// `feed(_:emit:)`. ASCII (the common case of code) is lexed and emitted straight from the bytes, with no
    /// `Substring` per span; anything else goes through `feed(_:emit:)`.
    /// - Parameters:
    ///   - bytes: The next piece (valid UTF-8, whole characters).
    ///   - looks: When given, neighbouring spans of the piece that look alike may be emitted as one (with the
    ///     first one's kind); the spans are then the same once neighbours of one look are merged.
    ///   - emit: Called with the bytes of each span that is decided, in order (lent for the call).
    package mutating func feed(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        joining looks: CodeTokenKind.Looks? = nil,
        emit: (CodeTokenKind, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard !bytes.isEmpty else { return }
        guard Self.isASCII(bytes), carried.withUnsafeBufferPointer(Self.isASCII) else {
            feed(Substring(String(decoding: bytes, as: UTF8.self))) { kind, text in
                var text = text
                text.withUTF8 { emit(kind, $0) }
            }
            return
        }
        lexASCII(bytes, atEnd: false, joining: looks, emit: emit)
    }

    /// Ends the block: emits whatever is on hold, and readies the lexer for a new block; the same spans as
    /// `finish(emit:)`, as UTF-8 (straight from the held bytes when they are ASCII).
    /// - Parameter emit: Called with the bytes of each remaining span, in order (lent for the call).
    package mutating func finish(utf8 emit: (CodeTokenKind, UnsafeBufferPointer<UInt8>) -> Void) {
        guard !carried.isEmpty else {
            // Nothing on hold, so nothing to emit (spans are of held bytes only): readied at once.
            restart(language)
            return
        }
        guard carried.withUnsafeBufferPointer(Self.isASCII) else {
            finish { kind, text in
                var text = text
                text.withUTF8 { emit(kind, $0) }
            }
            return
        }
        lexASCII(UnsafeBufferPointer(start: nil, count: 0), atEnd: true, joining: nil, emit: emit)
    }

    /// Lexes an ASCII piece after ASCII held bytes (or, at the end, resolves the holds) and emits the spans as
    /// ranges of those bytes: every span boundary is a character boundary.
    private mutating func lexASCII(
        _ bytes: UnsafeBufferPointer<UInt8>,
        atEnd: Bool,
        joining looks: CodeTokenKind.Looks?,
        emit: (CodeTokenKind, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        if carried.isEmpty {
            // Nothing held (mostly): every span is of `bytes`, one after another, and no storage changes hands.
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            let (spans, count) = lex(bytes, carried: empty, atEnd: atEnd, joining: looks)
            spans.withUnsafeBufferPointer { spans in
                for span in spans[..<count] {
                    emit(span.kind, UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
                }
            }
            spanStorage = spans
            return
        }
        let earlier = takeCarried()
        earlier.withUnsafeBufferPointer { earlier in
            let (spans, count) = lex(bytes, carried: earlier, atEnd: atEnd, joining: looks)
            for span in spans[..<count] {
                let source = span.isCarried ? earlier : bytes
                emit(span.kind, UnsafeBufferPointer(rebasing: source[span.start..<span.end]))
            }
            spanStorage = spans
        }
        spareCarried = earlier
    }

    /// Ends the block: emits whatever is on hold, and readies the lexer for a new block.
    /// - Parameter emit: Called with each remaining span, in order.
    package mutating func finish(emit: (CodeTokenKind, Substring) -> Void) {
        run("", atEnd: true, emit: emit)
    }

    /// Lexes `text` (or, at the end, resolves the holds) and emits the spans.
    private mutating func run(_ text: Substring, atEnd: Bool, emit: (CodeTokenKind, Substring) -> Void) {
        let earlier = takeCarried()
        var contiguous = text
        earlier.withUnsafeBufferPointer { earlier in
            let (spans, count) = contiguous.withUTF8 { lex($0, carried: earlier, atEnd: atEnd, joining: nil) }
            Self.emit(spans[..<count], of: text, carried: earlier, to: emit)
            spanStorage = spans
        }
        spareCarried = earlier
    }

    /// Moves the bytes carried from earlier pieces out (for the piece to read them while the next piece's held
    /// bytes are written to the spare storage); give the array back to `spareCarried` once the spans are emitted.
    private mutating func takeCarried() -> [UInt8] {
        var earlier: [UInt8] = []
        swap(&earlier, &carried)
        swap(&carried, &spareCarried)
        return earlier
    }

    /// Whether every byte is ASCII: their bits or-ed together, with no exit per byte (a loop the compiler vectorises;
    /// code is almost always ASCII).
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var bits: UInt8 = 0
        for byte in bytes { bits |= byte }
        return bits < 0x80
    }

    /// Runs the language's lexer over `bytes` (or, at the end, resolves the holds): the spans recorded, in the
    /// storage kept for them (give it back to `spanStorage` once emitted), and how many there are, neighbours of one
    /// look joined. Writes the bytes still on hold to `carried`.
    private mutating func lex(
        _ bytes: UnsafeBufferPointer<UInt8>,
        carried earlier: UnsafeBufferPointer<UInt8>,
        atEnd: Bool,
        joining looks: CodeTokenKind.Looks?
    ) -> ([SpanOutput.Span], Int) {
        isFresh = false
        var spans: [SpanOutput.Span] = []
        swap(&spans, &spanStorage)
        var output = SpanOutput(bytes: bytes, carried: earlier, joining: looks, spans: &spans)
        switch language {
        case .markup: Self.drive(&markup, bytes, atEnd: atEnd, &output)
        case .yaml: Self.drive(&yaml, bytes, atEnd: atEnd, &output)
        case .diff: Self.drive(&diff, bytes, atEnd: atEnd, &output)
        default: Self.drive(&cLike, bytes, atEnd: atEnd, &output)
        }
        output.finishPiece(holding: &carried)
        return output.takeSpans()
    }

    /// Turns recorded spans into `Substring`s of the piece (or of the bytes carried into it) and emits them.
    private static func emit(
        _ spans: ArraySlice<SpanOutput.Span>,
        of text: Substring,
        carried: UnsafeBufferPointer<UInt8>,
        to emit: (CodeTokenKind, Substring) -> Void
    ) {
        if spans.count == 1, let span = spans.first, !span.isCarried, span.start == 0, span.end == text.utf8.count {
            emit(span.kind, text)
            return
        }
        var index = text.startIndex
        var offset = 0
        for span in spans {
            if span.isCarried {
                emit(span.kind, Substring(String(decoding: carried[span.start..<span.end], as: UTF8.self)))
                continue
            }
            if span.start != offset { index = text.utf8.index(index, offsetBy: span.start - offset) }
            let end = text.utf8.index(index, offsetBy: span.end - span.start)
            emit(span.kind, text[index..<end])
            index = end
            offset = span.end
        }
    }

    private static func drive<Lexer: ByteLexer>(
        _ lexer: inout Lexer,
        _ bytes: UnsafeBufferPointer<UInt8>,
        atEnd: Bool,
        _ output: inout SpanOutput
    ) {
        if atEnd {
            lexer.scanEnd(into: &output)
        } else {
            lexer.scan(bytes, into: &output)
        }
    }
}
