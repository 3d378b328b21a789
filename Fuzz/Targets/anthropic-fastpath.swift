/// Oracle: whenever `AnthropicDeltaFastPath` answers, its events equal the full JSONDecoder path's; the public
/// `AnthropicStreamDecoder` always equals the full decoder (blank data and `ping` excepted, which it skips);
/// nothing crashes.
///
/// The input is the `data` of one SSE event, decoded as UTF-8 with invalid bytes replaced (as `ServerSentEvent`
/// holds it; `decode(lent:)` on the raw bytes, as the chat client decodes them, must give the same). The SSE event name is picked by the input's length (`content_block_delta`, `message`,
/// `message_delta`, `error`, `ping`), since the decoder tries the fast path for the first two and must ignore the
/// name whenever the JSON has a `type`. Comparison as in `Tests/ChatWireTests/FastPathEquivalenceTests.swift`.
import SSE

@testable import ChatWire

private let eventNames = ["content_block_delta", "message", "message_delta", "error", "ping"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let event = ServerSentEvent(type: eventNames[count % eventNames.count], data: data)
    var fullDecoder = AnthropicStreamDecoder()
    let full = fuzzOutcome(ChatWireError.self) { try fullDecoder.decodeFull(event, emit: $0) }

    var copy = data
    var fastEvents: [ChatEvent] = []
    let handled = copy.withUTF8 { buffer in
        AnthropicDeltaFastPath.decode(UnsafeRawBufferPointer(buffer)) { fastEvents.append($0) }
    }
    if handled {
        fuzzRequire(full == .events(fastEvents), "fast \(fastEvents) ≠ full \(full) for \(data.debugDescription)")
    } else {
        fuzzRequire(fastEvents.isEmpty, "fast path gave up after emitting \(fastEvents)")
    }

    var decoder = AnthropicStreamDecoder()
    let viaDecoder = fuzzOutcome(ChatWireError.self) { try decoder.decode(event, emit: $0) }
    let expected: FuzzOutcome<ChatEvent, ChatWireError> =
        event.type == "ping" || isJSONBlank(data) ? .events([]) : full
    fuzzRequire(
        viaDecoder == expected,
        "decoder \(viaDecoder) ≠ \(expected) for \(event.type) \(data.debugDescription)"
    )

    // The chat client decodes the parser's raw bytes (`decode(lent:)`): the same as the value path for every input.
    var lentDecoder = AnthropicStreamDecoder()
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let viaLent = fuzzOutcome(ChatWireError.self) {
        try lentDecoder.decode(lent: SSELentEvent(type: event.type, data: raw, eventID: SSEEventID()), emit: $0)
    }
    fuzzRequire(viaLent == viaDecoder, "lent \(viaLent) ≠ value \(viaDecoder) for \(data.debugDescription)")
    return 0
}
