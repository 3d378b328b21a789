import SSE

/// Decodes a Gemini `streamGenerateContent?alt=sse` stream.
///
/// ```
///  data: {"candidates":[{"content":{"parts":[{"text":"Hmm","thought":true}],"role":"model"}}],…}  → .reasoning("Hmm")
///  data: {"candidates":[{"content":{"parts":[{"text":"Hel"}],"role":"model"},"index":0}],
///         "usageMetadata":{"promptTokenCount":9,"totalTokenCount":9}}                           → .text("Hel")
///  data: {"candidates":[{"content":{…"text":"lo"…},"finishReason":"STOP"}],"usageMetadata":{…}}
///                                               → .text("lo"), .finishReason("STOP"), .usage(…), .done
///  data: {"promptFeedback":{"blockReason":"SAFETY"}}                      → throws serverError (prompt blocked)
///  data: {"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED"}}   → throws serverError
/// ```
/// No event names and no `[DONE]`: a candidate's `finishReason` is the end marker. Every chunk may carry
/// `usageMetadata`; the last report is emitted with the end (the reply's tokens are its candidates' plus its
/// thoughts'). Only the candidate with index 0 is read; parts other than text (function calls, inline data) are
/// ignored. A JSON array of chunks (`[{…},{…}]`, as some proxies send) is read chunk by chunk.
package struct GeminiStreamDecoder: ChatByteStreamDecoder {
    /// The stream's latest usage report.
    private(set) var usage: ChatUsage?

    /// Creates a decoder for one reply stream.
    package init() {}

    /// Skips blank data, tries the fast path, else decodes the text in full; the event type is not read.
    package mutating func decode(
        type: String,
        data bytes: UnsafeRawBufferPointer,
        event: () -> ServerSentEvent,
        emit: (ChatEvent) throws -> Void
    ) throws {
        var scanner = JSONFastScanner(bytes)
        if scanner.isAtEnd() { return }
        if try GeminiChunkFastPath.decode(bytes, usage: &usage, emit: emit) { return }
        try decodeFull(event().data, emit: emit)
    }

    /// The general decoder: Foundation's JSONDecoder over the whole chunk (or array of chunks).
    /// - Parameters:
    ///   - data: The chunk's JSON text.
    ///   - emit: Called for each event.
    /// - Throws: `ChatWireError.malformedChunk` or `.serverError`; rethrows `emit`'s errors.
    mutating func decodeFull(_ data: String, emit: (ChatEvent) throws -> Void) throws {
        try Self.decodeChunks(data, usage: &usage, emit: emit)
    }

    /// Decodes a chunk or an array of chunks with Foundation.
    /// - Parameters:
    ///   - data: The JSON text.
    ///   - usage: The stream's latest usage report, updated by each chunk.
    ///   - emit: Called for each event.
    /// - Throws: `ChatWireError.malformedChunk` or `.serverError`; rethrows `emit`'s errors.
    static func decodeChunks(_ data: String, usage: inout ChatUsage?, emit: (ChatEvent) throws -> Void) throws {
        let isArray = data.utf8.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) } == UInt8(ascii: "[")
        let chunks =
            isArray
            ? try ChunkJSON.decode([GeminiChunk].self, from: data)
            : [
                try ChunkJSON.decode(GeminiChunk.self, from: data)
            ]
        for chunk in chunks {
            try chunk.events(usage: &usage, emit: emit)
        }
    }
}
