import ChatWire
import FlyingFox
import Foundation
import SSE
import Synchronization

/// Routes every request of a `DemoServer`: the status fault and the API-key check first, then the endpoints.
///
/// | Method | Path                    | What                                                        |
/// |--------|-------------------------|-------------------------------------------------------------|
/// | POST   | `/v1/chat/completions`  | OpenAI-compatible chat (streaming or not); resume with `Last-Event-ID` |
/// | GET    | `/v1/chat/completions`  | resume only (`Last-Event-ID` required)                      |
/// | GET    | `/v1/models`            | the model list                                              |
/// | GET    | `/chat?q=PROMPT`        | plain hand-written-style SSE; resume with `Last-Event-ID`    |
final class DemoRequestHandler: HTTPHandler, Sendable {
    let configuration: DemoServerConfiguration
    let store: GenerationStore
    let settings: StreamSettings
    private let connections = Atomic<UInt64>(0)

    init(configuration: DemoServerConfiguration, store: GenerationStore) {
        self.configuration = configuration
        self.store = store
        let lineEnding: SSEEncoder.LineEnding = configuration.faults.chunking == .midCRLF ? .crlf : .lf
        settings = StreamSettings(
            retryMilliseconds: configuration.retryMilliseconds,
            keepAliveInterval: configuration.keepAliveInterval,
            clock: configuration.clock,
            coalesce: configuration.coalesce,
            faults: configuration.faults,
            encoder: SSEEncoder(lineEnding: lineEnding),
            retention: configuration.retention
        )
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let status = configuration.faults.status {
            let headers = status == 429 || status == 503 ? ["Retry-After": "1"] : [:]
            let message = "Injected failure: this server answers every request with HTTP \(status)."
            return DemoResponses.error(status, message, code: "injected_fault", headers: headers)
        }
        if let apiKey = configuration.apiKey, !Self.isAuthorized(request, apiKey: apiKey) {
            return DemoResponses.error(
                401,
                "Incorrect or missing API key: send it as 'Authorization: Bearer <key>'.",
                type: "invalid_request_error",
                code: "invalid_api_key"
            )
        }
        var path = request.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        switch (request.method, path) {
        case (.POST, "/v1/chat/completions"), (.GET, "/v1/chat/completions"):
            return try await completions(request)
        case (.GET, "/v1/models"):
            return models()
        case (.GET, "/chat"):
            return plainChat(request)
        case (_, "/v1/chat/completions"), (_, "/v1/models"), (_, "/chat"):
            return DemoResponses.error(405, "\(request.method.rawValue) is not allowed on \(path).")
        default:
            return DemoResponses.error(404, "No endpoint at \(path). Try POST /v1/chat/completions or GET /chat?q=…")
        }
    }

    /// `GET /v1/models`.
    private func models() -> HTTPResponse {
        DemoResponses.json(200, OpenAIResponseText.modelList(model: configuration.modelName))
    }

    /// The next response number, for seeding per-response faults.
    func nextConnection() -> UInt64 {
        connections.add(1, ordering: .relaxed).oldValue
    }

    /// The `Last-Event-ID` header, when present and non-empty.
    static func lastEventID(of request: HTTPRequest) -> String? {
        guard let value = request.headers[HTTPHeader("Last-Event-ID")], !value.isEmpty else { return nil }
        return value
    }

    /// Checks `Authorization: Bearer <key>` in constant time (for equal lengths).
    static func isAuthorized(_ request: HTTPRequest, apiKey: String) -> Bool {
        guard let header = request.headers[.authorization] else { return false }
        let prefix = "Bearer "
        guard header.count > prefix.count, header.lowercased().hasPrefix(prefix.lowercased()) else { return false }
        let given = Array(header.utf8.dropFirst(prefix.utf8.count))
        let expected = Array(apiKey.utf8)
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(given, expected) { difference |= left ^ right }
        return difference == 0
    }
}
