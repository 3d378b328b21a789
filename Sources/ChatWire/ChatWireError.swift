/// Why a wire format could not build a request or read a reply.
///
/// Its `description` is one readable sentence; text that came from the server (an error message, a chunk preview)
/// is shortened but otherwise kept as sent: whoever shows it sanitises it for where it goes.
package struct ChatWireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, for callers that react differently to each.
    package enum Code: Sendable, Equatable, Hashable {
        /// A chunk of the stream was not valid JSON, or not of the shape the format defines.
        case malformedChunk
        /// The server reported an error inside the stream.
        case serverError
        /// The URL is not usable (not http or https, no host, or not valid once the prompt was put in).
        case invalidURL
        /// The parameters cannot make a request (no model for Anthropic, no user message for plain SSE…).
        case invalidRequest
    }

    private enum Storage: Sendable, Equatable {
        case malformedChunk(preview: String, reason: String)
        case serverError(message: String, type: String?, code: String?)
        case invalidURL(String)
        case invalidRequest(String)
    }

    private let storage: Storage

    private init(_ storage: Storage) {
        self.storage = storage
    }

    /// A chunk that could not be decoded.
    /// - Parameters:
    ///   - data: The chunk's data; only its first 60 characters are kept.
    ///   - reason: What was wrong with it, e.g. `"not valid JSON"`.
    /// - Returns: The error.
    package static func malformedChunk(_ data: String, reason: String = "not valid JSON") -> ChatWireError {
        ChatWireError(.malformedChunk(preview: Self.shortened(data, limit: 60), reason: reason))
    }

    /// An error the server reported in the stream.
    /// - Parameters:
    ///   - message: The server's own message.
    ///   - type: The server's error type, e.g. `"overloaded_error"`.
    ///   - code: The server's error code, e.g. `"rate_limit_exceeded"`.
    /// - Returns: The error.
    package static func serverError(message: String, type: String? = nil, code: String? = nil) -> ChatWireError {
        ChatWireError(.serverError(message: message, type: type, code: code))
    }

    /// An unusable URL.
    /// - Parameter reason: What is wrong with it; never the URL itself, which may hold credentials.
    /// - Returns: The error.
    package static func invalidURL(_ reason: String) -> ChatWireError { ChatWireError(.invalidURL(reason)) }

    /// Parameters that cannot make a request.
    /// - Parameter reason: What is missing.
    /// - Returns: The error.
    package static func invalidRequest(_ reason: String) -> ChatWireError { ChatWireError(.invalidRequest(reason)) }

    /// The kind of failure.
    package var code: Code {
        switch storage {
        case .malformedChunk: .malformedChunk
        case .serverError: .serverError
        case .invalidURL: .invalidURL
        case .invalidRequest: .invalidRequest
        }
    }

    /// The server's own error message, for `serverError`; raw, so sanitise it before printing.
    package var serverMessage: String? {
        if case .serverError(let message, _, _) = storage { return message }
        return nil
    }

    /// The server's error type (`"overloaded_error"`, `"server_error"`…), for `serverError`.
    package var serverErrorType: String? {
        if case .serverError(_, let type, _) = storage { return type }
        return nil
    }

    /// The server's error code (`"rate_limit_exceeded"`, `"429"`…), for `serverError`.
    package var serverErrorCode: String? {
        if case .serverError(_, _, let code) = storage { return code }
        return nil
    }

    /// Whether a server error says the request was refused for rate or quota reasons (Google's status
    /// `RESOURCE_EXHAUSTED` too).
    package var isRateLimit: Bool {
        let words = [serverErrorType, serverErrorCode].compactMap { $0?.lowercased() }
        return words.contains {
            $0.contains("rate_limit") || $0.contains("quota") || $0 == "429" || $0 == "resource_exhausted"
        }
    }

    /// Whether a server error says the key was refused (Google's statuses `UNAUTHENTICATED` and
    /// `PERMISSION_DENIED` too).
    package var isAuthentication: Bool {
        let words = [serverErrorType, serverErrorCode].compactMap { $0?.lowercased() }
        return words.contains {
            $0.contains("authentication") || $0.contains("permission") || $0 == "unauthenticated"
                || $0 == "invalid_api_key" || $0 == "401" || $0 == "403"
        }
    }

    package var description: String {
        switch storage {
        case .malformedChunk(let preview, let reason):
            return "malformed chunk in the reply stream (\(reason)): \(preview)"
        case .serverError(let message, let type, let code):
            let text = Self.shortened(message.isEmpty ? "unknown error" : message, limit: 400)
            let details = [type, code.map { "code \($0)" }].compactMap { $0 }.filter { !$0.isEmpty }
            let suffix = details.isEmpty ? "" : " (\(Self.shortened(details.joined(separator: ", "), limit: 80)))"
            return "server error: \(text)\(suffix)"
        case .invalidURL(let reason):
            return "invalid URL: \(reason)"
        case .invalidRequest(let reason):
            return "invalid request: \(reason)"
        }
    }

    /// `text` cut to its first `limit` characters, with an ellipsis when anything was cut.
    private static func shortened(_ text: String, limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
