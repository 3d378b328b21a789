import Testing

@testable import DemoServerKit

@Suite("Demo model: reply script, tokenizer, ids")
struct DemoModelTests {
    @Test(
        "joining the tokens gives back the text",
        arguments: [
            "## Hi there\n- `serve` 日本 🚀",
            "",
            "   leading spaces and trailing   ",
            "Supercalifragilisticexpialidocious words get cut into sub-words",
            "```swift\nlet x = 1\n```\n\n\nend",
            "👩‍👩‍👧‍👦 family, e\u{301} combining, 한국어 텍스트",
            "tabs\tand\r\nCRLF",
        ]
    )
    func tokenizerRoundTrips(text: String) {
        let tokens = DemoTokenizer.tokens(of: text)
        #expect(tokens.joined() == text)
        #expect(!tokens.contains(""))
    }

    @Test("tokens look like an LLM's: words with their spaces, CJK one by one, punctuation runs together")
    func tokenShapes() {
        #expect(
            DemoTokenizer.tokens(of: "## Hi there\n- `serve` 日本 🚀")
                == ["##", " Hi", " there", "\n", "-", " `", "serve", "`", " 日", "本", " 🚀"]
        )
        #expect(DemoTokenizer.tokens(of: "internationalization") == ["intern", "ationa", "lizati", "on"])
        #expect(DemoTokenizer.tokens(of: "a\n\nb") == ["a", "\n\n", "b"])
    }

    @Test("the same prompt gives the same reply; another prompt another one")
    func deterministic() {
        let first = DemoReply(prompt: "Explain SSE reconnection", replyTokens: nil, maxTokens: nil)
        let again = DemoReply(prompt: "Explain SSE reconnection", replyTokens: nil, maxTokens: nil)
        let other = DemoReply(prompt: "What is a fenced code block?", replyTokens: nil, maxTokens: nil)
        #expect(first.text == again.text)
        #expect(first.text != other.text)
    }

    @Test("a reply quotes the prompt and holds Markdown, code, CJK text and an emoji")
    func richContent() {
        let text = DemoReply(prompt: "How do resumable streams work?", replyTokens: nil, maxTokens: nil).text
        #expect(text.contains("How do resumable streams work?"))
        #expect(text.hasPrefix("## "))
        #expect(text.contains("\n- "))
        #expect(text.contains("`"))
        #expect(text.contains("\n```"))
        #expect(text.contains("ssechat-demo"))
        let kanaAndIdeographs = text.unicodeScalars.filter { (0x3040...0x9FFF).contains($0.value) }
        let hangul = text.unicodeScalars.filter { (0xAC00...0xD7A3).contains($0.value) }
        #expect(!kanaAndIdeographs.isEmpty || !hangul.isEmpty)
        #expect(text.unicodeScalars.contains { $0.properties.isEmojiPresentation })
    }

    @Test("control characters in the prompt never reach the reply")
    func promptIsCleaned() {
        let prompt = "evil\u{1B}[2J\u{7}\u{9B}31m prompt\r\nhere"
        let text = DemoReply(prompt: prompt, replyTokens: nil, maxTokens: nil).text
        #expect(!text.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x0D].contains($0.value) })
        #expect(text.contains("evil [2J 31m prompt here"))
    }

    @Test("--reply-tokens forces the length by cycling the script", arguments: [1, 7, 1000, 200_000])
    func forcedLength(count: Int) {
        let reply = DemoReply(prompt: "cycle", replyTokens: count, maxTokens: nil)
        #expect(reply.length == count)
        #expect(reply.finishReason == "stop")
        #expect(reply.token(at: reply.baseTokens.count) == reply.token(at: 0))
    }

    @Test("max_tokens cuts the reply and reports finish_reason length")
    func maxTokens() {
        let reply = DemoReply(prompt: "short please", replyTokens: nil, maxTokens: 5)
        #expect(reply.length == 5)
        #expect(reply.finishReason == "length")
        #expect(reply.text == reply.baseTokens.prefix(5).joined())
    }

    @Test("event ids are <generation>-<sequence> and parse back")
    func eventIDs() throws {
        let generation = DemoEventID.newGenerationID()
        #expect(generation.count == 16)
        #expect(generation != DemoEventID.newGenerationID())
        let id = try #require(DemoEventID(parsing: "\(generation)-42"))
        #expect(id == DemoEventID(generation: generation, sequence: 42))
        #expect(id.description == "\(generation)-42")
    }

    @Test(
        "malformed ids do not parse",
        arguments: ["", "abc", "-5", "abc-", "abc-+5", "abc-5x", "abc- 5", "a-99999999999999999999"]
    )
    func malformedIDs(text: String) {
        #expect(DemoEventID(parsing: text) == nil)
    }
}
