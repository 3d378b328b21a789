import Foundation

/// The replies the golden test renders: the Markdown fixtures, the render benchmark's blocks, edge cases of every
/// construct, and a sample of the CommonMark and GFM spec examples.
enum RenderGoldenCases {
    /// One reply to render: optional reasoning deltas first, then the answer.
    struct Input: Sendable {
        var name: String
        var reasoning: String?
        var text: String
    }

    /// The widths every input is rendered at.
    static let widths = [20, 40, 80, 200]

    /// Every input, in a fixed order (the golden file lists them in this order).
    /// - Parameter specDirectory: Where `commonmark-0.31.2.json` and the GFM file are (only read to write the file).
    static func inputs(specDirectory: URL) throws -> [Input] {
        var inputs = MarkdownFixtures.all.map { Input(name: "fixture \($0.name)", text: $0.text) }
        inputs += benchmarkBlocks.enumerated().map { Input(name: "bench block \($0.offset)", text: $0.element) }
        inputs.append(Input(name: "bench blocks together", text: benchmarkBlocks.joined()))
        inputs += edgeCases.map { Input(name: $0.name, text: $0.text) }
        inputs.append(
            Input(name: "reasoning channel then answer", reasoning: "Let me think about **this**.\n\nOK.", text: mixed)
        )
        inputs += try specSample(specDirectory)
        return inputs
    }

    /// The blocks `render-bench` builds its input from (Benchmarks/Sources/render-bench).
    static let benchmarkBlocks = [
        "## Setting up the project\n\n",
        "Here is a **quick overview** of what we will do, with `inline code`, *emphasis* and a "
            + "[link to the docs](https://example.com/docs \"Docs\"). Note that snake_case_names stay plain, "
            + "~~old text~~ is struck through, and 你好，世界 🦊 takes two cells a character.\n\n",
        "1. First, install the *dependencies*:\n2. Then run the **build** step\n   - nested item with `code`\n"
            + "   - another one\n3. Finally, test.\n\n",
        "```swift\nlet parser = MarkdownParser()\nfor piece in pieces {\n    parser.feed(piece, into: &events)\n}\n```\n\n",
        "> **Note:** quoted text that goes on\n> for a couple of lines with _underscores_ and a hard  \n> break.\n\n",
        "| Option | Default | Meaning |\n|:--|:-:|--:|\n| `--fast` | off | goes fast |\n| `--slow` | on | goes slow |\n\n",
        "- [ ] a task\n- [x] a done task\n\n---\n\n",
    ]

    static let mixed = "Plain *and* **bold**, `code`, [a](http://a.b) and a long-enough line to wrap somewhere.\n"

    static let edgeCases: [(name: String, text: String)] = [
        ("prose only", "The quick brown fox jumps over the lazy dog, again and again, until the line wraps twice.\n"),
        (
            "long words",
            "Averyveryverylongwordthatiswiderthananynarrowterminalcanshowonitsownrow and "
                + "https://example.com/a/very/long/path/that/keeps/going/and/going?with=query&and=more then text.\n"
        ),
        ("CJK", "中文文本没有空格所以每个字都可以换行。日本語のテキストも同じです。한국어 문장도 있습니다.\n混合 mixed 文本 text.\n"),
        (
            "emoji",
            "Flags 🇫🇷🇩🇪, a family 👨‍👩‍👧, skin 👍🏽, heart ❤️ and ❤ plain, keycap 1️⃣, fox 🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊.\n"
                + "x❤️y❤️z❤️w❤️ e\u{301}\u{301} combining, zero\u{200B}width, a\u{FE0F} selector.\n"
        ),
        ("tabs", "a\tb\tc\n\tindented by a tab\n- item\twith tab\n\n```\n\tcode\ttab\n```\n"),
        (
            "escapes and entities",
            "\\*not emphasis\\* \\_nor this\\_ \\` \\\\ \\[x\\] \\a &amp; &lt;tag&gt; &copy; &#35; &#x1F98A; &nope; "
                + "&#0; &#x110000; & alone &amp\nend with a backslash\\\nnext row\n"
        ),
        (
            "emphasis",
            "*a* **b** ***c*** _d_ __e__ ~~f~~ ~g~ ~~~h~~~ *nested **strong** inside* **unclosed and *half\n\n"
                + "snake_case_name 2*3*4 a * b ** c __init__ *emph with `code` inside* **bold [link](u) bold**\n\n"
                + "an **opener that never closes on this row\n\nx `unclosed code span\n"
        ),
        (
            "links",
            "[text](https://example.com) [same](same) [titled](https://x.y \"Title\") [single](u 'T') "
                + "[paren](u (T)) ![an image](img.png) [nested [brackets]](u) [esc \\]](u\\)) [<a>](<a b>) "
                + "[unclosed](https://never.closes [no paren] [empty]() <https://auto.link/path> <mail@example.com> "
                + "<not a link> <x:> [a](b(c)d) [" + String(repeating: "long ", count: 50) + "](u)\n"
        ),
        (
            "code blocks",
            "```python\nimport os\ndef f(x):\n    return x * 2  # comment\n```\n\n"
                + "```javascript\nconst x = `template ${y}`; // c\n```\n\n"
                + "```rust\nfn main() { println!(\"hi\"); }\n```\n\n"
                + "```go\nfunc main() { fmt.Println(\"x\") }\n```\n\n"
                + "```json\n{\"a\": [1, 2.5, true, null]}\n```\n\n"
                + "```bash\necho \"$HOME\" | grep -v x # c\n```\n\n"
                + "```diff\n- old\n+ new\n@@ -1 +1 @@\n```\n\n"
                + "```unknownlang\nsome text\n```\n\n"
                + "~~~\ntilde fence\n~~~\n\n"
                + "````\n```\nnested fence\n```\n````\n\n"
                + "```swift\nunclosed fence at the end\n"
        ),
        (
            "tables",
            "| a | b |\n|---|---|\n| 1 | 2 |\n| long cell that is wider than a narrow terminal | x |\n\n"
                + "| 名前 | 値 |\n|:-:|--:|\n| 日本 | 🦊 |\n\n"
                + "| not a table |\nnext line\n\n"
                + "| h1 | h2 |\n|--|\n\n"
                + "a | b\n--|--\nc | d\n\n"
                + "| only header |\n|---|\n"
        ),
        (
            "think block",
            "  <think>\nhidden **reasoning** here</thi\nstill</think>\n\nAnswer *after* thinking.\n<think>later</think>\n"
        ),
        ("unclosed think", "<think>never closed, all reasoning"),
        ("not a think", "<thinking> is not the tag\n"),
        (
            "blocks",
            "Setext\n===\n\nSecond\n---\n\n# H1\n###### H6\n####### not a heading\n#no space\n\n"
                + "> quote\n> > nested\n> - list in quote\n\n"
                + "1. one\n2) two\n   10. nested ordered\n- a\n  - b\n    - c\n      - d\n\n"
                + "***\n- - -\n___\n\n    indented code\n\nhard  \nbreak and soft\nbreak\n"
        ),
        (
            "controls",
            "bell\u{07} esc\u{1B}[31mred\u{1B}[0m osc\u{1B}]0;title\u{07} crlf\r\nline\r\n\u{9B}31m c1 \u{1B}c del\u{7F}\n"
        ),
        ("empty lines", "\n\n\nstarts after blank lines\n\n\n\nends with blank lines\n\n\n"),
        ("no final newline", "last line without a newline **bold"),
    ]

    /// Every other CommonMark example and every GFM example (in file order).
    private static func specSample(_ directory: URL) throws -> [Input] {
        var inputs: [Input] = []
        for (file, stride) in [("commonmark-0.31.2", 2), ("gfm-0.29.0.gfm.0-extensions", 1)] {
            let data = try Data(contentsOf: directory.appendingPathComponent(file + ".json"))
            let examples = try JSONDecoder().decode([SpecExample].self, from: data)
            for example in examples where example.example % stride == 0 {
                inputs.append(Input(name: "\(file) example \(example.example)", text: example.markdown))
            }
        }
        return inputs
    }

    private struct SpecExample: Decodable {
        var markdown: String
        var example: Int
    }
}
