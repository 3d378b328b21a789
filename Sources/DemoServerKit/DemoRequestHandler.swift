import ChatWire
import FlyingFox
import Foundation
import SSE
import Synchronization

/// Routes every request of a `DemoServer`: a CORS preflight is answered first, then the chat page, then the status
/// fault and the API-key check, then the endpoints; every response gets the `CORSPolicy`'s headers.
///
/// | Method  | Path                    | What                                                        |
/// |---------|-------------------------|-------------------------------------------------------------|
/// | OPTIONS | any                     | a CORS preflight, when `--cors-origin` is given (`CORSPolicy`) |
/// | GET     | `/`                     | the chat page (`ChatPage`), served even with a status fault or an API key |
/// | POST    | `/v1/chat/completions`  | OpenAI-compatible chat (streaming or not); resume with `Last-Event-ID` |
/// | GET     | `/v1/chat/completions`  | resume only (`Last-Event-ID` required)                      |
/// | POST    | `/v1/responses`         | OpenAI Responses (streaming or not; `background: true` keeps the reply) |
/// | GET     | `/v1/responses/{id}`    | a background reply streamed again (`?stream=true&starting_after=N`) |
/// | POST    | `/v1/responses/{id}/cancel` | stops a background reply                                |
/// | GET     | `/v1/models`            | the model list (the upstream's in relay mode)               |
/// | GET     | `/chat?q=PROMPT`        | plain hand-written-style SSE; resume with `Last-Event-ID`; relayed in relay mode |
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
        let cors = configuration.cors
        let origin = request.headers[HTTPHeader("Origin")]
        if let headers = cors.preflightHeaders(
            method: request.method.rawValue,
            origin: origin,
            requestMethod: request.headers[HTTPHeader("Access-Control-Request-Method")]
        ) {
            var response = HTTPResponse(statusCode: .noContent)
            for (name, value) in headers { response.headers[HTTPHeader(name)] = value }
            return response
        }
        var response = try await route(request)
        for (name, value) in cors.responseHeaders(origin: origin) { response.headers[HTTPHeader(name)] = value }
        if request.method == .HEAD {
            // A HEAD is answered with the head alone: a client that keeps the connection would read a body as the
            // start of its next response.
            response.payload = .httpBody(HTTPBodySequence(data: Data()))
        }
        return response
    }

    private func route(_ request: HTTPRequest) async throws -> HTTPResponse {
        var path = request.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if request.method == .GET, path == "/" {
            return DemoResponses.page()
        }
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
        switch (request.method, path) {
        case (.POST, "/v1/chat/completions"), (.GET, "/v1/chat/completions"):
            return try await completions(request)
        case (.POST, "/v1/responses"):
            return try await responses(request)
        case (.GET, _) where path.hasPrefix(Self.responsesPrefix):
            return streamAgain(String(path.dropFirst(Self.responsesPrefix.count)), request: request)
        case (.POST, _) where path.hasPrefix(Self.responsesPrefix) && path.hasSuffix("/cancel"):
            return cancelResponse(String(path.dropFirst(Self.responsesPrefix.count).dropLast("/cancel".count)))
        case (.GET, "/v1/models"):
            return await models()
        case (.GET, "/chat"):
            return await plainChat(request)
        case (_, "/v1/chat/completions"), (_, "/v1/models"), (_, "/chat"), (_, "/"), (_, "/v1/responses"):
            return DemoResponses.error(405, "\(request.method.rawValue) is not allowed on \(path).")
        default:
            return DemoResponses.error(404, "No endpoint at \(path). Try POST /v1/chat/completions or GET /chat?q=…")
        }
    }

    /// `GET /v1/models`: the demo model, or in relay mode the upstream's list.
    private func models() async -> HTTPResponse {
        guard let upstream = configuration.upstream else {
            return DemoResponses.json(200, OpenAIResponseText.modelList(model: configuration.modelName))
        }
        do {
            return DemoResponses.json(200, try await upstream.models())
        } catch {
            return DemoResponses.upstreamFailure(error)
        }
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
