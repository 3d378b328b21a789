/// A Google API error object: `{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED"}`.
///
/// Decoding is lenient (a wrong type in one field drops that field), so a server's error always reaches the user as
/// its own message. The status becomes the error's type and the HTTP code its code, which is what
/// `ChatWireError.isRateLimit` and `isAuthentication` read.
struct GeminiErrorBody: Decodable {
    var code: Int?
    var message: String?
    var status: String?

    enum CodingKeys: String, CodingKey {
        case code, message, status
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else { return }
        code = try? container.decodeIfPresent(Int.self, forKey: .code)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        status = try? container.decodeIfPresent(String.self, forKey: .status)
    }

    /// The error to throw for it.
    var wireError: ChatWireError {
        .serverError(message: message ?? "unknown error", type: status, code: code.map(String.init))
    }
}
