/// The demo model's reply to one prompt, as tokens: the script's text tokenized, cycled or cut to the length asked.
struct DemoReply: Sendable {
    /// The tokens of one pass over the script.
    let baseTokens: [String]
    /// How many tokens the reply has.
    let length: Int
    /// `stop`, or `length` when `max_tokens` cut the reply short.
    let finishReason: String
    /// The prompt's size in tokens (for `usage`).
    let promptTokens: Int
    /// What the reply is about, for status lines.
    let topic: String

    /// Composes the reply.
    /// - Parameters:
    ///   - prompt: The last user message.
    ///   - promptText: All message text of the request, for the prompt token count.
    ///   - replyTokens: A forced length (the script cycles), or `nil` for its natural length.
    ///   - maxTokens: The request's `max_tokens`, or `nil`.
    init(prompt: String, promptText: String? = nil, replyTokens: Int?, maxTokens: Int?) {
        let script = DemoReplyScript(prompt: prompt)
        baseTokens = DemoTokenizer.tokens(of: script.text)
        topic = DemoReplyScript.topic(of: script.prompt)
        promptTokens = DemoTokenizer.tokens(of: promptText ?? prompt).count
        let natural = max(0, replyTokens ?? baseTokens.count)
        if let maxTokens, maxTokens >= 0, maxTokens < natural {
            length = maxTokens
            finishReason = "length"
        } else {
            length = natural
            finishReason = "stop"
        }
    }

    /// The token at `index` (the script repeats past its end).
    func token(at index: Int) -> String {
        baseTokens[index % baseTokens.count]
    }

    /// The whole reply's text.
    var text: String {
        var text = ""
        for index in 0..<length { text += token(at: index) }
        return text
    }
}
