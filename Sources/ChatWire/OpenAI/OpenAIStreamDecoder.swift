import SSE

/// Decodes an OpenAI-compatible chat completions stream.
///
/// ```
///  data: {"choices":[{"delta":{"role":"assistant","content":""}}]}      → (nothing)
///  data: {"choices":[{"delta":{"reasoning_content":"Hmm"}}]}            → .reasoning("Hmm")
///  data: {"choices":[{"delta":{"content":"Hi"}}]}                       → .text("Hi")
///  data: {"choices":[{"delta":{},"finish_reason":"stop"}]}              → .finishReason("stop")
///  data: {"choices":[],"usage":{"prompt_tokens":9,…}}                   → .usage(…)
///  data: {"error":{"message":"…","type":"…","code":…}}                  → throws serverError
///  data: [DONE]                                                         → .done
/// ```
/// `reasoning_content` (DeepSeek, vLLM) wins over `reasoning` (OpenRouter, Ollama) when a chunk has both. Only the
/// choice with index 0 is read. Events other than `message` and `error` are ignored, as are empty data lines.
package struct OpenAIStreamDecoder: ChatByteStreamDecoder {
    /// The last chunk's bytes before its `choices`, which the next chunk most likely repeats.
    private var prefix: OpenAIChunkFastPath.Prefix?

    /// Creates a decoder for one reply stream.
    package init() {}

    /// `error` events throw the error they carry; `message` events are `[DONE]`, then the fast path, then (for
    /// anything but a blank line) the full decoder; other types are ignored.
    package mutating func decode(
        type: String,
        data bytes: UnsafeRawBufferPointer,
        event: () -> ServerSentEvent,
        emit: (ChatEvent) throws -> Void
    ) throws {
        if type == "error" { throw Self.errorEventError(event().data) }
        guard type == "message" else { return }
        if Self.isDone(bytes) {
            try emit(.done)
        } else if try OpenAIChunkFastPath.decode(bytes, prefix: &prefix, emit: emit) || Self.isBlank(bytes) {
            return
        } else {
            try Self.decodeFull(event().data, emit: emit)
        }
    }

    /// The general decoder: Foundation's JSONDecoder over the whole chunk.
    /// - Parameters:
    ///   - data: The chunk's JSON text.
    ///   - emit: Called for each event.
    /// - Throws: `ChatWireError.malformedChunk` or `.serverError`; rethrows `emit`'s errors.
    static func decodeFull(_ data: String, emit: (ChatEvent) throws -> Void) throws {
        let chunk = try ChunkJSON.decode(OpenAIChunk.self, from: data)
        if chunk.object == "error" {
            // vLLM-style top-level error: {"object":"error","message":…,"type":…,"code":…}
            throw try ChunkJSON.decode(OpenAIErrorBody.self, from: data).wireError
        }
        try chunk.events(emit: emit)
    }

    /// The error an `event: error` carries: an OpenAI error object (bare or under `error`), or plain text.
    private static func errorEventError(_ data: String) -> ChatWireError {
        struct Wrapper: Decodable { var error: OpenAIErrorBody? }
        if let wrapper = try? ChunkJSON.decode(Wrapper.self, from: data), let body = wrapper.error {
            return body.wireError
        }
        if let body = try? ChunkJSON.decode(OpenAIErrorBody.self, from: data), body.message != nil {
            return body.wireError
        }
        return .serverError(message: data)
    }

    /// `[DONE]`, allowing surrounding whitespace.
    private static func isDone(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var scanner = JSONFastScanner(bytes)
        scanner.skipWhitespace()
        return scanner.scanLiteral("[DONE]") && scanner.isAtEnd()
    }

    private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var scanner = JSONFastScanner(bytes)
        return scanner.isAtEnd()
    }
}
