/// An OpenAI-style error object: `{"message":…,"type":…,"param":…,"code":…}`, or just a string.
///
/// Decoding is lenient (a wrong type in one field drops that field) so that a server's error always reaches the user
/// as its own message, never as "malformed chunk".
struct OpenAIErrorBody: Decodable {
    var message: String?
    var type: String?
    var code: String?

    enum CodingKeys: String, CodingKey {
        case message, type, code
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            message = text
            return
        }
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else { return }
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        type = try? container.decodeIfPresent(String.self, forKey: .type)
        if let text = try? container.decodeIfPresent(String.self, forKey: .code) {
            code = text
        } else if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
            code = String(number)
        }
    }

    /// The error to throw for it.
    var wireError: ChatWireError {
        .serverError(message: message ?? "unknown error", type: type, code: code)
    }
}
