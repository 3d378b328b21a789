import CodeHighlighting
import Testing

/// The interesting parts of realistic JSON, YAML, HTML, CSS and diff blocks.
@Suite("CodeLexer: JSON, YAML, HTML/XML, CSS, diff")
struct MarkupAndDataTests {
    @Test("JSON: keys versus values, comments, numbers, literals")
    func json() throws {
        let block = try LexedBlock("json", Snippets.json)
        #expect(block.kind(of: "\"name\"") == .attribute)
        #expect(block.kind(of: "\"ssechat\"") == .string)
        #expect(block.kind(of: "2") == .number)
        #expect(block.kind(of: "1.5e+3") == .number)
        #expect(block.kind(of: "// jsonc comment with \"quotes\"") == .comment)
        #expect(block.kind(of: "\"cli\"") == .string)
        #expect(block.kind(of: "\"nested\"") == .attribute)
        #expect(block.kind(of: "\"enabled\"") == .attribute)
        #expect(block.kind(of: "true") == .keyword)
        #expect(block.kind(of: "\"http://x/*y*/\"") == .string)
        #expect(block.kind(of: "null") == .keyword)
    }

    @Test("YAML: keys, scalars, quoting, anchors, tags, comments")
    func yaml() throws {
        let block = try LexedBlock("yaml", Snippets.yaml)
        #expect(block.kind(of: "# Deployment settings") == .comment)
        #expect(block.kind(of: "name") == .attribute)
        #expect(block.kind(of: "web") == .plain)
        #expect(block.kind(of: "1.2") == .number)
        #expect(block.kind(of: "false") == .keyword)
        #expect(block.kind(of: "\"nginx:1.25\"") == .string)
        #expect(block.kind(of: "# pinned") == .comment)
        #expect(block.kind(of: "http://example.com/path") == .plain)
        #expect(block.kind(of: "'run'") == .string)
        #expect(block.kind(of: "'it''s'") == .string)
        #expect(block.kind(of: "&defaults") == .attribute)
        #expect(block.kind(of: "*defaults") == .attribute)
        #expect(block.kind(of: "retries") == .attribute)
        #expect(block.kind(of: "it's fine") == .plain)
        #expect(block.kind(of: "!!str") == .type)
        #expect(block.kind(of: "123") == .number)
    }

    @Test("HTML: tags, attributes and values, comments across lines, text with `<`, CDATA, script contents")
    func html() throws {
        let block = try LexedBlock("html", Snippets.html)
        #expect(block.kind(of: "DOCTYPE") == .keyword)
        #expect(block.kind(of: "html", occurrence: 2) == .keyword)
        #expect(block.kind(of: "lang") == .attribute)
        #expect(block.kind(of: "\"en\"") == .string)
        #expect(block.kind(of: "<!-- a comment with <b>tags</b>\n     over two lines -->") == .comment)
        #expect(block.kind(of: "class") == .attribute)
        #expect(block.kind(of: "main") == .string)
        #expect(block.kind(of: "'1'") == .string)
        #expect(block.kind(of: "p") == .keyword)
        #expect(block.kind(of: "Fish &amp; chips: 3 < 4 and \"quotes\" are text") == .plain)
        #expect(block.kind(of: "\"a > b\"") == .string)
        #expect(block.kind(of: "/>") == .punctuation)
        #expect(block.kind(of: "<![CDATA[ raw <stuff> ]]>") == .string)
        #expect(block.kind(of: "script") == .keyword)
        #expect(block.kind(of: "for (let i = 0; i<n; i++) { if (a<b) out = \"</div>\"; }") == .plain)
        #expect(block.kind(of: "SCRIPT") == .keyword)
        #expect(block.kind(of: "p > a { color: red }") == .plain)
    }

    @Test("CSS: comments, at-rules, ids and colours, numbers with units, strings")
    func css() throws {
        let block = try LexedBlock("css", Snippets.css)
        #expect(block.kind(of: "/* Layout: \"quotes\" in a comment */") == .comment)
        #expect(block.kind(of: "@media") == .attribute)
        #expect(block.kind(of: "600px") == .number)
        #expect(block.kind(of: "#main") == .attribute)
        #expect(block.kind(of: "font-size") == .plain)
        #expect(block.kind(of: "1.5em") == .number)
        #expect(block.kind(of: "important") == .keyword)
        #expect(block.kind(of: "#fff") == .attribute)
        #expect(block.kind(of: "\"/* not a comment */\"") == .string)
        #expect(block.kind(of: "auto") == .keyword)
    }

    @Test("diff: headers, hunks, added, removed and context lines")
    func diff() throws {
        let block = try LexedBlock("diff", Snippets.diff)
        #expect(block.kind(of: "diff --git a/x.swift b/x.swift") == .heading)
        #expect(block.kind(of: "index 1234567..89abcde 100644") == .heading)
        #expect(block.kind(of: "--- a/x.swift") == .heading)
        #expect(block.kind(of: "+++ b/x.swift") == .heading)
        #expect(block.kind(of: "@@ -1,4 +1,4 @@ struct X {") == .heading)
        #expect(block.kind(of: " let a = 1") == .plain)
        #expect(block.kind(of: "-let b = 2") == .removed)
        #expect(block.kind(of: "+let b = 3") == .added)
        #expect(block.kind(of: "--x") == .removed)
        #expect(block.kind(of: "\\ No newline at end of file") == .comment)
        #expect(block.kind(of: "\n") == .plain)
    }
}
