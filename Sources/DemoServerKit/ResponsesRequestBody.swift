import Foundation

/// The part of a Responses request body the demo server reads: `model`, `input` (a string, or messages whose
/// `content` is a string or `input_text`/`output_text` parts), `instructions`, `stream`, `max_output_tokens`,
/// `background`. Unknown fields are ignored; a missing or empty `input` is refused with a readable reason.
struct ResponsesRequestBody: Decodable, Sendable {
    /// One input message.
    struct Message: Decodable, Sendable {
        var role: String
        var content: String

        private enum CodingKeys: String, CodingKey { case role, content }

        private struct Part: Decodable {
            var text: String?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            role = try container.decodeIfPresent(String.self, forKey: .role) ?? "user"
            if let text = try? container.decode(String.self, forKey: .content) {
                content = text
            } else {
                content = try container.decode([Part].self, forKey: .content).compactMap(\.text).joined(separator: "\n")
            }
        }

        init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    var model: String?
    var input: [Message]
    var instructions: String?
    var stream: Bool?
    var maxOutputTokens: Int?
    var background: Bool?

    private enum CodingKeys: String, CodingKey {
        case model, input, instructions, stream, background
        case maxOutputTokens = "max_output_tokens"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        if let text = try? container.decode(String.self, forKey: .input) {
            input = [Message(role: "user", content: text)]
        } else {
            input = try container.decode([Message].self, forKey: .input)
        }
        instructions = try container.decodeIfPresent(String.self, forKey: .instructions)
        stream = try container.decodeIfPresent(Bool.self, forKey: .stream)
        maxOutputTokens = try container.decodeIfPresent(Int.self, forKey: .maxOutputTokens)
        background = try container.decodeIfPresent(Bool.self, forKey: .background)
    }

    /// The prompt the demo model answers: the last user message (or the last message of any role).
    var prompt: String {
        (input.last(where: { $0.role == "user" }) ?? input.last)?.content ?? ""
    }

    /// All input text and the instructions, for the prompt's token count.
    var allText: String {
        ([instructions].compactMap { $0 } + input.map(\.content)).joined(separator: "\n")
    }

    /// Decodes and checks a request body.
    /// - Parameter body: The raw body.
    /// - Returns: The request.
    /// - Throws: `DemoRequestError` with a readable reason.
    static func decode(_ body: Data) throws(DemoRequestError) -> ResponsesRequestBody {
        guard !body.isEmpty else { throw DemoRequestError("The request body is empty; send a JSON Responses request.") }
        let request: ResponsesRequestBody
        do {
            request = try JSONDecoder().decode(ResponsesRequestBody.self, from: body)
        } catch {
            throw DemoRequestError("The request body is not a Responses request (it needs 'input').", param: "input")
        }
        guard !request.input.isEmpty else {
            throw DemoRequestError("'input' must hold at least one message.", param: "input")
        }
        if let limit = request.maxOutputTokens, limit < 1 {
            throw DemoRequestError("'max_output_tokens' must be at least 1.", param: "max_output_tokens")
        }
        return request
    }
}
