/// Oracle: whenever `OpenAIChunkFastPath` answers (alone, or resuming after a prefix it kept), its events equal the
/// full JSONDecoder path's (after a template it kept, too); the public `OpenAIStreamDecoder` always equals the full decoder (blank data excepted,
/// which it skips); nothing crashes.
///
/// The input is the `data` of one SSE event, decoded as UTF-8 with invalid bytes replaced (as `ServerSentEvent`
/// holds it). The chat client decodes the parser's raw bytes instead (`decode(lent:)`), which must give the same
/// for every input. Comparison as in `Tests/ChatWireTests/FastPathEquivalenceTests.swift`: events, or the
/// `ChatWireError`.
import SSE

@testable import ChatWire

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let full = fuzzOutcome(ChatWireError.self) { try OpenAIStreamDecoder.decodeFull(data, emit: $0) }

    // The fast path alone, then resuming after a prefix: the one a chunk of the usual shape leaves, and the one this
    // input itself leaves (so when it is accepted, it is decoded a second time from its own prefix).
    var copy = data
    let usual = #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}"#
    var primed: OpenAIChunkFastPath.Prefix?
    var usualCopy = usual
    _ = usualCopy.withUTF8 { OpenAIChunkFastPath.decode(UnsafeRawBufferPointer($0), prefix: &primed) { _ in } }
    var fresh: OpenAIChunkFastPath.Prefix?
    func checkFastPath(_ prefix: inout OpenAIChunkFastPath.Prefix?) {
        var fastEvents: [ChatEvent] = []
        let handled = copy.withUTF8 { buffer in
            OpenAIChunkFastPath.decode(UnsafeRawBufferPointer(buffer), prefix: &prefix) { fastEvents.append($0) }
        }
        if handled {
            fuzzRequire(full == .events(fastEvents), "fast \(fastEvents) ≠ full \(full) for \(data.debugDescription)")
        } else {
            fuzzRequire(fastEvents.isEmpty, "fast path gave up after emitting \(fastEvents)")
        }
    }
    checkFastPath(&fresh)
    checkFastPath(&primed)
    checkFastPath(&fresh)

    // The templates: a text-only chunk's bytes around this input, bare and quoted, in the place of its `content`
    // string, and a reasoning-only chunk's around it quoted (so the string scanned there is valid, invalid, or
    // followed by other bytes).
    let (before, after) = (
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"delta":{"content":"#, "}}]}"
    )
    var templated: OpenAIChunkFastPath.Prefix?
    var seed = before + #""x""# + after
    _ = seed.withUTF8 { OpenAIChunkFastPath.decode(UnsafeRawBufferPointer($0), prefix: &templated) { _ in } }
    fuzzRequire(templated?.hasTemplate == true, "no template from \(seed)")
    let reasoning = #"{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"delta":{"reasoning":"#
    var reasoningSeed = reasoning + #""x""# + after
    var reasoned: OpenAIChunkFastPath.Prefix?
    _ = reasoningSeed.withUTF8 { OpenAIChunkFastPath.decode(UnsafeRawBufferPointer($0), prefix: &reasoned) { _ in } }
    fuzzRequire(reasoned?.hasTemplate == true, "no template from \(reasoningSeed)")
    for (framed, template) in [
        (before + data + after, templated), (before + "\"" + data + "\"" + after, templated),
        (reasoning + "\"" + data + "\"" + after, reasoned),
    ] {
        var template = template
        let expected = fuzzOutcome(ChatWireError.self) { try OpenAIStreamDecoder.decodeFull(framed, emit: $0) }
        var framedCopy = framed
        var fastEvents: [ChatEvent] = []
        let handled = framedCopy.withUTF8 { buffer in
            OpenAIChunkFastPath.decode(UnsafeRawBufferPointer(buffer), prefix: &template) { fastEvents.append($0) }
        }
        if handled { fuzzRequire(expected == .events(fastEvents), "template \(fastEvents) ≠ full \(expected)") }
    }

    var decoder = OpenAIStreamDecoder()
    let viaDecoder = fuzzOutcome(ChatWireError.self) { try decoder.decode(ServerSentEvent(data: data), emit: $0) }
    let isDone = trimmingJSONBlank(Array(data.utf8)).elementsEqual("[DONE]".utf8)
    let expected: FuzzOutcome<ChatEvent, ChatWireError> =
        isDone ? .events([.done]) : isJSONBlank(data) ? .events([]) : full
    fuzzRequire(viaDecoder == expected, "decoder \(viaDecoder) ≠ \(expected) for \(data.debugDescription)")

    var lentDecoder = OpenAIStreamDecoder()
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let viaLent = fuzzOutcome(ChatWireError.self) {
        try lentDecoder.decode(lent: SSELentEvent(type: "message", data: raw, eventID: SSEEventID()), emit: $0)
    }
    fuzzRequire(viaLent == viaDecoder, "lent \(viaLent) ≠ value \(viaDecoder) for \(data.debugDescription)")
    return 0
}
