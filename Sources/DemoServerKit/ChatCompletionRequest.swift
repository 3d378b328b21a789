import Foundation

/// The part of an OpenAI chat-completions request body the demo server reads. Unknown fields are ignored; known
/// fields of the wrong type, malformed JSON and a missing or empty `messages` are refused with a readable reason.
struct ChatCompletionRequest: Decodable, Sendable {
    /// One chat message; `content` may be a string, an array of content parts, or null.
    struct Message: Decodable, Sendable {
        var role: String
        var content: String

        private enum CodingKeys: String, CodingKey { case role, content }

        private struct Part: Decodable {
            var type: String?
            var text: String?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            role = try container.decode(String.self, forKey: .role)
            if try container.decodeNil(forKey: .content) {
                content = ""
            } else if let text = try? container.decode(String.self, forKey: .content) {
                content = text
            } else {
                let parts = try container.decode([Part].self, forKey: .content)
                content = parts.compactMap(\.text).joined(separator: "\n")
            }
        }
    }

    struct StreamOptions: Decodable, Sendable {
        var includeUsage: Bool?
        private enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    var model: String?
    var messages: [Message]
    var stream: Bool?
    var streamOptions: StreamOptions?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var temperature: Double?
    var topP: Double?
    var n: Int?

    private enum CodingKeys: String, CodingKey {
        case model, messages, stream, temperature, n
        case streamOptions = "stream_options"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case topP = "top_p"
    }

    /// The prompt the demo model answers: the last user message (or the last message of any role).
    var prompt: String {
        (messages.last(where: { $0.role == "user" }) ?? messages.last)?.content ?? ""
    }

    /// All message text, for the prompt's token count.
    var allText: String {
        messages.map(\.content).joined(separator: "\n")
    }

    /// The reply length cap the request asks for.
    var tokenLimit: Int? { maxCompletionTokens ?? maxTokens }

    /// Decodes and checks a request body.
    /// - Parameter body: The raw body.
    /// - Returns: The request.
    /// - Throws: `DemoRequestError` with a readable reason.
    static func decode(_ body: Data) throws(DemoRequestError) -> ChatCompletionRequest {
        guard !body.isEmpty else { throw DemoRequestError("The request body is empty; send a JSON chat request.") }
        let request: ChatCompletionRequest
        do {
            request = try JSONDecoder().decode(ChatCompletionRequest.self, from: body)
        } catch let error as DecodingError {
            throw DemoRequestError(Self.describe(error))
        } catch {
            throw DemoRequestError("The request body is not valid JSON.")
        }
        guard !request.messages.isEmpty else {
            throw DemoRequestError("'messages' must hold at least one message.", param: "messages")
        }
        if let n = request.n, n != 1 { throw DemoRequestError("Only n = 1 is supported.", param: "n") }
        if let limit = request.tokenLimit, limit < 1 {
            throw DemoRequestError("'max_tokens' must be at least 1.", param: "max_tokens")
        }
        return request
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return "Missing required parameter: '\(field)'."
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return "The request body must be a JSON object."
        case .typeMismatch(let type, let context):
            return "Invalid type for '\(path(context.codingPath))': expected \(Self.jsonTypeName(type))."
        case .valueNotFound(let type, let context):
            return "Invalid value for '\(path(context.codingPath))': expected \(Self.jsonTypeName(type)), got null."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "The request body is not valid JSON."
                : "Invalid value for '\(path(context.codingPath))'."
        @unknown default:
            return "The request body could not be read."
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

/// A request the server refuses with 400: the reason, and the offending parameter when known.
struct DemoRequestError: Error, Sendable {
    var message: String
    var param: String?

    init(_ message: String, param: String? = nil) {
        self.message = message
        self.param = param
    }
}
