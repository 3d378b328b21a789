import Foundation

/// A complete Responses `response` object (a server that ignored `stream: true`), read as the events a stream of it
/// would have given.
///
/// ```
///  {"status":"completed","output":[{"type":"reasoning","summary":[{"type":"summary_text","text":"Hmm"}]},
///   {"type":"message","content":[{"type":"output_text","text":"Hi"}]}],"usage":{…}}
///      → .reasoning("Hmm"), .text("Hi"), .usage(…), .done
///  {"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},…}  → …, .finishReason(reason), .done
///                                                    (a reason ChatFinishReason does not know: .incomplete(reason))
///  {"status":"failed","error":{…}} or {"error":{"message":…}}                     → throws serverError
/// ```
enum ResponsesCompleteReply {
    /// Decodes `body` and emits its events.
    /// - Throws: `ChatWireError.malformedChunk` when the body is not a finished response, `.serverError` for a failed
    ///   one or an error object; rethrows `emit`'s errors.
    static func decode(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        let text = String(decoding: body, as: UTF8.self)
        let response = try ChunkJSON.decode(ResponsesObject.self, from: text)
        if response.status == "failed" || (response.status == nil && response.error?.message != nil) {
            throw response.failure
        }
        guard let output = response.output, response.status == "completed" || response.status == "incomplete" else {
            let status = response.status.map { "status \($0)" } ?? "no output"
            throw ChatWireError.malformedChunk(text, reason: "not a finished response (\(status))")
        }
        for item in output {
            for part in item.summary ?? [] where part.type == "summary_text" {
                if let text = part.text, !text.isEmpty { try emit(.reasoning(text)) }
            }
            for part in item.content ?? [] where part.type == "output_text" {
                if let text = part.text, !text.isEmpty { try emit(.text(text)) }
            }
        }
        if let usage = response.usage?.chatUsage { try emit(.usage(usage)) }
        if response.status == "completed" {
            try emit(.done)
        } else {
            for end in response.incompleteEnd { try emit(end) }
        }
    }
}
