import SSE

/// Decodes an OpenAI Responses stream.
///
/// ```
///  event: response.created   {"response":{"id":"resp_1","status":"queued","background":true},"sequence_number":0}
///                                                        → (remembers the id; a background reply is resumable)
///  event: response.output_text.delta  {"delta":"Hi","sequence_number":4}                     → .text("Hi")
///  event: response.reasoning_summary_text.delta  {"delta":"Hmm","sequence_number":2}         → .reasoning("Hmm")
///  event: response.completed  {"response":{…,"usage":{"input_tokens":9,…}}}                  → .usage(…), .done
///  event: response.incomplete {"response":{…,"incomplete_details":{"reason":"max_output_tokens"}}}
///             → .usage(…), .finishReason(reason), .done   (a reason ChatFinishReason knows: max_output_tokens, …)
///             → .usage(…), .incomplete(reason)             (any other)
///  event: response.failed     {"response":{…,"error":{"code":"server_error","message":"…"}}} → throws serverError
///  event: error               {"code":"rate_limit_exceeded","message":"…"}                   → throws serverError
/// ```
/// The JSON `type` decides what an event is (the SSE event name when it is missing); other types are ignored, as are
/// blank data lines. An event whose `sequence_number` is not above the last one seen is a replay and is dropped, so a
/// resumed stream never repeats text. `resumeCursor` is the response id and the last sequence number, once the
/// server said the response runs in the background (and so is kept and can be streamed again from a position).
package struct ResponsesStreamDecoder: ChatByteStreamDecoder {
    private var replyID: String?
    private var isBackground = false
    private var lastSequenceNumber: Int?

    /// Creates a decoder for one reply stream.
    package init() {}

    package var resumeCursor: ChatResumeCursor? {
        guard isBackground, let replyID, let lastSequenceNumber else { return nil }
        return ChatResumeCursor(replyID: replyID, position: lastSequenceNumber)
    }

    /// Tries the fast path on a text delta, skips blank data, else decodes the event in full.
    package mutating func decode(
        type: String,
        data bytes: UnsafeRawBufferPointer,
        event: () -> ServerSentEvent,
        emit: (ChatEvent) throws -> Void
    ) throws {
        if type == ResponsesEventType.textDelta || type == "message",
            let delta = ResponsesTextDeltaFastPath.scan(bytes)
        {
            guard accept(delta.sequenceNumber) else { return }
            if !delta.text.isEmpty { try emit(.text(delta.text)) }
            return
        }
        if bytes.allSatisfy(Self.isJSONWhitespace) { return }
        try decodeFull(event(), emit: emit)
    }

    /// The general decoder: Foundation's JSONDecoder over the whole event.
    /// - Parameters:
    ///   - event: The SSE event.
    ///   - emit: Called for each chat event.
    /// - Throws: `ChatWireError.malformedChunk` or `.serverError`; rethrows `emit`'s errors.
    mutating func decodeFull(_ event: ServerSentEvent, emit: (ChatEvent) throws -> Void) throws {
        let parsed: ResponsesStreamEvent
        do {
            parsed = try ChunkJSON.decode(ResponsesStreamEvent.self, from: event.data)
        } catch  where event.type == ResponsesEventType.error {
            throw ChatWireError.serverError(message: event.data)
        }
        guard accept(parsed.sequenceNumber) else { return }
        switch parsed.type ?? event.type {
        case ResponsesEventType.created, ResponsesEventType.queued, ResponsesEventType.inProgress:
            remember(parsed.response)
        case ResponsesEventType.textDelta:
            if let text = parsed.delta, !text.isEmpty { try emit(.text(text)) }
        case ResponsesEventType.reasoningSummaryDelta:
            if let text = parsed.delta, !text.isEmpty { try emit(.reasoning(text)) }
        case ResponsesEventType.completed:
            remember(parsed.response)
            if let usage = parsed.response?.usage?.chatUsage { try emit(.usage(usage)) }
            try emit(.done)
        case ResponsesEventType.incomplete:
            remember(parsed.response)
            if let usage = parsed.response?.usage?.chatUsage { try emit(.usage(usage)) }
            for end in parsed.response?.incompleteEnd ?? [.incomplete("unknown reason")] { try emit(end) }
        case ResponsesEventType.failed:
            throw parsed.response?.failure ?? ChatWireError.serverError(message: "the response failed")
        case ResponsesEventType.error:
            throw Self.errorEventError(event.data)
        default:
            return
        }
    }

    /// Records a sequence number; `false` for a replayed event (not above the last one).
    private mutating func accept(_ sequenceNumber: Int?) -> Bool {
        guard let sequenceNumber else { return true }
        if let last = lastSequenceNumber, sequenceNumber <= last { return false }
        lastSequenceNumber = sequenceNumber
        return true
    }

    private mutating func remember(_ response: ResponsesObject?) {
        guard let response else { return }
        if let id = response.id, !id.isEmpty { replyID = id }
        if let background = response.background { isBackground = background }
    }

    /// The error an `error` event carries: `{"code":…,"message":…}`, or the same under `error`.
    private static func errorEventError(_ data: String) -> ChatWireError {
        struct Wrapper: Decodable { var error: OpenAIErrorBody? }
        if let body = (try? ChunkJSON.decode(Wrapper.self, from: data))?.error, body.message != nil {
            return .serverError(message: body.message ?? "unknown error", code: body.code)
        }
        if let body = try? ChunkJSON.decode(OpenAIErrorBody.self, from: data), body.message != nil {
            return .serverError(message: body.message ?? "unknown error", code: body.code)
        }
        return .serverError(message: data)
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
