/// The server side of the OpenAI chat-completions format, built as text: the bodies a compatible server sends
/// (streaming chunks, a non-streaming completion, the model list, an error). One streaming chunk per token must cost
/// a string concatenation, not a `JSONEncoder` run. `OpenAIStreamDecoder` reads every chunk written here.
///
/// ```
///  {"id":"chatcmpl-…","object":"chat.completion.chunk","created":…,"model":"ssechat-demo",
///   "choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}
/// ```
package struct OpenAIResponseText: Sendable {
    /// The completion id, e.g. `chatcmpl-<generation id>`.
    package let completionID: String
    /// Seconds since 1970 when the reply started.
    package let created: Int
    /// The model name reported.
    package let model: String

    /// Creates the writer of one reply's bodies.
    /// - Parameters:
    ///   - completionID: The completion id every body carries.
    ///   - created: Seconds since 1970 when the reply started.
    ///   - model: The model name reported.
    package init(completionID: String, created: Int, model: String) {
        self.completionID = completionID
        self.created = created
        self.model = model
    }

    /// `{"id":…,"object":…,"created":…,"model":…,` — the start every body of this reply shares.
    private func head(object: String) -> String {
        #"{"id":"# + JSONString.quoted(completionID) + #","object":""# + object + #"","created":"# + String(created)
            + #","model":"# + JSONString.quoted(model) + ","
    }

    private var chunkPrefix: String {
        head(object: "chat.completion.chunk") + #""choices":[{"index":0,"delta":"#
    }

    /// The first chunk: the assistant role with empty content.
    package var roleChunk: String {
        chunkPrefix + #"{"role":"assistant","content":""},"finish_reason":null}]}"#
    }

    /// A chunk carrying one piece of the answer.
    /// - Parameter token: The text.
    /// - Returns: The chunk.
    package func contentChunk(_ token: String) -> String {
        chunkPrefix + #"{"content":"# + JSONString.quoted(token) + #"},"finish_reason":null}]}"#
    }

    /// The last content-less chunk, with the finish reason.
    /// - Parameter finishReason: Why the model stopped, e.g. `"stop"` or `"length"`.
    /// - Returns: The chunk.
    package func finalChunk(finishReason: String) -> String {
        chunkPrefix + #"{},"finish_reason":"# + JSONString.quoted(finishReason) + "}]}"
    }

    /// The usage chunk sent when `stream_options.include_usage` is set: no choices, token counts.
    /// - Parameter usage: The counts; see `usageObject(_:)`.
    /// - Returns: The chunk.
    package func usageChunk(_ usage: ChatUsage) -> String {
        head(object: "chat.completion.chunk") + #""choices":[],"usage":"# + Self.usageObject(usage) + "}"
    }

    /// A complete non-streaming `chat.completion` body.
    /// - Parameters:
    ///   - content: The whole answer.
    ///   - finishReason: Why the model stopped.
    ///   - usage: The token counts; see `usageObject(_:)`.
    /// - Returns: The body.
    package func completion(content: String, finishReason: String, usage: ChatUsage) -> String {
        head(object: "chat.completion") + #""choices":[{"index":0,"message":{"role":"assistant","content":"#
            + JSONString.quoted(content) + #"},"finish_reason":"# + JSONString.quoted(finishReason) + #"}],"usage":"#
            + Self.usageObject(usage) + "}"
    }

    /// The `/v1/models` body listing one model.
    /// - Parameter model: The model's id.
    /// - Returns: The body.
    package static func modelList(model: String) -> String {
        #"{"object":"list","data":[{"id":"# + JSONString.quoted(model)
            + #","object":"model","created":0,"owned_by":"ssechat"}]}"#
    }

    /// An error body: `{"error":{"message":…,"type":…,"param":…,"code":…}}` (what `OpenAIErrorBody` reads).
    /// - Parameters:
    ///   - message: One readable sentence.
    ///   - type: The error type, e.g. `invalid_request_error`.
    ///   - param: The offending request parameter, or `nil`.
    ///   - code: A machine-readable code, or `nil`.
    /// - Returns: The body.
    package static func errorBody(message: String, type: String, param: String? = nil, code: String? = nil) -> String {
        let param = param.map(JSONString.quoted) ?? "null"
        let code = code.map(JSONString.quoted) ?? "null"
        return #"{"error":{"message":"# + JSONString.quoted(message) + #","type":"# + JSONString.quoted(type)
            + #","param":\#(param),"code":\#(code)}}"#
    }

    /// `{"prompt_tokens":…,"completion_tokens":…,"total_tokens":…}`: a missing count is 0, a missing total the sum.
    private static func usageObject(_ usage: ChatUsage) -> String {
        let prompt = usage.promptTokens ?? 0
        let completion = usage.completionTokens ?? 0
        let total = usage.totalTokens ?? prompt + completion
        return #"{"prompt_tokens":\#(prompt),"completion_tokens":\#(completion),"total_tokens":\#(total)}"#
    }
}
