/// Oracle: whenever `GeminiChunkFastPath` answers, its events and the usage it keeps equal the full JSONDecoder
/// path's (both starting from a usage an earlier chunk reported); when it gives up it emitted nothing and left the
/// usage alone; the public `GeminiStreamDecoder` always equals the full decoder (blank data excepted, which it
/// skips); nothing crashes.
///
/// The input is the `data` of one SSE event, decoded as UTF-8 with invalid bytes replaced (as `ServerSentEvent`
/// holds it); `decode(lent:)` on the raw bytes, as the chat client decodes them, must give the same. Comparison as in `Tests/ChatWireTests/FastPathEquivalenceTests.swift`: events, or the `ChatWireError`.
import SSE

@testable import ChatWire

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let earlier = ChatUsage(promptTokens: 1, completionTokens: 2, totalTokens: 3)

    var fullUsage: ChatUsage? = earlier
    let full = fuzzOutcome(ChatWireError.self) {
        try GeminiStreamDecoder.decodeChunks(data, usage: &fullUsage, emit: $0)
    }
    var copy = data
    var fastUsage: ChatUsage? = earlier
    var fastEvents: [ChatEvent] = []
    let handled = copy.withUTF8 { buffer in
        GeminiChunkFastPath.decode(UnsafeRawBufferPointer(buffer), usage: &fastUsage) { fastEvents.append($0) }
    }
    if handled {
        fuzzRequire(full == .events(fastEvents), "fast \(fastEvents) ≠ full \(full) for \(data.debugDescription)")
        fuzzRequire(fastUsage == fullUsage, "fast usage \(fastUsage as Any) ≠ full \(fullUsage as Any)")
    } else {
        fuzzRequire(fastEvents.isEmpty, "fast path gave up after emitting \(fastEvents)")
        fuzzRequire(fastUsage == earlier, "fast path gave up after changing the usage to \(fastUsage as Any)")
    }

    var fresh = GeminiStreamDecoder()
    let freshFull = fuzzOutcome(ChatWireError.self) { try fresh.decodeFull(data, emit: $0) }
    var decoder = GeminiStreamDecoder()
    let viaDecoder = fuzzOutcome(ChatWireError.self) { try decoder.decode(ServerSentEvent(data: data), emit: $0) }
    let expected: FuzzOutcome<ChatEvent, ChatWireError> = isJSONBlank(data) ? .events([]) : freshFull
    fuzzRequire(viaDecoder == expected, "decoder \(viaDecoder) ≠ \(expected) for \(data.debugDescription)")

    // The chat client decodes the parser's raw bytes (`decode(lent:)`): the same as the value path for every input.
    var lentDecoder = GeminiStreamDecoder()
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let viaLent = fuzzOutcome(ChatWireError.self) {
        try lentDecoder.decode(lent: SSELentEvent(type: "message", data: raw, eventID: SSEEventID()), emit: $0)
    }
    fuzzRequire(viaLent == viaDecoder, "lent \(viaLent) ≠ value \(viaDecoder) for \(data.debugDescription)")
    return 0
}
