import CodeHighlighting
import Testing

/// The interesting parts of realistic Python, JavaScript/TypeScript, shell and SQL blocks.
@Suite("CodeLexer: Python, JavaScript/TypeScript, shell, SQL")
struct ScriptingLanguageTests {
    @Test("Python: docstrings across lines, string prefixes, decorators, comments with quotes")
    func python() throws {
        let block = try LexedBlock("py", Snippets.python)
        #expect(block.kind(of: "@dataclass") == .attribute)
        #expect(block.kind(of: "class") == .keyword)
        #expect(block.kind(of: "Config") == .type)
        let docstring = "\"\"\"Settings.\n\n    A \"docstring\" with # no comment inside.\n    \"\"\""
        #expect(block.kind(of: docstring) == .string)
        #expect(block.kind(of: "str") == .type)
        #expect(block.kind(of: "'it\\'s'") == .string)
        #expect(block.kind(of: "# a comment with \"quotes\"") == .comment)
        #expect(block.kind(of: "0x1F") == .number)
        #expect(block.kind(of: "1_000.5e-3") == .number)
        #expect(block.kind(of: "def") == .keyword)
        #expect(block.kind(of: "format") == .plain)
        #expect(block.kind(of: "for_each") == .plain)
        #expect(block.kind(of: "None") == .keyword)
        #expect(block.kind(of: "r\"C:\\new\"") == .string)
        #expect(block.kind(of: "f\"{self.name!r}: {len(path)}\"") == .string)
        #expect(block.kind(of: "b''") == .string)
    }

    @Test("Python: a triple-quoted string is not closed by one or two quotes")
    func pythonTripleQuotes() throws {
        let block = try LexedBlock("python", "s = '''a '' b ' c'''\nx = \"\" if y else \"\"\"q\"\"\"")
        #expect(block.kind(of: "'''a '' b ' c'''") == .string)
        #expect(block.kind(of: "x") == .plain)
        #expect(block.kind(of: "\"\"") == .string)
        #expect(block.kind(of: "if") == .keyword)
        #expect(block.kind(of: "\"\"\"q\"\"\"") == .string)
    }

    @Test("JavaScript/TypeScript: template literals across lines, comment markers in strings, types")
    func javaScript() throws {
        let block = try LexedBlock("ts", Snippets.javaScript)
        #expect(block.kind(of: "import") == .keyword)
        #expect(block.kind(of: "format") == .plain)
        #expect(block.kind(of: "\"date-fns\"") == .string)
        #expect(block.kind(of: "// Renders a `Row`; \"quotes\" here are comment") == .comment)
        #expect(block.kind(of: "async") == .keyword)
        #expect(block.kind(of: "Row", occurrence: 2) == .type)
        #expect(block.kind(of: "string") == .type)
        #expect(block.kind(of: "'https://example.com/a//b'") == .string)
        #expect(block.kind(of: "/* multi-line\n     comment */") == .comment)
        #expect(block.kind(of: "1.5e3") == .number)
        #expect(block.kind(of: "0x10n") == .number)
        let template = "`Total: ${format(total, \"%d\")} for ${rows.length} rows\nsecond line`"
        #expect(block.kind(of: template) == .string)
    }

    @Test("shell: comments only at a word start, quoting, variables, whole-word keywords")
    func shell() throws {
        let block = try LexedBlock("bash", Snippets.shell)
        #expect(block.kind(of: "#!/usr/bin/env bash") == .comment)
        #expect(block.kind(of: "set") == .keyword)
        #expect(block.kind(of: "# Build it: \"quoted\" words don't end this comment") == .comment)
        #expect(block.kind(of: "for") == .keyword)
        #expect(block.kind(of: "in") == .keyword)
        #expect(block.kind(of: "do") == .keyword)
        #expect(block.kind(of: "\"Formatting $file # not a comment\"") == .string)
        #expect(block.kind(of: "'it''s'") == .string)
        #expect(block.kind(of: "${#files[@]}") == .attribute)
        #expect(block.kind(of: "swift-format --in-place") == .plain)
        #expect(block.kind(of: "# trailing comment") == .comment)
        #expect(block.kind(of: "done") == .keyword)
        #expect(block.kind(of: "'multi\nline'") == .string)
        #expect(block.kind(of: "fi") == .keyword)
    }

    @Test("SQL: case-insensitive keywords, `--` comments, doubled quotes, types")
    func sql() throws {
        let block = try LexedBlock("sql", Snippets.sql)
        #expect(block.kind(of: "-- Active users; \"quotes\" don't matter here") == .comment)
        #expect(block.kind(of: "SELECT") == .keyword)
        #expect(block.kind(of: "\"Display Name\"") == .string)
        #expect(block.kind(of: "LEFT") == .keyword)
        #expect(block.kind(of: "JOIN") == .keyword)
        #expect(block.kind(of: "'it''s -- not a comment'") == .string)
        #expect(block.kind(of: "/* multi-line\n     comment */") == .comment)
        #expect(block.kind(of: "10.5") == .number)
        #expect(block.kind(of: "DESC") == .keyword)
        #expect(block.kind(of: "INTEGER") == .type)
        #expect(block.kind(of: "varchar") == .type)
        #expect(block.kind(of: "user_id") == .plain)
        #expect(block.kind(of: ">=") == .punctuation)
    }
}
