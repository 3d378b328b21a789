/// The OpenAI chat-completions wire format, built as text: one streaming chunk per token must cost a string
/// concatenation, not a `JSONEncoder` run.
///
/// ```
///  {"id":"chatcmpl-…","object":"chat.completion.chunk","created":…,"model":"ssechat-demo",
///   "choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}
/// ```
struct OpenAIWire: Sendable {
    /// The completion id, `chatcmpl-<generation id>`.
    let completionID: String
    /// Seconds since 1970 when the reply started.
    let created: Int
    /// The model name reported.
    let model: String

    /// `{"id":…,"object":…,"created":…,"model":…,` — the start every body of this reply shares.
    private func head(object: String) -> String {
        #"{"id":"# + JSONText.quoted(completionID) + #","object":""# + object + #"","created":"# + String(created)
            + #","model":"# + JSONText.quoted(model) + ","
    }

    private var chunkPrefix: String {
        head(object: "chat.completion.chunk") + #""choices":[{"index":0,"delta":"#
    }

    /// The first chunk: the assistant role with empty content.
    var roleChunk: String {
        chunkPrefix + #"{"role":"assistant","content":""},"finish_reason":null}]}"#
    }

    /// A chunk carrying one token.
    func contentChunk(_ token: String) -> String {
        chunkPrefix + #"{"content":"# + JSONText.quoted(token) + #"},"finish_reason":null}]}"#
    }

    /// The last content-less chunk with the finish reason.
    func finalChunk(finishReason: String) -> String {
        chunkPrefix + #"{},"finish_reason":"# + JSONText.quoted(finishReason) + "}]}"
    }

    /// The usage chunk sent when `stream_options.include_usage` is set: no choices, token counts.
    func usageChunk(promptTokens: Int, completionTokens: Int) -> String {
        head(object: "chat.completion.chunk") + #""choices":[],"usage":"#
            + Self.usage(promptTokens: promptTokens, completionTokens: completionTokens) + "}"
    }

    /// A complete non-streaming `chat.completion` body.
    func completion(content: String, finishReason: String, promptTokens: Int, completionTokens: Int) -> String {
        head(object: "chat.completion") + #""choices":[{"index":0,"message":{"role":"assistant","content":"#
            + JSONText.quoted(content) + #"},"finish_reason":"# + JSONText.quoted(finishReason) + #"}],"usage":"#
            + Self.usage(promptTokens: promptTokens, completionTokens: completionTokens) + "}"
    }

    /// The `/v1/models` body listing one model.
    static func modelList(model: String) -> String {
        #"{"object":"list","data":[{"id":"# + JSONText.quoted(model)
            + #","object":"model","created":0,"owned_by":"ssechat"}]}"#
    }

    private static func usage(promptTokens: Int, completionTokens: Int) -> String {
        #"{"prompt_tokens":\#(promptTokens),"completion_tokens":\#(completionTokens),"#
            + #""total_tokens":\#(promptTokens + completionTokens)}"#
    }
}
