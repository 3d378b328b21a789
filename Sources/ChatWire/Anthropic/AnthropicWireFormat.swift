import Foundation

/// The Anthropic Messages format.
///
/// Request: `POST {base}/v1/messages` (a base ending in `/v1` gets `/messages`, one ending in `/v1/messages` is
/// used as is), with `{"model":…,"max_tokens":…,"stream":true,"system":…,"messages":[…]}`; system messages are
/// joined with a blank line into `system`, and only user and assistant messages go in `messages`. Headers:
/// `content-type: application/json`, `anthropic-version: 2023-06-01`, and `x-api-key` when there is a key. The
/// members of `extraBody` (`temperature`, `top_k`, …) follow the format's own.
package struct AnthropicWireFormat: ChatWireFormat {
    /// The API version sent in `anthropic-version`.
    package static let apiVersion = "2023-06-01"

    /// Creates the format.
    package init() {}

    package func makeRequest(_ parameters: ChatRequestParameters) throws -> ChatHTTPRequest {
        let url = try EndpointURL.join(
            parameters.baseURL,
            complete: "/v1/messages",
            partial: [(end: "/v1", append: "/messages")],
            suffix: "/v1/messages",
            rootSuffix: "/v1/messages"
        )
        guard let model = parameters.model, !model.isEmpty else {
            throw ChatWireError.invalidRequest("the Anthropic API needs a model name (--model)")
        }
        let system = parameters.messages.filter { $0.role == .system }.map(\.content).filter { !$0.isEmpty }
        var turns = parameters.messages.filter { $0.role != .system && !$0.content.isEmpty }
        // The API refuses a final assistant message (a prefill, e.g. for /continue) that ends in whitespace.
        if let last = turns.indices.last, turns[last].role == .assistant {
            while let character = turns[last].content.last, character.isWhitespace {
                turns[last].content.removeLast()
            }
            if turns[last].content.isEmpty { turns.removeLast() }
        }
        guard !turns.isEmpty else { throw ChatWireError.invalidRequest("no message to send") }

        var members: [JSONValue.Member] = [
            .init("model", .string(model)),
            .init("max_tokens", .int(parameters.maxTokens ?? ChatRequestParameters.defaultAnthropicMaxTokens)),
            .init("stream", .bool(true)),
        ]
        if !system.isEmpty { members.append(.init("system", .string(system.joined(separator: "\n\n")))) }
        let messages = turns.map { message in
            JSONValue.object([
                .init("role", .string(message.role.rawValue)), .init("content", .string(message.content)),
            ])
        }
        members.append(.init("messages", .array(messages)))

        var headers = [
            ChatHTTPHeader(name: "content-type", value: "application/json"),
            ChatHTTPHeader(name: "anthropic-version", value: Self.apiVersion),
        ]
        if let key = parameters.apiKey, !key.isEmpty { headers.append(ChatHTTPHeader(name: "x-api-key", value: key)) }
        headers += parameters.extraHeaders
        return ChatHTTPRequest(
            url: url,
            method: "POST",
            headers: headers,
            body: JSONValue.object(parameters.withExtraBody(members)).serialized()
        )
    }

    package func makeDecoder() -> any ChatStreamDecoder {
        AnthropicStreamDecoder()
    }

    package var readsCompleteReplies: Bool { true }

    package func decodeCompleteReply(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        try AnthropicMessage.decode(body, emit: emit)
    }
}
