/// One `GenerateContentResponse` of a Gemini stream, as much of it as ssechat reads; the full decoder's model.
///
/// Unknown fields are ignored. Every key declared here is one the fast path must treat as known (never skip).
struct GeminiChunk: Decodable {
    struct Part: Decodable {
        var text: String?
        var thought: Bool?
    }

    struct Content: Decodable {
        var parts: [Part]?
    }

    struct Candidate: Decodable {
        var content: Content?
        var finishReason: String?
        var index: Int?
    }

    struct UsageMetadata: Decodable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
        var thoughtsTokenCount: Int?
        var totalTokenCount: Int?
    }

    struct PromptFeedback: Decodable {
        var blockReason: String?
    }

    var candidates: [Candidate]?
    var usageMetadata: UsageMetadata?
    var promptFeedback: PromptFeedback?
    var error: GeminiErrorBody?

    /// Emits the chunk's events and keeps its usage report (see `GeminiStreamDecoder`).
    /// - Parameters:
    ///   - usage: The latest usage report of the stream; replaced by this chunk's, if it has one.
    ///   - emit: Called for each event.
    /// - Throws: `ChatWireError.serverError` for an error object or a blocked prompt; rethrows `emit`'s errors.
    func events(usage: inout ChatUsage?, emit: (ChatEvent) throws -> Void) throws {
        if let error { throw error.wireError }
        if let reason = promptFeedback?.blockReason.nonEmpty {
            throw ChatWireError.serverError(
                message: "the prompt was blocked: " + ChatFinishReason.describe(reason),
                type: "blocked"
            )
        }
        if let metadata = usageMetadata {
            GeminiChunk.update(
                &usage,
                prompt: metadata.promptTokenCount,
                candidates: metadata.candidatesTokenCount,
                thoughts: metadata.thoughtsTokenCount,
                total: metadata.totalTokenCount
            )
        }
        let candidate = candidates?.first { ($0.index ?? 0) == 0 }
        for part in candidate?.content?.parts ?? [] {
            guard let text = part.text.nonEmpty else { continue }
            try emit(part.thought == true ? .reasoning(text) : .text(text))
        }
        if let reason = candidate?.finishReason.nonEmpty {
            try GeminiChunk.finish(reason: reason, usage: usage, emit: emit)
        }
    }

    /// Replaces the stream's usage with a chunk's report, when it holds any count; the reply's tokens are its
    /// candidates' plus its thoughts'.
    static func update(_ usage: inout ChatUsage?, prompt: Int?, candidates: Int?, thoughts: Int?, total: Int?) {
        guard prompt != nil || candidates != nil || thoughts != nil || total != nil else { return }
        let completion: Int? =
            candidates == nil && thoughts == nil ? nil : (candidates ?? 0) &+ (thoughts ?? 0)
        usage = ChatUsage(promptTokens: prompt, completionTokens: completion, totalTokens: total)
    }

    /// The end of a reply: its finish reason, the last usage report, `.done`.
    static func finish(reason: String, usage: ChatUsage?, emit: (ChatEvent) throws -> Void) rethrows {
        try emit(.finishReason(reason))
        if let usage { try emit(.usage(usage)) }
        try emit(.done)
    }
}
