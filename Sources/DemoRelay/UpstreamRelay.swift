import FlyingFox
import Foundation
import SSE
import SSEClient

/// How the upstream answered a relayed request.
enum RelayOutcome: Sendable {
    /// It opened an event stream.
    case opened
    /// It refused; this is the response to give the client.
    case failed(HTTPResponse)
}

/// Relay mode: forwards `/v1/chat/completions` to an OpenAI-compatible upstream through the project's
/// `EventSource`, and re-emits the upstream's events with this server's ids into a generation, so the reply gets the
/// same retention and `Last-Event-ID` resumes as a demo reply. The upstream request always streams; a
/// non-streaming client request is answered by collecting the stream. The upstream is never re-requested (that would
/// start a new, separately billed reply). Its API key goes only into the upstream's `Authorization` header.
struct Relay: Sendable {
    /// The upstream's chat-completions URL.
    let endpoint: URL
    private let apiKey: String?
    private let idleTimeout: Duration
    private let clock: any Clock<Duration>

    /// Creates a relay.
    /// - Parameters:
    ///   - upstream: A base URL such as `https://host/v1`, or the full `…/chat/completions` URL.
    ///   - configuration: Supplies the upstream key, idle timeout and clock.
    init(upstream: URL, configuration: DemoServerConfiguration) {
        endpoint =
            upstream.path.hasSuffix("/chat/completions")
            ? upstream : upstream.appendingPathComponent("chat").appendingPathComponent("completions")
        apiKey = configuration.upstreamAPIKey
        idleTimeout = configuration.upstreamIdleTimeout
        clock = configuration.clock
    }

    /// Streams the upstream reply into `generation`; reports through `opening` whether the upstream accepted.
    /// - Parameters:
    ///   - body: The client's request body (`stream` is forced on).
    ///   - generation: Where the events go.
    ///   - writer: Assigns this server's event ids.
    ///   - opening: Resolved with `.opened` or the error response to give the client.
    func stream(body: Data, into generation: Generation, writer: EventWriter, opening: OneShot<RelayOutcome>) async {
        var writer = writer
        var opened = false
        do {
            for try await update in source(body: body).updates() {
                var batch = EventBatch()
                switch update {
                case .open:
                    opened = true
                    opening.resolve(.opened)
                case .event(let event):
                    writer.append(data: event.data, event: event.type == "message" ? nil : event.type, to: &batch)
                case .closed(.failed(let error)) where opened:
                    writer.append(data: Self.streamError(error), to: &batch)
                case .connecting, .closed, .reconnecting:
                    break
                }
                generation.append(batch)
                if case .closed = update, opened { return }
            }
        } catch {
            if opened {
                var batch = EventBatch()
                writer.append(data: Self.streamError(error), to: &batch)
                generation.append(batch)
            } else {
                opening.resolve(.failed(Self.errorResponse(for: error)))
            }
        }
        opening.resolve(.failed(DemoResponses.error(502, "The upstream closed without answering.")))
    }

    /// Answers a non-streaming request: streams from the upstream and collects the reply into one completion.
    /// - Parameter body: The client's request body.
    /// - Returns: A `chat.completion` JSON response, or the upstream's error.
    func complete(body: Data) async -> HTTPResponse {
        var collector = RelayCollector()
        do {
            for try await event in source(body: body).events() {
                collector.add(event.data)
            }
        } catch {
            return Self.errorResponse(for: error)
        }
        return DemoResponses.json(200, collector.completion())
    }

    private func source(body: Data) -> EventSource {
        var configuration = EventSourceConfiguration(url: endpoint)
        configuration.method = "POST"
        configuration.body = Self.streamingBody(body)
        configuration.headers["Content-Type"] = "application/json"
        if let apiKey, !apiKey.isEmpty { configuration.headers["Authorization"] = "Bearer \(apiKey)" }
        configuration.maxReconnects = 0
        configuration.idleTimeout = idleTimeout
        return EventSource(configuration, clock: clock)
    }

    /// The request body with `"stream": true`.
    static func streamingBody(_ body: Data) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return body }
        object["stream"] = true
        return (try? JSONSerialization.data(withJSONObject: object)) ?? body
    }

    /// The response that passes an upstream failure on to the client.
    static func errorResponse(for error: any Error) -> HTTPResponse {
        guard let error = error as? EventSourceError else {
            return DemoResponses.error(502, "The upstream request failed: \(error).", code: "upstream_error")
        }
        let headers = error.retryAfter.map { ["Retry-After": $0] } ?? [:]
        switch error.code {
        case .badStatus(let status):
            if let body = error.responseBody, Self.isOpenAIError(body) {
                return DemoResponses.json(status, body, headers: headers)
            }
            let detail = error.responseBody.map { ": " + String($0.prefix(200)) } ?? ""
            let message = "The upstream answered HTTP \(status)\(detail)"
            return DemoResponses.error(status, message, code: "upstream_error", headers: headers)
        case .idleTimeout:
            return DemoResponses.error(504, "The upstream sent nothing in time (\(error)).", code: "upstream_timeout")
        default:
            return DemoResponses.error(502, "The upstream request failed: \(error).", code: "upstream_error")
        }
    }

    /// An in-stream error chunk for a failure after the stream opened.
    static func streamError(_ error: any Error) -> String {
        let message = "The upstream stream failed: \(error)."
        return JSONText.errorBody(message: message, type: "server_error", code: "upstream_error")
    }

    private static func isOpenAIError(_ body: String) -> Bool {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
            return false
        }
        return object["error"] != nil
    }
}
