/// Why an `EventSource` stopped with an error. One readable line in `description`.
package struct EventSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package enum Code: Sendable, Equatable {
        /// The server answered with a status other than 200 or 204 (after redirects).
        case badStatus(Int)
        /// The response was not `text/event-stream`.
        case badContentType(String?)
        /// A 3xx response without a usable `Location`.
        case redirectWithoutLocation(Int)
        /// More redirects than the configuration allows.
        case tooManyRedirects
        /// The host name did not resolve, or nothing listens at the address.
        case hostUnreachable
        /// The TLS handshake or certificate check failed.
        case tls
        /// No bytes arrived for longer than the idle timeout.
        case idleTimeout
        /// The connection broke for another network reason.
        case network
        /// The stream broke the parser's limits (a line or an event too long).
        case streamTooLarge
        /// The URL cannot be requested.
        case invalidURL
    }

    /// What went wrong.
    package var code: Code
    /// The URL's host and port, for messages.
    package var endpoint: String
    /// Details: the server's own message, the underlying error, …
    package var detail: String?
    /// The response body (at most 64 KiB), for failed statuses and wrong content types.
    package var responseBody: String?
    /// The `Retry-After` header of a failed response, if any.
    package var retryAfter: String?

    /// Creates an error.
    package init(
        _ code: Code,
        endpoint: String,
        detail: String? = nil,
        responseBody: String? = nil,
        retryAfter: String? = nil
    ) {
        self.code = code
        self.endpoint = endpoint
        self.detail = detail
        self.responseBody = responseBody
        self.retryAfter = retryAfter
    }

    /// The HTTP status for `.badStatus`, else `nil`.
    package var status: Int? {
        if case .badStatus(let status) = code { return status }
        return nil
    }

    package var description: String {
        let base: String
        switch code {
        case .badStatus(let status): base = "\(endpoint) answered HTTP \(status)"
        case .badContentType(let type):
            base = "\(endpoint) did not answer with an event stream (Content-Type: \(type ?? "none"))"
        case .redirectWithoutLocation(let status): base = "\(endpoint) sent a \(status) redirect without a Location"
        case .tooManyRedirects: base = "\(endpoint) redirected too many times"
        case .hostUnreachable: base = "cannot reach \(endpoint)"
        case .tls: base = "TLS failed with \(endpoint)"
        case .idleTimeout: base = "\(endpoint) sent nothing for longer than the idle timeout"
        case .network: base = "connection to \(endpoint) failed"
        case .streamTooLarge: base = "\(endpoint) sent an oversized stream"
        case .invalidURL: base = "cannot request \(endpoint)"
        }
        guard let detail, !detail.isEmpty else { return base }
        return "\(base): \(detail)"
    }
}
