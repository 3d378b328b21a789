import Foundation

/// The OpenAI-compatible chat completions format: OpenAI, DeepSeek, Ollama's `/v1`, llama.cpp server, vLLM,
/// LM Studio, OpenRouter, Groq.
///
/// Request: `POST {base}/chat/completions` (a base already ending in `/chat/completions` is used as is; a base with
/// no path gets `/v1/chat/completions`), with
/// `{"model":…,"messages":[{"role":…,"content":…}…],"stream":true,"stream_options":{"include_usage":true}}`,
/// `Content-Type: application/json` and `Authorization: Bearer KEY` when there is a key. The members of
/// `extraBody` (`temperature`, `top_p`, …) follow the format's own.
package struct OpenAIWireFormat: ChatWireFormat {
    /// Creates the format.
    package init() {}

    package func makeRequest(_ parameters: ChatRequestParameters) throws -> ChatHTTPRequest {
        let url = try EndpointURL.join(
            parameters.baseURL,
            complete: "/chat/completions",
            suffix: "/chat/completions",
            rootSuffix: "/v1/chat/completions"
        )
        var members: [JSONValue.Member] = []
        if let model = parameters.model { members.append(.init("model", .string(model))) }
        let messages = parameters.messages.map { message in
            JSONValue.object([
                .init("role", .string(message.role.rawValue)), .init("content", .string(message.content)),
            ])
        }
        members.append(.init("messages", .array(messages)))
        members.append(.init("stream", .bool(true)))
        if parameters.includeUsage {
            members.append(.init("stream_options", .object([.init("include_usage", .bool(true))])))
        }
        if let maxTokens = parameters.maxTokens { members.append(.init("max_tokens", .int(maxTokens))) }

        var headers = [ChatHTTPHeader(name: "Content-Type", value: "application/json")]
        if let key = parameters.apiKey, !key.isEmpty {
            headers.append(ChatHTTPHeader(name: "Authorization", value: "Bearer \(key)"))
        }
        headers += parameters.extraHeaders
        return ChatHTTPRequest(
            url: url,
            method: "POST",
            headers: headers,
            body: JSONValue.object(parameters.withExtraBody(members)).serialized()
        )
    }

    package func makeDecoder() -> any ChatStreamDecoder {
        OpenAIStreamDecoder()
    }

    package var readsCompleteReplies: Bool { true }

    package func decodeCompleteReply(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        try OpenAICompletion.decode(body, emit: emit)
    }
}
