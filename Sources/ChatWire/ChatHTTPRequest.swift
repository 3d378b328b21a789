import Foundation

/// An HTTP request to make, in pure values (no `URLRequest`), so that building it needs no networking module.
///
/// Its `description` (and `dump` output) shows secret header values as `<redacted>`: an API key never reaches a log.
package struct ChatHTTPRequest: Sendable, Equatable {
    /// The URL to request.
    package var url: URL
    /// The HTTP method, `"GET"` or `"POST"`.
    package var method: String
    /// The header fields to send, in order.
    package var headers: [ChatHTTPHeader]
    /// The body to send, if any.
    package var body: Data?

    /// Creates a request.
    /// - Parameters:
    ///   - url: The URL to request.
    ///   - method: The HTTP method.
    ///   - headers: The header fields to send.
    ///   - body: The body to send.
    package init(url: URL, method: String, headers: [ChatHTTPHeader] = [], body: Data? = nil) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }

    /// The value of the first header field with this name, compared case-insensitively.
    /// - Parameter name: The field name.
    /// - Returns: The value, or `nil` when the request has no such field.
    package func value(forHeader name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

extension ChatHTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package var description: String {
        let fields = redactedHeaders.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
        return "\(method) \(url.absoluteString) [\(fields)] body: \(body?.count ?? 0) bytes"
    }

    package var debugDescription: String { description }

    package var customMirror: Mirror {
        Mirror(
            self,
            children: ["url": url, "method": method, "headers": redactedHeaders, "bodyBytes": body?.count ?? 0],
            displayStyle: .struct
        )
    }

    private var redactedHeaders: [ChatHTTPHeader] {
        headers.map { $0.isSecret ? ChatHTTPHeader(name: $0.name, value: "<redacted>") : $0 }
    }
}
