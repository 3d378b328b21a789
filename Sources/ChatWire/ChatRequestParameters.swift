import Foundation

/// Everything a wire format needs to build the request for one turn.
///
/// Fields a format does not use are ignored by it. Its `description` never shows the API key.
package struct ChatRequestParameters: Sendable {
    /// The server's base URL (`openai`, `anthropic`), or the plain-SSE URL (`sse`): a template where it holds
    /// `{prompt}`, sent as it is when neither it nor the body template does.
    ///
    /// `URL(string:)` percent-encodes the braces; the plain-SSE format accepts `%7Bprompt%7D` as the placeholder too.
    package var baseURL: URL
    /// The model to ask for; required by Anthropic, omitted from an OpenAI request when `nil`.
    package var model: String?
    /// The conversation so far, the new user message last.
    package var messages: [ChatMessage]
    /// The API key, sent as `Authorization: Bearer` (`openai`, `sse`) or `x-api-key` (`anthropic`) when not `nil`.
    package var apiKey: String?
    /// The reply's token limit: sent as `max_tokens`; Anthropic requires one and gets `defaultAnthropicMaxTokens`
    /// when this is `nil`.
    package var maxTokens: Int?
    /// Whether an OpenAI request asks for a usage report (`stream_options.include_usage`); turn it off for servers
    /// that refuse unknown fields.
    package var includeUsage: Bool
    /// The plain-SSE method: `"GET"` by default, `"POST"` when there is a body template.
    package var method: String?
    /// The plain-SSE body template, with `{prompt}` where the prompt goes (sent as it is when it has none).
    package var bodyTemplate: String?
    /// Extra header fields to send after the format's own.
    package var extraHeaders: [ChatHTTPHeader]
    /// Extra members of a JSON request body (`temperature`, `top_p`, …), added after the format's own; a name the
    /// format already wrote (`model`, `messages`, `stream`, `max_tokens`…) is skipped. Plain SSE ignores them.
    package var extraBody: [JSONValue.Member]
    /// Whether a Responses request asks the server to run the reply in the background and keep it
    /// (`background: true`, `store: true`), so that a dropped stream can be resumed; other formats ignore it.
    package var background: Bool

    /// The `max_tokens` an Anthropic request gets when `maxTokens` is `nil`.
    package static let defaultAnthropicMaxTokens = 4096

    /// Creates the parameters of one turn.
    /// - Parameters:
    ///   - baseURL: The base URL, or the plain-SSE URL template.
    ///   - model: The model to ask for.
    ///   - messages: The conversation, the new user message last.
    ///   - apiKey: The API key, if any.
    ///   - maxTokens: The reply's token limit.
    ///   - includeUsage: Whether an OpenAI request asks for a usage report.
    ///   - method: The plain-SSE method.
    ///   - bodyTemplate: The plain-SSE body template.
    ///   - extraHeaders: Extra header fields.
    ///   - extraBody: Extra members of a JSON request body.
    ///   - background: Whether a Responses reply runs in the background.
    package init(
        baseURL: URL,
        model: String? = nil,
        messages: [ChatMessage],
        apiKey: String? = nil,
        maxTokens: Int? = nil,
        includeUsage: Bool = true,
        method: String? = nil,
        bodyTemplate: String? = nil,
        extraHeaders: [ChatHTTPHeader] = [],
        extraBody: [JSONValue.Member] = [],
        background: Bool = false
    ) {
        self.baseURL = baseURL
        self.model = model
        self.messages = messages
        self.apiKey = apiKey
        self.maxTokens = maxTokens
        self.includeUsage = includeUsage
        self.method = method
        self.bodyTemplate = bodyTemplate
        self.extraHeaders = extraHeaders
        self.extraBody = extraBody
        self.background = background
    }

    /// The format's own body members followed by those of `extraBody` whose names are not taken yet.
    /// - Parameter members: The members the format wrote.
    /// - Returns: All the members to send.
    package func withExtraBody(_ members: [JSONValue.Member]) -> [JSONValue.Member] {
        var taken = Set(members.map(\.key))
        var all = members
        for member in extraBody where taken.insert(member.key).inserted {
            all.append(member)
        }
        return all
    }
}

extension ChatRequestParameters: CustomStringConvertible, CustomReflectable {
    package var description: String {
        "ChatRequestParameters(baseURL: \(baseURL.absoluteString), model: \(model ?? "nil"), "
            + "messages: \(messages.count), apiKey: \(apiKey == nil ? "nil" : "<redacted>"))"
    }

    package var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL, "model": model as Any, "messages": messages,
                "apiKey": apiKey == nil ? "nil" : "<redacted>", "maxTokens": maxTokens as Any,
                "extraBody": extraBody.map(\.key),
            ],
            displayStyle: .struct
        )
    }
}
