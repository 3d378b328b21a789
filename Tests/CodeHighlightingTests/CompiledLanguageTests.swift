import CodeHighlighting
import Testing

/// The interesting parts of realistic Swift, Rust, Go, C and Java blocks.
@Suite("CodeLexer: Swift, Rust, Go, C/C++, Java")
struct CompiledLanguageTests {
    @Test("Swift: the exact spans of one line, fed whole and one scalar at a time")
    func exactSpans() throws {
        let line = "let format = \"a // b\" // for 0x1F\n"
        let expected: [LexedBlock.Span] = [
            .init(kind: .keyword, text: "let"), .init(kind: .plain, text: " format "),
            .init(kind: .punctuation, text: "="), .init(kind: .plain, text: " "),
            .init(kind: .string, text: "\"a // b\""), .init(kind: .plain, text: " "),
            .init(kind: .comment, text: "// for 0x1F"), .init(kind: .plain, text: "\n"),
        ]
        #expect(try LexedBlock("swift", line).spans == expected)
        #expect(try LexedBlock("swift", Pieces.scalars(line)).spans == expected)
    }

    @Test("Swift: keywords, attributes, raw and multi-line strings, nested comments, numbers")
    func swift() throws {
        let block = try LexedBlock("swift", Snippets.swift)
        #expect(block.kind(of: "@preconcurrency") == .attribute)
        #expect(block.kind(of: "import") == .keyword)
        #expect(block.kind(of: "Foundation") == .type)
        #expect(block.kind(of: "/// Formats a `Price`. // not a second comment") == .comment)
        #expect(block.kind(of: "@MainActor") == .attribute)
        #expect(block.kind(of: "struct") == .keyword)
        #expect(block.kind(of: "1_299.50") == .number)
        #expect(block.kind(of: "format") == .plain)
        #expect(block.kind(of: "\"%.2f // not a comment\"") == .string)
        #expect(block.kind(of: "/* block\n       comment with \"quotes\" /* nested */ still comment */") == .comment)
        #expect(block.kind(of: "for") == .keyword)
        #expect(block.kind(of: "0xFF_FF") == .number)
        #expect(block.kind(of: ##"#"C:\path "quoted""#"##) == .string)
        #expect(block.kind(of: "\"\"\"\n            multi \"line\" \\(amount)\n            \"\"\"") == .string)
        #expect(block.kind(of: "#if") == .attribute)
        #expect(block.kind(of: "\"\\(format) for \\(locale)\"") == .string)
        #expect(block.kind(of: "1...3") == nil)
        #expect(block.kind(of: "...") == .punctuation)
        #expect(block.kind(of: "1e-3") == .number)
        #expect(block.kind(of: "return") == .keyword)
    }

    @Test("Swift: a raw string's delimiter, and `#` before a name")
    func swiftHashes() throws {
        let block = try LexedBlock("swift", ###"let s = ##"a"# "##; #warning("x")"###)
        #expect(block.kind(of: ###"##"a"# "##"###) == .string)
        #expect(block.kind(of: "#warning") == .attribute)
        #expect(block.kind(of: "\"x\"") == .string)
    }

    @Test("Rust: lifetimes versus characters, raw and byte strings, attributes, suffixed numbers")
    func rust() throws {
        let block = try LexedBlock("rust", Snippets.rust)
        #expect(block.kind(of: "#[derive(Debug, Clone)]") == .attribute)
        #expect(block.kind(of: "'a") == .keyword)
        #expect(block.kind(of: "usize") == .type)
        #expect(block.kind(of: "'\"'") == .string)
        #expect(block.kind(of: "'\\n'") == .string)
        #expect(block.kind(of: ##"r#"a "raw" string"#"##) == .string)
        #expect(block.kind(of: "b\"bytes\\x00\"") == .string)
        #expect(block.kind(of: "1_000_000u64") == .number)
        #expect(block.kind(of: "0xFFu64") == .number)
        #expect(block.kind(of: "/* outer /* inner */ still comment */") == .comment)
        #expect(block.kind(of: "\"multi\nline\"") == .string)
        #expect(block.kind(of: "for") == .keyword)
        #expect(block.kind(of: "r#type") == .plain)
        #expect(block.kind(of: "0") == .number)
        #expect(block.kind(of: "..") == .punctuation)
        #expect(block.kind(of: "format") == .plain)
        #expect(block.kind(of: "Option") == .type)
    }

    @Test("Go: raw strings across lines, runes, builtin types")
    func go() throws {
        let block = try LexedBlock("go", Snippets.go)
        #expect(block.kind(of: "package") == .keyword)
        #expect(block.kind(of: "\"fmt\"") == .string)
        #expect(block.kind(of: "// Greet says hi; \"quoted\" in a comment") == .comment)
        #expect(block.kind(of: "string") == .type)
        #expect(block.kind(of: "error") == .type)
        #expect(block.kind(of: "`raw \\n string\nspanning lines`") == .string)
        #expect(block.kind(of: "'x'") == .string)
        #expect(block.kind(of: "3.14e-2") == .number)
        #expect(block.kind(of: "0x10") == .number)
        #expect(block.kind(of: "\"%s // %d\\n\"") == .string)
        #expect(block.kind(of: "Printf") == .plain)
        #expect(block.kind(of: "nil") == .keyword)
    }

    @Test("C/C++: directives, comments with quotes, character escapes, digit separators")
    func c() throws {
        let block = try LexedBlock("c++", Snippets.c)
        #expect(block.kind(of: "#include") == .attribute)
        #expect(block.kind(of: "\"config.h\"") == .string)
        #expect(block.kind(of: "/* Computes the sum.\n   \"quotes\" inside a comment */") == .comment)
        #expect(block.kind(of: "static") == .keyword)
        #expect(block.kind(of: "size_t") == .type)
        #expect(block.kind(of: "// running total, don't overflow") == .comment)
        #expect(block.kind(of: "for") == .keyword)
        #expect(block.kind(of: "format") == .plain)
        #expect(block.kind(of: "\"%d items // not a comment\\n\"") == .string)
        #expect(block.kind(of: "'\\''") == .string)
        #expect(block.kind(of: "0xFFFFul") == .number)
        #expect(block.kind(of: "1'000.5e+2") == .number)
        #expect(block.kind(of: "nullptr") == .keyword)
    }

    @Test("Java: text blocks, annotations, doc comments, literals")
    func java() throws {
        let block = try LexedBlock("java", Snippets.java)
        #expect(block.kind(of: "/** Formats {@code \"values\"}. */") == .comment)
        #expect(block.kind(of: "@FunctionalInterface") == .attribute)
        #expect(block.kind(of: "interface") == .keyword)
        #expect(block.kind(of: "String") == .type)
        #expect(block.kind(of: "format") == .plain)
        #expect(block.kind(of: "\"\"\"\n            Values: \"%s\"\n            \"\"\"") == .string)
        #expect(block.kind(of: "','") == .string)
        #expect(block.kind(of: "10_000L") == .number)
        #expect(block.kind(of: "int") == .type)
        #expect(block.kind(of: "for") == .keyword)
        #expect(block.kind(of: "0.5f") == .number)
    }
}
