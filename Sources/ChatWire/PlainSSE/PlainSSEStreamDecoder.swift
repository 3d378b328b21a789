import SSE

/// Decodes a hand-written SSE endpoint's stream: each `message` event's data is a raw text token.
///
/// ```
///  data: Hello                 → .text("Hello")
///  data:  world                → .text(" world")      (the standard removes only the first space)
///  event: thinking / status    → .status(data)        (any other event name too)
///  event: error                → throws serverError(data)
///  data: [DONE]  or  data: [STREAM_END]  or  event: end / done      → .done
///  the response ends cleanly   → .done  (from `finishStream`, when no marker came before)
/// ```
/// Events after the end marker are ignored.
package struct PlainSSEStreamDecoder: ChatStreamDecoder {
    private var ended = false

    /// Creates a decoder for one reply stream.
    package init() {}

    package mutating func decode(_ event: ServerSentEvent, emit: (ChatEvent) throws -> Void) throws {
        guard !ended else { return }
        switch event.type {
        case "message":
            if event.data == "[DONE]" || event.data == "[STREAM_END]" {
                ended = true
                try emit(.done)
            } else if !event.data.isEmpty {
                try emit(.text(event.data))
            }
        case "end", "done":
            ended = true
            try emit(.done)
        case "error":
            throw ChatWireError.serverError(message: event.data.isEmpty ? "unknown error" : event.data)
        default:
            if !event.data.isEmpty { try emit(.status(event.data)) }
        }
    }

    package mutating func finishStream(emit: (ChatEvent) throws -> Void) throws {
        guard !ended else { return }
        ended = true
        try emit(.done)
    }
}
