import DemoServerKit
import Foundation
import SSE
import SSEClient
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs `body` against a fresh server on 127.0.0.1 and a free port, and stops the server afterwards.
func withDemoServer<T>(
    _ configuration: DemoServerConfiguration = DemoServerConfiguration(tokensPerSecond: 0),
    _ body: (DemoServer) async throws -> T
) async throws -> T {
    let server = DemoServer(configuration: configuration)
    _ = try await server.start()
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// A fast test configuration: no pacing, a short retry, no keep-alives.
func testConfiguration(replyTokens: Int? = nil, faults: DemoFaults = .none) -> DemoServerConfiguration {
    var configuration = DemoServerConfiguration(tokensPerSecond: 0, replyTokens: replyTokens, faults: faults)
    configuration.retryMilliseconds = 1
    configuration.keepAliveInterval = .zero
    return configuration
}

/// The body of an OpenAI chat request.
func chatBody(_ prompt: String, stream: Bool = true, extra: String = "") -> Data {
    let message = #"{"role":"user","content":"# + Transcript.jsonString(prompt) + "}"
    return Data(#"{"model":"any","stream":\#(stream),"messages":[\#(message)]\#(extra)}"#.utf8)
}

/// An EventSource for a streaming chat request to `server`.
func chatSource(
    _ server: DemoServer,
    prompt: String,
    extra: String = "",
    headers: [String: String] = [:],
    idleTimeout: Duration? = nil,
    maxReconnects: Int? = 1000,
    maxConsecutiveFailures: Int = 5
) -> EventSource {
    var configuration = EventSourceConfiguration(url: server.baseURL.appendingPathComponent("v1/chat/completions"))
    configuration.method = "POST"
    configuration.body = chatBody(prompt, extra: extra)
    configuration.headers = headers.merging(["Content-Type": "application/json"]) { left, _ in left }
    configuration.reconnectionTime = .milliseconds(1)
    configuration.maxReconnectionDelay = .milliseconds(5)
    configuration.maxReconnects = maxReconnects
    configuration.maxConsecutiveFailures = maxConsecutiveFailures
    configuration.idleTimeout = idleTimeout
    return EventSource(configuration)
}

/// An EventSource for the plain endpoint.
func plainSource(_ server: DemoServer, prompt: String) -> EventSource {
    var components = URLComponents(url: server.baseURL.appendingPathComponent("chat"), resolvingAgainstBaseURL: false)
    components?.queryItems = [URLQueryItem(name: "q", value: prompt)]
    var configuration = EventSourceConfiguration(url: components?.url ?? server.baseURL)
    configuration.reconnectionTime = .milliseconds(1)
    configuration.maxConsecutiveFailures = 5
    return EventSource(configuration)
}

/// What a client saw of one OpenAI streamed reply.
struct StreamedReply: Sendable {
    /// Every event, in order.
    var events: [ServerSentEvent] = []
    /// How many connections opened.
    var connections = 0
    /// The `delta.content` of every chunk, joined.
    var text = ""
    /// The data of every chunk (not `[DONE]`).
    var chunks: [String] = []
    /// Whether `[DONE]` arrived.
    var done = false
    /// The response of the first connection.
    var firstResponse: EventSourceResponse?
}

/// Reads an OpenAI stream until `[DONE]` (or the end of the sequence).
func readOpenAIReply(_ source: EventSource) async throws -> StreamedReply {
    var reply = StreamedReply()
    for try await update in source.updates() {
        switch update {
        case .open(let response):
            reply.connections += 1
            if reply.firstResponse == nil { reply.firstResponse = response }
        case .event(let event):
            reply.events.append(event)
            if event.data == "[DONE]" {
                reply.done = true
                return reply
            }
            let object = try jsonObject(event.data)
            reply.chunks.append(event.data)
            let choices = object["choices"] as? [[String: Any]]
            if let content = (choices?.first?["delta"] as? [String: Any])?["content"] as? String {
                reply.text += content
            }
        default:
            break
        }
    }
    return reply
}

/// The `delta.content` of the chunk events among `events`, joined.
func contentText(of events: [ServerSentEvent]) throws -> String {
    var text = ""
    for event in events where event.data != "[DONE]" {
        let choices = try jsonObject(event.data)["choices"] as? [[String: Any]]
        text += (choices?.first?["delta"] as? [String: Any])?["content"] as? String ?? ""
    }
    return text
}

/// The event ids must be `<generation>-0`, `<generation>-1`, … with no gap and no repeat.
func expectSequentialIDs(_ events: [ServerSentEvent], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let first = try #require(events.first, "no events", sourceLocation: sourceLocation)
    let dash = try #require(first.lastEventID.lastIndex(of: "-"), "no event ids", sourceLocation: sourceLocation)
    let generation = first.lastEventID[..<dash]
    let expected = events.indices.map { "\(generation)-\($0)" }
    #expect(events.map(\.lastEventID) == expected, sourceLocation: sourceLocation)
}

/// A plain HTTP exchange through URLSession (for JSON endpoints and errors).
func httpRequest(
    _ url: URL,
    method: String = "GET",
    body: Data? = nil,
    headers: [String: String] = [:]
) async throws -> (status: Int, headers: [String: String], body: String) {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = body
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let session = URLSession(configuration: .ephemeral)
    defer { session.finishTasksAndInvalidate() }
    let (data, response) = try await session.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
    }
    return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
}

/// A JSON object from text.
func jsonObject(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], "not a JSON object: \(text)")
}

/// The `choices[0].finish_reason` of a chunk, `nil` when null or absent.
func finishReason(of chunk: String) throws -> String? {
    let choices = try jsonObject(chunk)["choices"] as? [[String: Any]]
    return choices?.first?["finish_reason"] as? String
}

/// The `error.message` and `error.code` of an OpenAI-style error body.
func errorFields(_ body: String) throws -> (message: String, code: String?) {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    let error = try #require(object["error"] as? [String: Any], "no error object in \(body)")
    return (try #require(error["message"] as? String), error["code"] as? String)
}
