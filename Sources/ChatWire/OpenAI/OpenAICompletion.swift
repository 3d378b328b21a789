import Foundation

/// A complete `chat.completion` (a server that ignored `stream: true`), as much of it as ssechat reads.
///
/// ```
///  {"choices":[{"message":{"content":"Hi","reasoning_content":"Hmm"},"finish_reason":"stop"}],"usage":{…}}
///    → .reasoning("Hmm"), .text("Hi"), .finishReason("stop"), .usage(…), .done
///  {"error":{"message":"…"}}  → throws serverError
/// ```
struct OpenAICompletion: Decodable {
    struct Choice: Decodable {
        var index: Int?
        var message: OpenAIChunk.Delta?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message
            case finishReason = "finish_reason"
        }
    }

    var choices: [Choice]?
    var usage: OpenAIChunk.Usage?
    var error: OpenAIErrorBody?

    /// Decodes `body` and emits its events, ending with `.done`.
    /// - Throws: `ChatWireError.malformedChunk` when the body is not a completion, `.serverError` for an error
    ///   object; rethrows `emit`'s errors.
    static func decode(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        let text = String(decoding: body, as: UTF8.self)
        let completion = try ChunkJSON.decode(OpenAICompletion.self, from: text)
        if let error = completion.error { throw error.wireError }
        guard let choices = completion.choices else {
            throw ChatWireError.malformedChunk(text, reason: "neither choices nor an error")
        }
        // A completion is a chunk whose one delta is the whole message: reuse the chunk's event order.
        let chunk = OpenAIChunk(
            choices: choices.map {
                OpenAIChunk.Choice(index: $0.index, delta: $0.message, finishReason: $0.finishReason)
            },
            usage: completion.usage
        )
        try chunk.events(emit: emit)
        try emit(.done)
    }
}
