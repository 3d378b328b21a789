/// Oracle: whenever `ResponsesTextDeltaFastPath` answers, its text equals the full JSONDecoder path's events and its
/// sequence number the one Foundation reads; the public `ResponsesStreamDecoder` always equals the full decoder
/// (blank data excepted, which it skips); an event the decoder accepted with a sequence number is dropped when it
/// comes again (a replay repeats nothing); nothing crashes.
///
/// The input is the `data` of one SSE event, decoded as UTF-8 with invalid bytes replaced (as `ServerSentEvent` holds
/// it; `decode(lent:)` on the raw bytes, as the chat client decodes them, must give the same). The SSE event name is picked by the input's length (`response.output_text.delta`, `message`,
/// `response.completed`, `error`, `response.reasoning_summary_text.delta`), since the decoder tries the fast path for
/// the first two and must follow the JSON `type` whenever there is one. Comparison as in
/// `Tests/ChatWireTests/FastPathEquivalenceTests.swift`.
import SSE

@testable import ChatWire

private let eventNames = [
    "response.output_text.delta", "message", "response.completed", "error", "response.reasoning_summary_text.delta",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let event = ServerSentEvent(type: eventNames[count % eventNames.count], data: data)
    var fullDecoder = ResponsesStreamDecoder()
    let full = fuzzOutcome(ChatWireError.self) { try fullDecoder.decodeFull(event, emit: $0) }
    let parsed = try? ChunkJSON.decode(ResponsesStreamEvent.self, from: data)

    var copy = data
    let scanned = copy.withUTF8 { buffer in ResponsesTextDeltaFastPath.scan(UnsafeRawBufferPointer(buffer)) }
    if let scanned {
        let fastEvents: [ChatEvent] = scanned.text.isEmpty ? [] : [.text(scanned.text)]
        fuzzRequire(full == .events(fastEvents), "fast \(fastEvents) ≠ full \(full) for \(data.debugDescription)")
        fuzzRequire(
            parsed?.sequenceNumber == scanned.sequenceNumber,
            "fast sequence \(String(describing: scanned.sequenceNumber)) ≠ \(String(describing: parsed?.sequenceNumber))"
        )
    }

    var decoder = ResponsesStreamDecoder()
    let viaDecoder = fuzzOutcome(ChatWireError.self) { try decoder.decode(event, emit: $0) }
    let expected: FuzzOutcome<ChatEvent, ChatWireError> = isJSONBlank(data) ? .events([]) : full
    fuzzRequire(
        viaDecoder == expected,
        "decoder \(viaDecoder) ≠ \(expected) for \(event.type) \(data.debugDescription)"
    )

    // The chat client decodes the parser's raw bytes (`decode(lent:)`): the same as the value path for every input.
    var lentDecoder = ResponsesStreamDecoder()
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let viaLent = fuzzOutcome(ChatWireError.self) {
        try lentDecoder.decode(lent: SSELentEvent(type: event.type, data: raw, eventID: SSEEventID()), emit: $0)
    }
    fuzzRequire(viaLent == viaDecoder, "lent \(viaLent) ≠ value \(viaDecoder) for \(data.debugDescription)")

    if case .events = viaDecoder, parsed?.sequenceNumber != nil {
        let again = fuzzOutcome(ChatWireError.self) { try decoder.decode(event, emit: $0) }
        fuzzRequire(again == .events([]), "a replayed event gave \(again) for \(data.debugDescription)")
    }
    return 0
}
