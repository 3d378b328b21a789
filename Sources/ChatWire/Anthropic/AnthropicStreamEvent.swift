/// One event of an Anthropic Messages stream, as much as ssechat reads; the full decoder's model.
///
/// Unknown fields are ignored. Every key declared here is one the fast path must treat as known (never skip).
struct AnthropicStreamEvent: Decodable {
    struct Usage: Decodable {
        var inputTokens: Int?
        var outputTokens: Int?
        var cacheCreationInputTokens: Int?
        var cacheReadInputTokens: Int?

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case cacheCreationInputTokens = "cache_creation_input_tokens"
            case cacheReadInputTokens = "cache_read_input_tokens"
        }

        /// All the prompt tokens: fresh input plus cache writes and reads; `nil` when none was reported.
        var promptTokens: Int? {
            let parts = [inputTokens, cacheCreationInputTokens, cacheReadInputTokens].compactMap { $0 }
            return parts.isEmpty ? nil : parts.reduce(0, +)
        }
    }

    struct Message: Decodable {
        var usage: Usage?
    }

    struct ContentBlock: Decodable {
        var type: String?
        var text: String?
        var thinking: String?
    }

    struct Delta: Decodable {
        var type: String?
        var text: String?
        var thinking: String?
        var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case type, text, thinking
            case stopReason = "stop_reason"
        }
    }

    var type: String?
    var message: Message?
    var contentBlock: ContentBlock?
    var delta: Delta?
    var usage: Usage?
    var error: OpenAIErrorBody?

    enum CodingKeys: String, CodingKey {
        case type, message, delta, usage, error
        case contentBlock = "content_block"
    }
}
