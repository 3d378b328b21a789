import Foundation

/// A complete Anthropic `message` (a server or proxy that ignored `stream: true`), as much of it as ssechat reads.
///
/// ```
///  {"type":"message","content":[{"type":"thinking","thinking":"Hmm"},{"type":"text","text":"Hi"}],
///   "stop_reason":"end_turn","usage":{"input_tokens":25,"output_tokens":15}}
///    → .reasoning("Hmm"), .text("Hi"), .finishReason("end_turn"), .usage(25, 15, 40), .done
///  {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}  → throws serverError
/// ```
struct AnthropicMessage: Decodable {
    var type: String?
    var content: [AnthropicStreamEvent.ContentBlock]?
    var stopReason: String?
    var usage: AnthropicStreamEvent.Usage?
    var error: OpenAIErrorBody?

    enum CodingKeys: String, CodingKey {
        case type, content, usage, error
        case stopReason = "stop_reason"
    }

    /// Decodes `body` and emits its events, ending with `.done`.
    /// - Throws: `ChatWireError.malformedChunk` when the body is not a message, `.serverError` for an error object;
    ///   rethrows `emit`'s errors.
    static func decode(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        let text = String(decoding: body, as: UTF8.self)
        let message = try ChunkJSON.decode(AnthropicMessage.self, from: text)
        if let error = message.error { throw error.wireError }
        guard let content = message.content else {
            throw ChatWireError.malformedChunk(text, reason: "neither content nor an error")
        }
        for block in content {
            switch block.type {
            case "thinking": if let thinking = block.thinking, !thinking.isEmpty { try emit(.reasoning(thinking)) }
            case "text": if let text = block.text, !text.isEmpty { try emit(.text(text)) }
            default: break
            }
        }
        if let reason = message.stopReason, !reason.isEmpty { try emit(.finishReason(reason)) }
        if let usage = message.usage, usage.promptTokens != nil || usage.outputTokens != nil {
            let total = usage.promptTokens.flatMap { prompt in usage.outputTokens.map { prompt + $0 } }
            try emit(
                .usage(
                    ChatUsage(
                        promptTokens: usage.promptTokens,
                        completionTokens: usage.outputTokens,
                        totalTokens: total
                    )
                )
            )
        }
        try emit(.done)
    }
}
