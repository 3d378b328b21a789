import ChatWire
import FlyingFox
import Foundation

/// The HTTP responses the demo server builds: JSON bodies, OpenAI-style errors and event streams.
enum DemoResponses {
    /// A JSON response.
    /// - Parameters:
    ///   - status: The HTTP status code.
    ///   - body: The JSON text.
    ///   - headers: Extra headers.
    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        var httpHeaders: HTTPHeaders = [.contentType: "application/json"]
        for (name, value) in headers { httpHeaders[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: statusCode(status), headers: httpHeaders, body: Data(body.utf8))
    }

    /// An OpenAI-style error response: `{"error":{"message":…,"type":…,"param":…,"code":…}}`.
    /// - Parameters:
    ///   - status: The HTTP status code.
    ///   - message: One readable sentence.
    ///   - type: The error type; derived from the status when `nil`.
    ///   - code: A machine-readable code, or `nil`.
    ///   - headers: Extra headers (e.g. `Retry-After`).
    static func error(
        _ status: Int,
        _ message: String,
        type: String? = nil,
        code: String? = nil,
        headers: [String: String] = [:]
    ) -> HTTPResponse {
        let type = type ?? defaultType(for: status)
        return json(status, OpenAIResponseText.errorBody(message: message, type: type, code: code), headers: headers)
    }

    /// A 400 for a request the server cannot read.
    static func badRequest(_ error: DemoRequestError) -> HTTPResponse {
        json(
            400,
            OpenAIResponseText.errorBody(message: error.message, type: "invalid_request_error", param: error.param)
        )
    }

    /// The response for an upstream that gave no reply: its own error body, or one built from the failure.
    static func upstreamFailure(_ failure: DemoUpstreamFailure) -> HTTPResponse {
        let headers = failure.retryAfter.map { ["Retry-After": $0] } ?? [:]
        if let body = failure.body { return json(failure.status, body, headers: headers) }
        return error(failure.status, failure.message, code: failure.code, headers: headers)
    }

    /// The chat page, with a fresh nonce for its inline script and style and a `Content-Security-Policy` that
    /// allows nothing else.
    static func page() -> HTTPResponse {
        var generator = SystemRandomNumberGenerator()
        let nonce = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
        return HTTPResponse(
            statusCode: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                HTTPHeader("Content-Security-Policy"): ChatPage.contentSecurityPolicy(nonce: nonce),
                HTTPHeader("X-Content-Type-Options"): "nosniff",
                HTTPHeader("Referrer-Policy"): "no-referrer",
            ],
            body: Data(ChatPage.html(nonce: nonce).utf8)
        )
    }

    /// A streaming response: `text/event-stream`, not cached, not buffered by proxies.
    static func eventStream(_ body: EventStreamBody) -> HTTPResponse {
        HTTPResponse(
            statusCode: .ok,
            headers: [
                .contentType: "text/event-stream",
                .cacheControl: "no-cache",
                HTTPHeader("X-Accel-Buffering"): "no",
            ],
            body: HTTPBodySequence(from: body, suggestedBufferSize: StreamSettings.maxWriteBytes)
        )
    }

    /// The status line for a code, with its usual reason phrase.
    static func statusCode(_ code: Int) -> HTTPStatusCode {
        let phrases = [
            200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
            413: "Content Too Large", 422: "Unprocessable Content", 429: "Too Many Requests",
            500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout",
        ]
        return HTTPStatusCode(code, phrase: phrases[code] ?? (code < 400 ? "OK" : "Error"))
    }

    private static func defaultType(for status: Int) -> String {
        switch status {
        case 401, 403: "authentication_error"
        case 404, 410: "not_found_error"
        case 429: "rate_limit_error"
        case 400..<500: "invalid_request_error"
        default: "server_error"
        }
    }
}
