import ChatWire
import SSEClient

/// Why a reply failed, classified for exit codes, with one readable line.
package struct ChatClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure.
    package enum Kind: String, Sendable, Equatable, Codable {
        /// 401/403 or an authentication error in the stream.
        case authentication
        /// 429 or a rate-limit/quota error in the stream.
        case rateLimited
        /// The server could not be reached or the connection broke.
        case network
        /// The stream went silent for longer than the idle timeout.
        case timeout
        /// The server answered with an error (status, body or in-stream error object).
        case server
        /// The response was not what the format promises (not SSE, malformed chunks).
        case protocolViolation
        /// The request could not be built (bad URL or template).
        case invalidRequest
    }

    /// The class of failure.
    package var kind: Kind
    /// One line for the user (never holds the API key).
    package var message: String

    /// Creates an error.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { message }

    /// Classifies an `EventSource` failure, quoting the server's own error message when it sent one.
    package init(_ error: EventSourceError) {
        let serverMessage = error.responseBody.flatMap(ServerErrorMessage.extract)
        var message = error.description
        if let serverMessage { message += ": \(serverMessage)" }
        switch error.code {
        case .badStatus(401), .badStatus(403): self.init(.authentication, message)
        case .badStatus(429): self.init(.rateLimited, message)
        case .badStatus:
            self.init(Self.kind(ofGoogleStatuses: error.responseBody.map(ServerErrorMessage.googleStatuses)), message)
        case .badContentType:
            self.init(.protocolViolation, serverMessage == nil ? message + Self.bodyHint(error.responseBody) : message)
        case .idleTimeout: self.init(.timeout, message)
        case .hostUnreachable, .network, .tls: self.init(.network, message)
        case .redirectWithoutLocation, .tooManyRedirects, .streamTooLarge: self.init(.protocolViolation, message)
        case .invalidURL: self.init(.invalidRequest, message)
        }
    }

    /// Classifies a wire-format failure.
    package init(_ error: ChatWireError) {
        if error.isAuthentication {
            self.init(.authentication, error.description)
        } else if error.isRateLimit {
            self.init(.rateLimited, error.description)
        } else {
            switch error.code {
            case .serverError: self.init(.server, error.description)
            case .malformedChunk: self.init(.protocolViolation, error.description)
            default: self.init(.invalidRequest, error.description)
            }
        }
    }

    /// Classifies any error a reply can meet (`EventSourceError`, `ChatWireError`, or anything else as a protocol
    /// violation).
    package init(_ error: any Error) {
        switch error {
        case let error as ChatClientError: self = error
        case let error as EventSourceError: self.init(error)
        case let error as ChatWireError: self.init(error)
        default: self.init(.protocolViolation, "\(error)")
        }
    }

    /// Google answers some refusals with another HTTP status than 401/403/429 (an invalid key is a 400 with the
    /// reason `API_KEY_INVALID`): its statuses decide, else the failure is the server's.
    private static func kind(ofGoogleStatuses statuses: [String]?) -> Kind {
        let statuses = Set(statuses ?? [])
        if !statuses.isDisjoint(with: ["UNAUTHENTICATED", "PERMISSION_DENIED", "API_KEY_INVALID"]) {
            return .authentication
        }
        if statuses.contains("RESOURCE_EXHAUSTED") { return .rateLimited }
        return .server
    }

    private static func bodyHint(_ body: String?) -> String {
        guard let body, body.lowercased().contains("<html") else { return "" }
        return " (an HTML page: is the URL right?)"
    }
}
