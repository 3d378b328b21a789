import CodeHighlighting
import TestSupport
import Testing

/// The two promises: the spans give back the text exactly, and the pieces a block arrives in do not matter.
@Suite("CodeLexer: exact text and split invariance")
struct CodeLexerInvarianceTests {
    static let snippets = Snippets.all.map { Snippet(language: $0.language, text: $0.text) }

    struct Snippet: CustomTestStringConvertible, Sendable {
        let language: String
        let text: String
        var testDescription: String { "\(language): \(text.prefix(24).debugDescription)" }
    }

    @Test("the spans concatenate to the input, fed whole", arguments: snippets)
    func exactText(_ snippet: Snippet) throws {
        let lexed = try LexedBlock(snippet.language, snippet.text)
        #expect(Array(lexed.text.utf8) == Array(snippet.text.utf8))
    }

    @Test("one scalar at a time gives the same spans as whole", arguments: snippets)
    func scalarByScalar(_ snippet: Snippet) throws {
        let whole = try LexedBlock(snippet.language, snippet.text)
        let split = try LexedBlock(snippet.language, Pieces.scalars(snippet.text))
        #expect(split.spans == whole.spans)
    }

    @Test("seeded random pieces of 1–8 bytes give the same spans as whole", arguments: snippets)
    func randomPieces(_ snippet: Snippet) throws {
        let whole = try LexedBlock(snippet.language, snippet.text)
        for seed in UInt64(1)...20 {
            let split = try LexedBlock(snippet.language, Pieces.random(snippet.text, seed: seed))
            #expect(split.spans == whole.spans, "seed \(seed)")
        }
    }

    @Test("a cut at every position gives the same spans as whole", arguments: snippets)
    func everyCut(_ snippet: Snippet) throws {
        let whole = try LexedBlock(snippet.language, snippet.text)
        for offset in 0...snippet.text.unicodeScalars.count {
            let split = try LexedBlock(snippet.language, Pieces.cut(snippet.text, atScalar: offset))
            #expect(split.spans == whole.spans, "cut at \(offset)")
        }
    }

    @Test(
        "random text made of delimiters gives the same spans whatever the split",
        arguments: CodeLanguage.allCases
    )
    func randomDelimiters(_ language: CodeLanguage) throws {
        let alphabet = Array("\"\"\"''``##//**--++<<>>!![]{}()$@:\\\\ \n\n\ta_r_b_x0.9eé")
        var generator = SeededGenerator(seed: 7)
        let name = try #require(CodeLanguage.names[language]?.first)
        for round in 0..<200 {
            let length = Int.random(in: 1...60, using: &generator)
            let text = String((0..<length).map { _ in generator.pick(alphabet) })
            let whole = try LexedBlock(name, text)
            #expect(Array(whole.text.utf8) == Array(text.utf8), "round \(round): \(text.debugDescription)")
            let scalars = try LexedBlock(name, Pieces.scalars(text))
            #expect(scalars.spans == whole.spans, "round \(round): \(text.debugDescription)")
            let random = try LexedBlock(name, Pieces.random(text, seed: UInt64(round)))
            #expect(random.spans == whole.spans, "round \(round): \(text.debugDescription)")
        }
    }

    @Test("a lexer is ready for a new block after finish")
    func reusedAfterFinish() throws {
        var lexer = try #require(CodeLexer(language: "swift"))
        var spans: [(CodeTokenKind, String)] = []
        lexer.feed("let s = \"open", emit: { _, _ in })
        lexer.finish(emit: { _, _ in })
        lexer.feed("let x", emit: { spans.append(($0, String($1))) })
        lexer.finish(emit: { spans.append(($0, String($1))) })
        #expect(spans.map(\.0) == [.keyword, .plain, .plain])
        #expect(spans.map(\.1).joined() == "let x")
    }
}

@Suite("CodeLexer: choosing a language")
struct CodeLanguageTests {
    @Test(
        "info-string names and aliases, in any case",
        arguments: [
            ("swift", CodeLanguage.swift), ("py", .python), ("Python3", .python), ("js", .javaScript),
            ("TSX", .javaScript), ("mjs", .javaScript), ("typescript", .javaScript), ("rs", .rust),
            ("golang", .go), ("c++", .c), ("hpp", .c), ("cxx", .c), ("h", .c), ("java", .java), ("zsh", .shell),
            ("shell", .shell), ("jsonc", .json), ("yml", .yaml), ("SQL", .sql), ("svg", .markup), ("xml", .markup),
            ("patch", .diff), ("CSS", .css), ("python title=\"a.py\"", .python), ("{.rust}", .rust),
            ("language-go", .go), ("LANGUAGE-Go", .go), (" {.Language-yaml} ", .yaml), ("\trust,x", .rust),
        ]
    )
    func aliases(name: String, language: CodeLanguage) throws {
        let lexer = try #require(CodeLexer(language: name))
        #expect(lexer.language == language)
    }

    @Test(
        "unknown languages have no lexer",
        arguments: ["", "brainfuck", "console", "text", "plaintext", "kotlin", "language\rgo", "languagexgo", "ṡwift"]
    )
    func unknown(name: String) {
        #expect(CodeLexer(language: name) == nil)
    }

    @Test("an info string is read by byte exactly as by character (first word, decorations dropped, case ignored)")
    func byteReading() {
        /// The reading by character, lowercased by Unicode's rules.
        func reference(_ info: String) -> CodeLanguage? {
            var name = Substring(info.lowercased()).drop(while: { $0 == " " || $0 == "\t" || $0 == "{" })
            name = name.prefix(while: { $0 != " " && $0 != "\t" && $0 != "{" && $0 != "}" && $0 != "," })
            if name.hasPrefix(".") { name = name.dropFirst() }
            if name.hasPrefix("language-") { name = name.dropFirst("language-".count) }
            return CodeLanguage.allCases.first { CodeLanguage.names[$0]?.contains(String(name)) == true }
        }
        let pieces = [
            "py", "Swift", "GO", "language-", "Language-", ".", "{", "}", ",", " ", "\t", "\r", "x", "-", "c++",
        ]
        var generator = SeededGenerator(seed: 0x1AF0)
        var named = 0
        for _ in 0..<5000 {
            let info = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let language = CodeLexer(language: info)?.language
            #expect(language == reference(info), "\(info.debugDescription)")
            if language != nil { named += 1 }
        }
        #expect(named > 500)
    }
}
