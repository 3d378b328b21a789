import ChatWire

/// The server side of the Responses format, built as text: the event data and the response object the built-in
/// server sends. `ResponsesStreamDecoder` and `ResponsesCompleteReply` read everything written here.
///
/// Stream event data is written *open* — without its closing brace — because `EventWriter` appends
/// `,"sequence_number":N}` to each event as it numbers it:
/// ```
///  {"type":"response.output_text.delta","item_id":"msg_…","output_index":0,"content_index":0,"delta":"Hi"
///                                                          + ,"sequence_number":4}   (by the writer)
/// ```
struct ResponsesEventText: Sendable {
    /// The response id, `resp_<generation id>`.
    let responseID: String
    /// The message item id, `msg_<generation id>`.
    let itemID: String
    /// Seconds since 1970 when the reply started.
    let created: Int
    /// The model name reported.
    let model: String
    /// Whether the response runs in the background (and is kept).
    let background: Bool

    /// Creates the writer of one reply's texts.
    init(generationID: String, created: Int, model: String, background: Bool) {
        responseID = "resp_" + generationID
        itemID = "msg_" + generationID
        self.created = created
        self.model = model
        self.background = background
    }

    /// The response object: `status`, then the output text, the usage, and why it stopped short when it did.
    /// - Parameters:
    ///   - status: `queued`, `in_progress`, `completed`, `incomplete` or `cancelled`.
    ///   - text: The answer so far (`nil`: no output yet).
    ///   - usage: The token counts (`nil`: `null`).
    ///   - incompleteReason: The `incomplete_details.reason`, for an incomplete response.
    func response(status: String, text: String? = nil, usage: ChatUsage? = nil, incompleteReason: String? = nil)
        -> String
    {
        var output = "[]"
        if let text {
            output =
                #"[{"id":"# + JSONString.quoted(itemID) + #","type":"message","status":"completed","role":"assistant","#
                + #""content":[{"type":"output_text","text":"# + JSONString.quoted(text) + #","annotations":[]}]}]"#
        }
        let details = incompleteReason.map { #"{"reason":"# + JSONString.quoted($0) + "}" } ?? "null"
        return #"{"id":"# + JSONString.quoted(responseID) + #","object":"response","created_at":"# + String(created)
            + #","status":"# + JSONString.quoted(status) + #","background":"# + (background ? "true" : "false")
            + #","model":"# + JSONString.quoted(model) + #","output":"# + output + #","incomplete_details":"#
            + details + #","usage":"# + Self.usage(usage) + "}"
    }

    private static func usage(_ usage: ChatUsage?) -> String {
        guard let usage else { return "null" }
        let input = usage.promptTokens ?? 0
        let output = usage.completionTokens ?? 0
        return #"{"input_tokens":"# + String(input) + #","output_tokens":"# + String(output)
            + #","output_tokens_details":{"reasoning_tokens":0},"total_tokens":"# + String(input + output) + "}"
    }

    /// An open lifecycle event carrying the response object (`response.created`, `response.completed`…).
    func lifecycle(_ type: String, _ response: String) -> String {
        #"{"type":"# + JSONString.quoted(type) + #","response":"# + response
    }

    /// The open `response.output_item.added` event of the message item.
    var itemAdded: String {
        #"{"type":"response.output_item.added","output_index":0,"item":{"id":"# + JSONString.quoted(itemID)
            + #","type":"message","status":"in_progress","role":"assistant","content":[]}"#
    }

    /// The open `response.content_part.added` event of the output text.
    var partAdded: String {
        #"{"type":"response.content_part.added","item_id":"# + JSONString.quoted(itemID)
            + #","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}"#
    }

    /// The open `response.output_text.delta` event of one token.
    func textDelta(_ token: String) -> String {
        #"{"type":"response.output_text.delta","item_id":"# + JSONString.quoted(itemID)
            + #","output_index":0,"content_index":0,"delta":"# + JSONString.quoted(token) + #","logprobs":[]"#
    }

    /// The open `response.output_text.done` event with the whole text.
    func textDone(_ text: String) -> String {
        #"{"type":"response.output_text.done","item_id":"# + JSONString.quoted(itemID)
            + #","output_index":0,"content_index":0,"text":"# + JSONString.quoted(text)
    }
}
