import Foundation
import SSE

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The connection loop behind one iteration of an `EventSource`: connects, parses, and applies the
/// `ReconnectStateMachine`'s decisions. Used by one consuming task at a time; `deinit` closes the connection.
final class EventSourceDriver: @unchecked Sendable {
    // @unchecked: only the iterating task touches the mutable state; the transport and connections are Sendable.
    private enum Phase {
        case connect
        case streaming(HTTPStreamConnection, IdleWatch?)
        case waiting(Duration)
        case failed(any Error)
        case finished
    }

    private let configuration: EventSourceConfiguration
    private let clock: any Clock<Duration>
    private var transport: URLSessionTransport?
    private var phase = Phase.connect
    private var parser: SSEParser
    private var policy: ReconnectStateMachine
    private var pending: [EventSourceUpdate] = []
    private var pendingIndex = 0
    private var lastRetry: Int?
    private var random = SystemRandomNumberGenerator()

    init(configuration: EventSourceConfiguration, clock: any Clock<Duration>) {
        self.configuration = configuration
        self.clock = clock
        self.parser = SSEParser(
            lastEventID: configuration.lastEventID,
            maxLineLength: configuration.maxLineLength,
            maxEventDataLength: configuration.maxEventDataLength
        )
        self.policy = ReconnectStateMachine(
            reconnectionTime: configuration.reconnectionTime,
            maxDelay: configuration.maxReconnectionDelay,
            maxReconnects: configuration.maxReconnects,
            maxConsecutiveFailures: configuration.maxConsecutiveFailures
        )
    }

    deinit {
        if case .streaming(let connection, let watch) = phase {
            watch?.cancel()
            connection.cancel()
        }
    }

    /// Whether `next()` can answer without waiting for the network.
    var hasBufferedUpdates: Bool { pendingIndex < pending.count }

    func next() async throws -> EventSourceUpdate? {
        while true {
            if pendingIndex < pending.count {
                defer { pendingIndex += 1 }
                return pending[pendingIndex]
            }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            switch phase {
            case .finished:
                return nil
            case .failed(let error):
                phase = .finished
                throw error
            case .connect:
                try await connect()
            case .streaming(let connection, let watch):
                try await read(from: connection, watch: watch)
            case .waiting(let delay):
                phase = .connect
                try await clock.sleep(for: delay)
            }
        }
    }

    // MARK: Connecting

    private func connect() async throws {
        try Task.checkCancellation()
        pending.append(.connecting(attempt: policy.reconnects, lastEventID: parser.lastEventID))
        let transport = self.transport ?? URLSessionTransport()
        self.transport = transport
        var url = configuration.url
        var method = configuration.method
        var body = configuration.body
        for _ in 0...configuration.maxRedirects {
            let endpoint = EventSourceError.endpoint(of: url)
            let (connection, watch) = open(url: url, method: method, body: body, on: transport, endpoint: endpoint)
            let response: HTTPURLResponse
            do {
                response = try await connection.response()
            } catch {
                watch?.cancel()
                if error is CancellationError { throw error }
                let (classified, fatal) = EventSourceError.classify(error, endpoint: endpoint)
                apply(policy.ended(error: classified, fatal: fatal, jitter: jitter()), closing: .failed(classified))
                return
            }
            let status = response.statusCode
            if (300...399).contains(status) {
                // A redirect URLSession did not follow: one without Location, or a 307/308 of a request with a body.
                connection.cancel()
                watch?.cancel()
                guard let location = response.value(forHTTPHeaderField: "Location"),
                    let target = URL(string: location, relativeTo: url)?.absoluteURL
                else {
                    fail(EventSourceError(.redirectWithoutLocation(status), endpoint: endpoint))
                    return
                }
                if status == 303 {
                    method = "GET"
                    body = nil
                }
                url = target
                continue
            }
            if let rejection = await rejection(of: response, connection: connection, endpoint: endpoint) {
                watch?.cancel()
                connection.cancel()
                pending.append(.closed(rejection.map { .failed($0) } ?? .noContent))
                apply(policy.rejected(rejection), closing: nil)
                return
            }
            policy.opened()
            pending.append(.open(Self.describe(response, url: url)))
            phase = .streaming(connection, watch)
            return
        }
        fail(EventSourceError(.tooManyRedirects, endpoint: EventSourceError.endpoint(of: url)))
    }

    private func open(
        url: URL,
        method: String,
        body: Data?,
        on transport: URLSessionTransport,
        endpoint: String
    ) -> (HTTPStreamConnection, IdleWatch?) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 7 * 24 * 3600
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        request.setValue("no-cache", forHTTPHeaderField: "Cache-Control")
        for (name, value) in configuration.headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        if !parser.lastEventID.isEmpty {
            request.setValue(parser.lastEventID, forHTTPHeaderField: "Last-Event-ID")
        }
        var watch: IdleWatch?
        let connection = transport.start(request, highWaterMark: configuration.highWaterMark) { connection in
            guard let timeout = configuration.idleTimeout else { return }
            let started = clock.startIdleWatch(timeout: timeout) { [weak connection] in
                connection?.fail(EventSourceError(.idleTimeout, endpoint: endpoint))
            }
            connection.setActivityHandler(started.touch)
            watch = started
        }
        return (connection, watch)
    }

    /// `nil` when the response opens a stream; `.some(nil)` for 204; `.some(error)` for anything else.
    private func rejection(
        of response: HTTPURLResponse,
        connection: HTTPStreamConnection,
        endpoint: String
    ) async -> EventSourceError?? {
        let status = response.statusCode
        if status == 204 { return .some(nil) }
        let contentType = response.value(forHTTPHeaderField: "Content-Type")
        let isEventStream =
            contentType.map {
                $0.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
                    == "text/event-stream"
            } ?? false
        if status == 200, isEventStream { return nil }
        let body = await Self.readBodyPreview(connection)
        let code: EventSourceError.Code = status == 200 ? .badContentType(contentType) : .badStatus(status)
        return .some(
            EventSourceError(
                code,
                endpoint: endpoint,
                responseBody: body,
                retryAfter: response.value(forHTTPHeaderField: "Retry-After")
            )
        )
    }

    private static func readBodyPreview(_ connection: HTTPStreamConnection, limit: Int = 64 * 1024) async -> String {
        var body = Data()
        while body.count < limit, let chunks = try? await connection.nextChunks() {
            for chunk in chunks { body.append(chunk) }
        }
        return String(decoding: body.prefix(limit), as: UTF8.self)
    }

    private static func describe(_ response: HTTPURLResponse, url: URL) -> EventSourceResponse {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return EventSourceResponse(url: (response.url ?? url).absoluteString, status: response.statusCode, headers: headers)
    }

    // MARK: Streaming

    private func read(from connection: HTTPStreamConnection, watch: IdleWatch?) async throws {
        let chunks: [Data]?
        do {
            chunks = try await connection.nextChunks()
        } catch {
            watch?.cancel()
            parser.finishStream()
            if error is CancellationError { throw error }
            let (classified, fatal) = EventSourceError.classify(error, endpoint: endpointOfConfiguration)
            apply(policy.ended(error: classified, fatal: fatal, jitter: jitter()), closing: .failed(classified))
            return
        }
        guard let chunks else {
            watch?.cancel()
            parser.finishStream()
            apply(policy.ended(error: nil, jitter: jitter()), closing: .endOfStream)
            return
        }
        do {
            for chunk in chunks {
                try chunk.withUnsafeBytes { bytes in
                    try parser.parse(bytes) { event in
                        pending.append(.event(event))
                    }
                }
            }
        } catch {
            watch?.cancel()
            connection.cancel()
            fail(EventSourceError(.streamTooLarge, endpoint: endpointOfConfiguration, detail: "\(error)"))
            return
        }
        if pending.count > 0 { policy.eventDelivered() }
        if let retry = parser.reconnectionTimeMilliseconds, retry != lastRetry {
            lastRetry = retry
            policy.retryReceived(milliseconds: retry)
        }
    }

    // MARK: Decisions

    private func apply(_ action: ReconnectStateMachine.Action, closing reason: EventSourceCloseReason?) {
        if let reason { pending.append(.closed(reason)) }
        switch action {
        case .reconnect(let delay):
            pending.append(.reconnecting(after: delay))
            phase = .waiting(delay)
        case .finish:
            phase = .finished
        case .fail(let error):
            phase = .failed(error)
        }
    }

    private func fail(_ error: EventSourceError) {
        pending.append(.closed(.failed(error)))
        phase = .failed(error)
    }

    private var endpointOfConfiguration: String { EventSourceError.endpoint(of: configuration.url) }

    private func jitter() -> Double {
        Double.random(in: 0..<1, using: &random)
    }
}
