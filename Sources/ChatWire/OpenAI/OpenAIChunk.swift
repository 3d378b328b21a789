/// A `chat.completion.chunk`, as much of it as ssechat reads; the full decoder's model.
///
/// Unknown fields are ignored. Every key declared here is one the fast path must treat as known (never skip).
struct OpenAIChunk: Decodable {
    struct Choice: Decodable {
        var index: Int?
        var delta: Delta?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta
            case finishReason = "finish_reason"
        }
    }

    struct Delta: Decodable {
        var content: String?
        var reasoningContent: String?
        var reasoning: String?

        enum CodingKeys: String, CodingKey {
            case content, reasoning
            case reasoningContent = "reasoning_content"
        }
    }

    struct Usage: Decodable {
        var promptTokens: Int?
        var completionTokens: Int?
        var totalTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }
    }

    var object: String?
    var choices: [Choice]?
    var usage: Usage?
    var error: OpenAIErrorBody?

    /// A chunk built from parts (a complete reply read as one chunk).
    init(choices: [Choice]?, usage: Usage?) {
        self.choices = choices
        self.usage = usage
    }

    /// Emits the chunk's events: reasoning, text, finish reason, usage, in that order.
    /// - Parameter emit: Called for each event.
    /// - Throws: `ChatWireError.serverError` for an in-stream error; rethrows `emit`'s errors.
    func events(emit: (ChatEvent) throws -> Void) throws {
        if let error { throw error.wireError }
        let choice = choices?.first { ($0.index ?? 0) == 0 }
        if let delta = choice?.delta {
            if let reasoning = delta.reasoningContent.nonEmpty ?? delta.reasoning.nonEmpty {
                try emit(.reasoning(reasoning))
            }
            if let text = delta.content.nonEmpty { try emit(.text(text)) }
        }
        if let reason = choice?.finishReason.nonEmpty { try emit(.finishReason(reason)) }
        if let usage, usage.promptTokens != nil || usage.completionTokens != nil || usage.totalTokens != nil {
            try emit(
                .usage(
                    ChatUsage(
                        promptTokens: usage.promptTokens,
                        completionTokens: usage.completionTokens,
                        totalTokens: usage.totalTokens
                    )
                )
            )
        }
    }
}

extension Optional where Wrapped == String {
    /// The string when it is present and not empty.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
