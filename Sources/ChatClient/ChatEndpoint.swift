import ChatWire
import Foundation

/// Where a chat goes: the wire format, the server, the key and the model.
package struct ChatEndpoint: Sendable {
    /// The wire format.
    package var provider: ChatProviderKind
    /// The base URL (OpenAI: `…/v1`; Anthropic: the host; plain SSE: the URL, a template when it holds `{prompt}`).
    package var baseURL: URL
    /// The API key; never printed.
    package var apiKey: String?
    /// The model name, when the format takes one.
    package var model: String?
    /// The plain-SSE method (`GET` unless a body template is given).
    package var method: String?
    /// The plain-SSE body template.
    package var bodyTemplate: String?
    /// Extra request headers.
    package var extraHeaders: [ChatHTTPHeader] = []
    /// The reply's token limit (`max_tokens`), when set.
    package var maxTokens: Int?
    /// Extra members of the JSON request body (`temperature`, `top_p`, …).
    package var extraBody: [JSONValue.Member] = []
    /// Whether a Responses reply runs in the background, kept by the server so that a drop can be resumed
    /// (`--background`).
    package var background = false

    /// Creates an endpoint.
    package init(
        provider: ChatProviderKind,
        baseURL: URL,
        apiKey: String? = nil,
        model: String? = nil,
        method: String? = nil,
        bodyTemplate: String? = nil,
        extraHeaders: [ChatHTTPHeader] = [],
        maxTokens: Int? = nil,
        extraBody: [JSONValue.Member] = [],
        background: Bool = false
    ) {
        self.provider = provider
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.method = method
        self.bodyTemplate = bodyTemplate
        self.extraHeaders = extraHeaders
        self.maxTokens = maxTokens
        self.extraBody = extraBody
        self.background = background
    }

    /// Whether the requests carry the user's prompt: always, except for a plain-SSE endpoint whose URL and body
    /// template have no `{prompt}` (one that streams a fixed reply), which is sent as written.
    package var sendsPrompt: Bool {
        provider != .sse
            || PlainSSEWireFormat.sendsPrompt(urlTemplate: baseURL.absoluteString, bodyTemplate: bodyTemplate)
    }

    /// The streaming request for a conversation.
    /// - Parameter messages: The conversation so far, ending with the user's turn.
    /// - Returns: The request to send.
    /// - Throws: `ChatWireError` when the endpoint cannot express the request.
    package func makeRequest(for messages: [ChatMessage]) throws -> ChatHTTPRequest {
        try provider.wireFormat.makeRequest(parameters(for: messages))
    }

    /// The request that picks a dropped reply up again.
    /// - Parameters:
    ///   - messages: The conversation, as for `makeRequest(for:)`.
    ///   - point: Where the reply stopped.
    /// - Returns: The request to send (with `point.lastEventID` as `Last-Event-ID`).
    /// - Throws: `ChatWireError` when the endpoint cannot express the request.
    package func makeResumeRequest(for messages: [ChatMessage], from point: ChatResumePoint) throws -> ChatHTTPRequest {
        try provider.wireFormat.makeResumeRequest(parameters(for: messages), from: point)
    }

    /// The request that stops a reply the server keeps, or `nil` when the format has none.
    /// - Parameter replyID: The server's id of the reply.
    /// - Returns: The request.
    /// - Throws: `ChatWireError` when the URL is unusable.
    package func makeCancelRequest(replyID: String) throws -> ChatHTTPRequest? {
        try provider.wireFormat.makeCancelRequest(parameters(for: []), replyID: replyID)
    }

    private func parameters(for messages: [ChatMessage]) -> ChatRequestParameters {
        ChatRequestParameters(
            baseURL: baseURL,
            model: model,
            messages: messages,
            apiKey: apiKey,
            maxTokens: maxTokens,
            method: method,
            bodyTemplate: bodyTemplate,
            extraHeaders: extraHeaders,
            extraBody: extraBody,
            background: background
        )
    }
}
