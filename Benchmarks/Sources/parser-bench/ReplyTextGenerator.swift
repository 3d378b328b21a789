import BenchSupport

/// Produces a model reply one token at a time, deterministically: sentences in English, Chinese or Japanese, with
/// emoji, Markdown, code spans, quotes and line breaks sprinkled in the proportions of real chat replies.
struct ReplyTextGenerator {
    private enum Language: CaseIterable {
        case english, chinese, japanese
    }

    private var random: SplitMix64
    private var language = Language.english
    private var tokensLeftInSentence = 0

    /// Creates a generator.
    /// - Parameter seed: The seed; the same seed gives the same reply.
    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// The next token of the reply (never empty).
    /// - Returns: A token as a model would stream it: a word piece with its leading space, a CJK word, an emoji,
    ///   punctuation or a line break.
    mutating func nextToken() -> String {
        if tokensLeftInSentence == 0 {
            tokensLeftInSentence = random.next(in: 6...28)
            let roll = random.next(in: 0...99)
            language = roll < 60 ? .english : (roll < 82 ? .chinese : .japanese)
            if random.next(in: 0...5) == 0 { return Self.paragraphBreaks[random.next(in: 0...1)] }
        }
        tokensLeftInSentence -= 1
        if tokensLeftInSentence == 0 { return sentenceEnd() }
        let roll = random.next(in: 0...99)
        if roll < 4 { return Self.emoji[random.next(in: 0...(Self.emoji.count - 1))] }
        if roll < 7 { return Self.markup[random.next(in: 0...(Self.markup.count - 1))] }
        let words: [String]
        switch language {
        case .english: words = Self.english
        case .chinese: words = Self.chinese
        case .japanese: words = Self.japanese
        }
        return words[random.next(in: 0...(words.count - 1))]
    }

    private mutating func sentenceEnd() -> String {
        switch language {
        case .english: return [".", "!", "?", ":"][random.next(in: 0...3)]
        case .chinese: return ["。", "！", "？", "："][random.next(in: 0...3)]
        case .japanese: return ["。", "！", "？", "…"][random.next(in: 0...3)]
        }
    }

    private static let paragraphBreaks = ["\n\n", "\n"]

    private static let english = [
        " the", " a", " of", " and", " to", " in", " is", " that", " it", " for", " on", " with", " as", " this",
        " stream", " parser", " server", " client", " event", " events", " byte", " bytes", " chunk", " reply",
        " token", " model", " Swift", " terminal", " connection", " buffer", " line", " data", " field", " UTF",
        "-8", " each", " when", " which", " can", " will", " should", " must", " not", " be", " are", " was",
        " read", " write", " send", " parse", "ing", "ed", "s", "ly", ",", ",", " (", ")", " fast", " slow",
        " memory", " allocation", " per", " second", " latency", " throughput", " because", " however",
    ]

    private static let chinese = [
        "流式", "解析", "器", "事件", "服务器", "客户端", "的", "是", "在", "和", "了", "不", "我们", "这个", "数据",
        "字节", "连接", "终端", "模型", "回复", "每", "秒", "内存", "分配", "速度", "，", "，", "、", "可以", "需要",
    ]

    private static let japanese = [
        "ストリーム", "パーサー", "イベント", "サーバー", "クライアント", "の", "は", "を", "に", "が", "で", "と",
        "です", "ます", "する", "データ", "バイト", "接続", "端末", "応答", "速い", "、", "、", "日本語", "テキスト",
    ]

    private static let emoji = ["🚀", "✨", "👍", "👍🏽", "🧑‍💻", "🇯🇵", "❤️", "😀", "🎉", "✅", "⚡"]

    private static let markup = [
        "**", "`", "```swift\n", "\n```\n", "\"", " \"", "\\", "\t", " -", "\n- ", "\n1.", " →", " ×",
    ]
}
