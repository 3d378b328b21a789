import Foundation

/// The Google Gemini API format (`generateContent`, streamed).
///
/// Request: `POST {base}/models/{model}:streamGenerateContent?alt=sse` (a base with no path gets `/v1beta`; a
/// model named `models/…` loses that prefix), with
/// `{"contents":[{"role":"user"|"model","parts":[{"text":…}]}…],"systemInstruction":{"parts":[{"text":…}]},
/// "generationConfig":{"maxOutputTokens":…,…}}`, `content-type: application/json` and `x-goog-api-key` when there
/// is a key. System messages are joined with a blank line into `systemInstruction`. The members of `extraBody`
/// are placed by `GeminiRequestMembers`: sampling parameters go into `generationConfig` under Gemini's names.
package struct GeminiWireFormat: ChatWireFormat {
    /// The base URL of Google's API.
    package static let defaultBaseURL = "https://generativelanguage.googleapis.com/v1beta"

    /// Creates the format.
    package init() {}

    package func makeRequest(_ parameters: ChatRequestParameters) throws -> ChatHTTPRequest {
        guard let model = parameters.model.map(Self.bareModelName), !model.isEmpty else {
            throw ChatWireError.invalidRequest("the Gemini API needs a model name (--model)")
        }
        let encoded = model.addingPercentEncoding(withAllowedCharacters: EndpointURL.unreserved) ?? model
        let method = "/models/\(encoded):streamGenerateContent"
        var url = try EndpointURL.join(
            parameters.baseURL,
            complete: method,
            suffix: method,
            rootSuffix: "/v1beta" + method
        )
        url = try EndpointURL.adding(query: "alt", value: "sse", to: url)

        let system = parameters.messages.filter { $0.role == .system }.map(\.content).filter { !$0.isEmpty }
        let turns = parameters.messages.filter { $0.role != .system && !$0.content.isEmpty }
        guard !turns.isEmpty else { throw ChatWireError.invalidRequest("no message to send") }
        let contents = turns.map { message in
            JSONValue.object([
                .init("role", .string(message.role == .assistant ? "model" : "user")),
                .init("parts", .array([.object([.init("text", .string(message.content))])])),
            ])
        }
        var members: [JSONValue.Member] = [.init("contents", .array(contents))]
        if !system.isEmpty {
            let text = JSONValue.object([.init("text", .string(system.joined(separator: "\n\n")))])
            members.append(.init("systemInstruction", .object([.init("parts", .array([text]))])))
        }
        members += GeminiRequestMembers.placed(maxTokens: parameters.maxTokens, extraBody: parameters.extraBody)

        var headers = [ChatHTTPHeader(name: "content-type", value: "application/json")]
        if let key = parameters.apiKey, !key.isEmpty {
            headers.append(ChatHTTPHeader(name: "x-goog-api-key", value: key))
        }
        headers += parameters.extraHeaders
        return ChatHTTPRequest(url: url, method: "POST", headers: headers, body: JSONValue.object(members).serialized())
    }

    package func makeDecoder() -> any ChatStreamDecoder {
        GeminiStreamDecoder()
    }

    /// `name` without a leading `models/` (the form the model list gives).
    static func bareModelName(_ name: String) -> String {
        name.hasPrefix("models/") ? String(name.dropFirst("models/".count)) : name
    }
}
