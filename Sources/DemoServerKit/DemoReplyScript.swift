import Foundation

/// The demo model's "thinking": a deterministic reply composed from the prompt.
///
/// The same prompt always gives the same reply. The prompt's hash picks the title, intro, points, code block,
/// CJK lines and emoji; the prompt itself (cleaned of control characters, shortened) is quoted, so the reply
/// visibly responds to it. Every reply holds a heading, a list, inline code, a fenced code block, CJK text and an
/// emoji, so a client's renderer is exercised.
struct DemoReplyScript: Sendable {
    /// The prompt, with control characters removed and whitespace collapsed.
    let prompt: String

    /// Creates the script for a prompt.
    /// - Parameter prompt: The user's last message.
    init(prompt: String) {
        self.prompt = Self.clean(prompt)
    }

    /// The reply's Markdown text.
    var text: String {
        var random = DemoRandom(seed: DemoRandom.stableHash(prompt))
        let topic = Self.topic(of: prompt)
        let quote = prompt.isEmpty ? "(an empty prompt)" : Self.shortened(prompt, to: 80)
        let title = Self.pick(Self.titles, &random).replacingOccurrences(of: "{topic}", with: topic)
        let intro = Self.pick(Self.intros, &random).replacingOccurrences(of: "{quote}", with: quote)
        var points = Self.points
        points.shuffle(using: &random)
        let code = Self.pick(Self.codeBlocks, &random).replacingOccurrences(of: "{topic}", with: Self.codeSafe(topic))
        var cjk = Self.cjkLines
        cjk.shuffle(using: &random)
        let emoji = Self.pick(Self.emoji, &random)
        return """
            ## \(title)

            \(intro) I'm **\(DemoServerConfiguration.demoModelName)**, the built-in demo model of ssechat: \
            no network and no API key, just a deterministic reply streamed token by token.

            ### Key points
            - \(points[0])
            - \(points[1])
            - \(points[2])

            \(code)

            \(cjk[0])
            \(cjk[1])

            That's the demo for “\(topic)”. Ask me anything else \(emoji)

            """
    }

    private static func pick(_ options: [String], _ random: inout DemoRandom) -> String {
        options[Int(random.next() % UInt64(options.count))]
    }

    /// Control characters (C0, DEL, C1) and line ends become spaces; runs of whitespace become one space.
    static func clean(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// The prompt's first few words, without surrounding punctuation: what the reply is "about".
    static func topic(of prompt: String) -> String {
        let words = prompt.split(separator: " ").prefix(6).map(String.init)
        let trimmed = words.joined(separator: " ").trimmingCharacters(in: Self.topicTrim)
        return trimmed.isEmpty ? "your question" : shortened(trimmed, to: 48)
    }

    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A topic that can sit inside a string literal of any of the code blocks.
    static func codeSafe(_ text: String) -> String {
        String(text.filter { !"\"'`\\$".contains($0) })
    }

    private static let topicTrim = CharacterSet(charactersIn: "?!.,;:\"'`“”‘’()[]{}<> ")

    private static let titles = [
        "About {topic}",
        "Thinking about {topic}",
        "A quick take on {topic}",
        "{topic}: a streaming demo",
    ]

    private static let intros = [
        "You asked: “{quote}”.",
        "Here is a short answer to “{quote}”.",
        "Good question: “{quote}”.",
        "Let me think out loud about “{quote}”.",
    ]

    private static let points = [
        "Every token you see arrived as its own `data:` event.",
        "The reply carries event ids, so a dropped connection resumes with `Last-Event-ID`.",
        "Try `ssechat serve --drop-after 5` to watch a reply survive a dropped connection.",
        "Markdown such as **bold**, *italics* and `inline code` streams just like plain text.",
        "Wide characters like 漢字 and emoji take two terminal cells each.",
        "Pipe a reply into another tool: `ssechat --once \"hi\" | wc -w`.",
        "The same prompt always gives the same reply, which keeps tests repeatable.",
        "Set `--tokens-per-sec 0` to stream as fast as the connection allows.",
    ]

    private static let codeBlocks = [
        """
        ```swift
        let topic = "{topic}"
        for word in topic.split(separator: " ") {
            print("streaming:", word)
        }
        ```
        """,
        """
        ```python
        topic = "{topic}"
        for word in topic.split():
            print(f"streaming: {word}")
        ```
        """,
        """
        ```bash
        topic="{topic}"
        for word in $topic; do
          echo "streaming: $word"
        done
        ```
        """,
    ]

    private static let cjkLines = [
        "日本語：ストリーミングの返事は一文字ずつ届きます。",
        "中文：流式回复会逐字显示在终端上。",
        "한국어: 스트리밍 응답은 토큰 단위로 도착합니다.",
    ]

    private static let emoji = ["🚀", "✨", "🎉", "👋", "🦊"]
}
