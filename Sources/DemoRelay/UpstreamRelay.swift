import ChatWire
import DemoServerKit
import Foundation
import SSE
import SSEClient

/// Relay mode's upstream: forwards `/v1/chat/completions` to an OpenAI-compatible server through the project's
/// `EventSource` (one attempt, no reconnects) and passes on its events, or the reason it gave none. The upstream
/// request always streams; a non-streaming client request is answered by collecting the stream. Its API key goes
/// only into the upstream's `Authorization` header.
package struct UpstreamRelay: DemoUpstream {
    /// The upstream's chat-completions URL.
    package let endpoint: URL
    private let apiKey: String?
    private let idleTimeout: Duration
    private let clock: any Clock<Duration>

    /// Creates a relay.
    /// - Parameters:
    ///   - upstream: A base URL such as `https://host/v1`, or the full `…/chat/completions` URL.
    ///   - apiKey: The upstream's bearer token; never logged.
    ///   - idleTimeout: How long to wait for the upstream to send anything before giving up.
    ///   - clock: The clock that times the idle timeout.
    package init(
        upstream: URL,
        apiKey: String? = nil,
        idleTimeout: Duration = .seconds(120),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        endpoint =
            upstream.path.hasSuffix("/chat/completions")
            ? upstream : upstream.appendingPathComponent("chat").appendingPathComponent("completions")
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.idleTimeout = idleTimeout
        self.clock = clock
    }

    /// Whether requests carry an API key.
    package var sendsAPIKey: Bool { apiKey != nil }

    package func stream(body: Data, receive: (DemoUpstreamEvent) -> Void) async throws(DemoUpstreamFailure) {
        var opened = false
        do {
            for try await update in source(body: body).updates() {
                switch update {
                case .open:
                    opened = true
                    receive(.opened)
                case .event(let event):
                    receive(.event(data: event.data, type: event.type == "message" ? nil : event.type))
                case .closed(.failed(let error)) where opened:
                    receive(.event(data: Self.streamError(error), type: nil))
                case .connecting, .closed, .reconnecting, .retry, .document, .eventsLent:
                    break
                }
                if case .closed = update, opened { return }
            }
        } catch {
            guard opened else { throw Self.failure(for: error) }
            receive(.event(data: Self.streamError(error), type: nil))
        }
    }

    package func complete(body: Data) async throws(DemoUpstreamFailure) -> String {
        var collector = RelayCollector()
        do {
            for try await event in source(body: body).events() {
                collector.add(event.data)
            }
        } catch {
            throw Self.failure(for: error)
        }
        return collector.completion()
    }

    package func models() async throws(DemoUpstreamFailure) -> String {
        var configuration = EventSourceConfiguration(url: modelsEndpoint)
        if let apiKey { configuration.headers["Authorization"] = "Bearer \(apiKey)" }
        configuration.maxReconnects = 0
        configuration.idleTimeout = idleTimeout
        configuration.acceptsJSONDocument = true
        do {
            for try await update in EventSource(configuration, clock: clock).updates() {
                if case .document(_, let body) = update { return String(decoding: body, as: UTF8.self) }
            }
        } catch {
            throw Self.failure(for: error)
        }
        throw DemoUpstreamFailure(
            status: 502,
            message: "The upstream's \(modelsEndpoint.path) answered no model list.",
            code: "upstream_error"
        )
    }

    /// The upstream's `…/models` URL: beside its `chat/completions`.
    package var modelsEndpoint: URL {
        endpoint.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("models")
    }

    private func source(body: Data) -> EventSource {
        var configuration = EventSourceConfiguration(url: endpoint)
        configuration.method = "POST"
        configuration.body = Self.streamingBody(body)
        configuration.headers["Content-Type"] = "application/json"
        if let apiKey { configuration.headers["Authorization"] = "Bearer \(apiKey)" }
        configuration.maxReconnects = 0
        configuration.idleTimeout = idleTimeout
        // An upstream reply may stream for minutes: on a connection opened ahead, URLSession does not spin meanwhile.
        configuration.preconnects = true
        return EventSource(configuration, clock: clock)
    }

    /// The request body with `"stream": true`.
    static func streamingBody(_ body: Data) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return body }
        object["stream"] = true
        return (try? JSONSerialization.data(withJSONObject: object)) ?? body
    }

    /// The response that passes an upstream failure on to the client.
    static func failure(for error: any Error) -> DemoUpstreamFailure {
        guard let error = error as? EventSourceError else {
            return DemoUpstreamFailure(
                status: 502,
                message: "The upstream request failed: \(error).",
                code: "upstream_error"
            )
        }
        switch error.code {
        case .badStatus(let status):
            let message = "The upstream answered HTTP \(status)"
            if let body = error.responseBody, Self.isOpenAIError(body) {
                return DemoUpstreamFailure(status: status, message: message, body: body, retryAfter: error.retryAfter)
            }
            let detail = error.responseBody.map { ": " + String($0.prefix(200)) } ?? ""
            return DemoUpstreamFailure(
                status: status,
                message: message + detail,
                code: "upstream_error",
                retryAfter: error.retryAfter
            )
        case .idleTimeout:
            return DemoUpstreamFailure(
                status: 504,
                message: "The upstream sent nothing in time (\(error)).",
                code: "upstream_timeout"
            )
        default:
            return DemoUpstreamFailure(
                status: 502,
                message: "The upstream request failed: \(error).",
                code: "upstream_error"
            )
        }
    }

    /// An in-stream error chunk for a failure after the stream opened.
    static func streamError(_ error: any Error) -> String {
        let message = "The upstream stream failed: \(error)."
        return OpenAIResponseText.errorBody(message: message, type: "server_error", code: "upstream_error")
    }

    private static func isOpenAIError(_ body: String) -> Bool {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
            return false
        }
        return object["error"] != nil
    }
}
