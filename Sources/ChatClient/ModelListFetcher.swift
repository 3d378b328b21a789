import ChatWire
import Foundation
import SSEClient

/// Fetches an endpoint's whole model list: one GET per page through `EventSource` (one attempt each, the JSON body
/// read as a document), following the format's page tokens.
///
/// ```
///  page 1: GET {list URL}               → models…, next token T1
///  page 2: GET {list URL}?…=T1          → models…, no token        → done (the models in the server's order)
/// ```
/// A token seen before, or more than `maxPages` pages, ends the list with what was read (a server that loops).
package struct ModelListFetcher: Sendable {
    /// The most pages read.
    package static let maxPages = 100

    private let endpoint: ChatEndpoint
    private let idleTimeout: Duration
    private let clock: any Clock<Duration>

    /// Creates a fetcher.
    /// - Parameters:
    ///   - endpoint: The endpoint, as for chat (its format, base URL, key and extra headers are used).
    ///   - idleTimeout: How long a response may send nothing.
    ///   - clock: The clock of the timeout.
    package init(
        endpoint: ChatEndpoint,
        idleTimeout: Duration = .seconds(120),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.endpoint = endpoint
        self.idleTimeout = idleTimeout
        self.clock = clock
    }

    /// Reads every page.
    /// - Returns: The models, in the server's order.
    /// - Throws: `ChatClientError`: `.invalidRequest` when the format has no model list (plain SSE) or the URL is
    ///   unusable, else what the request met (401 → authentication, a refused connection → network…).
    package func fetch() async throws(ChatClientError) -> [ChatModelInfo] {
        guard let listing = endpoint.provider.modelListing else {
            throw ChatClientError(.invalidRequest, "the \(endpoint.provider.rawValue) provider has no model list")
        }
        var models: [ChatModelInfo] = []
        var token: String?
        var seen: Set<String> = []
        for _ in 0..<Self.maxPages {
            let request: ChatHTTPRequest
            let page: ChatModelPage
            do {
                request = try listing.makeModelListRequest(
                    baseURL: endpoint.baseURL,
                    apiKey: endpoint.apiKey,
                    pageToken: token
                )
                page = try listing.decodeModelList(try await body(of: request))
            } catch {
                throw ChatClientError(error)
            }
            models += page.models
            guard let next = page.nextPageToken, seen.insert(next).inserted else { break }
            token = next
        }
        return models
    }

    /// The JSON body of a 200 response to `request`.
    private func body(of request: ChatHTTPRequest) async throws -> Data {
        var configuration = EventSourceConfiguration(url: request.url)
        configuration.method = request.method
        for header in request.headers + endpoint.extraHeaders { configuration.headers[header.name] = header.value }
        configuration.maxReconnects = 0
        configuration.idleTimeout = idleTimeout
        configuration.acceptsJSONDocument = true
        for try await update in EventSource(configuration, clock: clock).updates() {
            switch update {
            case .document(_, let body):
                return body
            case .open, .event:
                throw ChatClientError(.protocolViolation, "the server answered an event stream, not a model list")
            case .closed(.failed(let error)):
                throw error
            case .closed, .connecting, .retry, .reconnecting, .eventsLent:
                continue
            }
        }
        throw ChatClientError(.protocolViolation, "the server answered no model list")
    }
}
