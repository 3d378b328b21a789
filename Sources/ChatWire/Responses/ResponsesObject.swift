/// The parts of a Responses `response` object that ssechat reads, in a stream's lifecycle events and in a
/// complete (non-streamed) reply.
///
/// ```
///  {"id":"resp_…","object":"response","status":"completed"|"incomplete"|"failed"|"in_progress"|"queued",
///   "background":true,"incomplete_details":{"reason":"max_output_tokens"},"error":{"code":…,"message":…},
///   "output":[{"type":"reasoning","summary":[{"type":"summary_text","text":…}]},
///             {"type":"message","content":[{"type":"output_text","text":…}]}],
///   "usage":{"input_tokens":…,"output_tokens":…,"total_tokens":…}}
/// ```
struct ResponsesObject: Decodable {
    struct IncompleteDetails: Decodable {
        var reason: String?
    }

    struct Usage: Decodable {
        var inputTokens: Int?
        var outputTokens: Int?
        var totalTokens: Int?

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case totalTokens = "total_tokens"
        }

        /// As a provider-neutral report, or `nil` when it counts nothing.
        var chatUsage: ChatUsage? {
            guard inputTokens != nil || outputTokens != nil || totalTokens != nil else { return nil }
            return ChatUsage(promptTokens: inputTokens, completionTokens: outputTokens, totalTokens: totalTokens)
        }
    }

    /// One part of an output item: `output_text` in a message's `content`, `summary_text` in a reasoning summary.
    struct Part: Decodable {
        var type: String?
        var text: String?
    }

    struct OutputItem: Decodable {
        var type: String?
        var content: [Part]?
        var summary: [Part]?
    }

    var id: String?
    var status: String?
    var background: Bool?
    var incompleteDetails: IncompleteDetails?
    var error: OpenAIErrorBody?
    var output: [OutputItem]?
    var usage: Usage?

    enum CodingKeys: String, CodingKey {
        case id, status, background, error, output, usage
        case incompleteDetails = "incomplete_details"
    }

    /// The reason of an incomplete response, as the server gave it.
    var incompleteReason: String {
        incompleteDetails?.reason.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown reason"
    }

    /// The events that end an incomplete response: a reason the finish-reason table knows (`max_output_tokens`,
    /// `content_filter`) is reported as that finish reason, so the reply ends as it would in any other format (cut at
    /// the token limit, or stopped by the server); any other leaves the reply incomplete.
    var incompleteEnd: [ChatEvent] {
        let reason = incompleteReason
        return ChatFinishReason.endsShort(reason) ? [.finishReason(reason), .done] : [.incomplete(reason)]
    }

    /// The error of a failed response.
    var failure: ChatWireError {
        guard let error, error.message != nil || error.code != nil else {
            return .serverError(message: "the response failed")
        }
        return .serverError(message: error.message ?? "the response failed", code: error.code)
    }
}
