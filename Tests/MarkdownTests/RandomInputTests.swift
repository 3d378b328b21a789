import Markdown
import Testing

@Suite("Random input")
struct RandomInputTests {
    /// Pieces of Markdown syntax and text that random documents are made of.
    private static let atoms: [String] = [
        "*", "**", "_", "__", "~", "~~", "`", "```", "~~~", "[", "]", "(", ")", "![", "<", ">", "&", "&amp;", "&#35;",
        "&#x;", "\\", "#", "# ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "|", " | ", "---", "===", ":-:", "    ", "\t",
        " ", "  ", "\n", "\n\n", "\r\n", "\r", "a", "word", "snake_case", "www.example.com", "https://x.y/z",
        "a@b.co", "[ ] ", "[x] ", "é", "日本", "🚀", "\u{0}", "](", "](<", "\"t\"", "'", ".", "-", "=",
    ]

    @Test("random documents parse without trapping, and the same however they are split")
    func randomDocuments() {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<400 {
            var document = ""
            for _ in 0..<Int.random(in: 1...80, using: &random) {
                document += Self.atoms[Int.random(in: 0..<Self.atoms.count, using: &random)]
            }
            let whole = SpecExample.events([document[...]], extensions: .gfm)
            let pieces = SplitInvarianceTests.randomPieces(document, using: &random)
            #expect(SpecExample.events(pieces, extensions: .gfm) == whole, "\(document.debugDescription)")
        }
    }

    @Test("pathological inputs stay linear (each finishes; no timing asserted)")
    func pathologicalInputs() {
        let size = 20_000
        let inputs = [
            String(repeating: "*a ", count: size), String(repeating: "[", count: size) + "a",
            String(repeating: "`a", count: size), String(repeating: "<a", count: size),
            String(repeating: "a_", count: size), String(repeating: "**_", count: size),
            String(repeating: "> ", count: 500) + "a", String(repeating: "- ", count: 500) + "a",
            String(repeating: "a  \n", count: size), String(repeating: "[a](b ", count: size),
        ]
        for input in inputs {
            let events = SpecExample.events([input[...]], extensions: .gfm)
            #expect(!events.isEmpty)
        }
    }
}
