import SSE

/// Decodes an Anthropic Messages stream.
///
/// ```
///  event: message_start        {"message":{…,"usage":{"input_tokens":25,…}}}     → (remembers the prompt tokens)
///  event: content_block_start  {"index":0,"content_block":{"type":"text","text":""}}
///  event: ping                                                                    → (ignored)
///  event: content_block_delta  {"delta":{"type":"thinking_delta","thinking":"…"}} → .reasoning(…)
///  event: content_block_delta  {"delta":{"type":"text_delta","text":"Hi"}}        → .text("Hi")
///  event: content_block_delta  {"delta":{"type":"signature_delta",…}}             → (ignored)
///  event: content_block_stop
///  event: message_delta        {"delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}
///                                                   → .finishReason("end_turn"), .usage(25, 15, 40)
///  event: message_stop                                                            → .done
///  event: error                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
///                                                   → throws serverError
/// ```
/// The JSON `type` field decides what an event is (the SSE event name when it is missing), so a proxy that drops
/// event names does no harm. Unknown event types and blank data lines are ignored.
package struct AnthropicStreamDecoder: ChatByteStreamDecoder {
    /// Prompt tokens from `message_start`, to report with the output tokens of `message_delta`.
    private var promptTokens: Int?

    /// Creates a decoder for one reply stream.
    package init() {}

    /// Skips pings and blank data, tries the fast path on a delta, else decodes the event in full.
    package mutating func decode(
        type: String,
        data bytes: UnsafeRawBufferPointer,
        event: () -> ServerSentEvent,
        emit: (ChatEvent) throws -> Void
    ) throws {
        if type == "ping" || bytes.allSatisfy(Self.isJSONWhitespace) { return }
        if type == "content_block_delta" || type == "message", try AnthropicDeltaFastPath.decode(bytes, emit: emit) {
            return
        }
        try decodeFull(event(), emit: emit)
    }

    /// The general decoder: Foundation's JSONDecoder over the whole event.
    /// - Parameters:
    ///   - event: The SSE event.
    ///   - emit: Called for each chat event.
    /// - Throws: `ChatWireError.malformedChunk` or `.serverError`; rethrows `emit`'s errors.
    mutating func decodeFull(_ event: ServerSentEvent, emit: (ChatEvent) throws -> Void) throws {
        let parsed: AnthropicStreamEvent
        do {
            parsed = try ChunkJSON.decode(AnthropicStreamEvent.self, from: event.data)
        } catch  where event.type == "error" {
            throw ChatWireError.serverError(message: event.data)
        }
        switch parsed.type ?? event.type {
        case "message_start":
            promptTokens = parsed.message?.usage?.promptTokens
        case "content_block_start":
            guard let block = parsed.contentBlock else { return }
            try emitContent(
                type: block.type,
                text: block.text,
                thinking: block.thinking,
                textType: "text",
                thinkingType: "thinking",
                emit: emit
            )
        case "content_block_delta":
            guard let delta = parsed.delta else { return }
            try emitContent(
                type: delta.type,
                text: delta.text,
                thinking: delta.thinking,
                textType: "text_delta",
                thinkingType: "thinking_delta",
                emit: emit
            )
        case "message_delta":
            if let reason = parsed.delta?.stopReason.nonEmpty { try emit(.finishReason(reason)) }
            if let usage = parsed.usage {
                let prompt = usage.promptTokens ?? promptTokens
                let completion = usage.outputTokens
                let total = prompt.flatMap { prompt in completion.map { prompt + $0 } }
                if prompt != nil || completion != nil {
                    try emit(.usage(ChatUsage(promptTokens: prompt, completionTokens: completion, totalTokens: total)))
                }
            }
        case "message_stop":
            try emit(.done)
        case "error":
            throw parsed.error?.wireError ?? ChatWireError.serverError(message: "unknown error")
        default:
            return
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func emitContent(
        type: String?,
        text: String?,
        thinking: String?,
        textType: String,
        thinkingType: String,
        emit: (ChatEvent) throws -> Void
    ) throws {
        if type == textType, let text = text.nonEmpty {
            try emit(.text(text))
        } else if type == thinkingType, let thinking = thinking.nonEmpty {
            try emit(.reasoning(thinking))
        }
    }
}
