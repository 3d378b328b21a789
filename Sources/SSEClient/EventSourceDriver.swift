import Foundation
import SSE

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The connection loop behind one iteration of an `EventSource`: the I/O only. It sends the requests, reads the
/// bodies, parses them, and carries out the `EventSourceStateMachine`'s decisions (redirects, response checks,
/// reconnections). Used by one consuming task at a time; `deinit` closes the connection.
final class EventSourceDriver: @unchecked Sendable {
    // @unchecked: only the iterating task touches the mutable state; the transport and connections are Sendable.
    // For the same reason the state touched for every event is `@exclusivity(unchecked)`: no access can overlap
    // another, and the runtime's check of each one is a measurable share of a fast reply's time.
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
    @exclusivity(unchecked) private var parser: SSEParser
    @exclusivity(unchecked) private var machine: EventSourceStateMachine
    @exclusivity(unchecked) private var pending = UpdateQueue<EventSourceUpdate>()
    /// Where events go as they are parsed, their data lent, instead of `pending` (see `lendEvents(to:)`).
    @exclusivity(unchecked) var lender: ((SSELentEvent) -> Void)?
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
        self.machine = EventSourceStateMachine(configuration)
    }

    deinit {
        if case .streaming(let connection, let watch) = phase {
            watch?.cancel()
            connection.cancel()
        }
    }

    /// The next update parsed from bytes already received, if any.
    func nextBuffered() -> EventSourceUpdate? {
        pending.next()
    }

    func next() async throws -> EventSourceUpdate? {
        while true {
            if let update = pending.next() { return update }
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
        pending.append(.connecting(attempt: machine.reconnects, lastEventID: parser.lastEventID))
        let transport = self.transport ?? URLSessionTransport()
        self.transport = transport
        if configuration.preconnects {
            // Every attempt: a reconnection follows a connection that is gone.
            await transport.preconnect(
                to: configuration.url,
                headers: configuration.headers,
                within: configuration.preconnectLimit
            )
            try Task.checkCancellation()
        }
        if let gate = configuration.gate {
            await gate.wait()
            try Task.checkCancellation()
        }
        var request = machine.attemptStarted()
        while true {
            let endpoint = machine.endpoint
            let (connection, watch) = open(request, on: transport, endpoint: endpoint)
            let response: HTTPURLResponse
            do {
                response = try await connection.response()
            } catch {
                watch?.cancel()
                if error is CancellationError { throw error }
                let (classified, fatal) = EventSourceError.classify(error, endpoint: endpoint)
                apply(machine.ended(error: classified, fatal: fatal, jitter: jitter()), closing: .failed(classified))
                return
            }
            let head = EventSourceResponseHead(
                status: response.statusCode,
                contentType: response.value(forHTTPHeaderField: "Content-Type"),
                location: response.value(forHTTPHeaderField: "Location"),
                retryAfter: response.value(forHTTPHeaderField: "Retry-After")
            )
            let action = machine.responseReceived(head)
            if action != .open && action != .readDocument {
                watch?.cancel()
            }
            switch action {
            case .open:
                pending.append(.open(Self.describe(response, url: request.url)))
                phase = .streaming(connection, watch)
                return
            case .follow(let next):
                connection.cancel()
                request = next
            case .readDocument:
                let body = try await Self.readBody(connection, limit: configuration.maxEventDataLength)
                watch?.cancel()
                connection.cancel()
                pending.append(.document(Self.describe(response, url: request.url), body))
                pending.append(.closed(.endOfStream))
                phase = .finished
                return
            case .stop:
                connection.cancel()
                pending.append(.closed(.noContent))
                phase = .finished
                return
            case .readBodyAndFail(var error):
                let preview = (try? await Self.readBody(connection, limit: 64 * 1024)) ?? Data()
                connection.cancel()
                error.responseBody = String(decoding: preview, as: UTF8.self)
                fail(error)
                return
            case .fail(let error):
                connection.cancel()
                fail(error)
                return
            }
        }
    }

    private func open(
        _ target: EventSourceRequest,
        on transport: URLSessionTransport,
        endpoint: String
    ) -> (HTTPStreamConnection, IdleWatch?) {
        var request = URLRequest(url: target.url)
        request.httpMethod = target.method
        request.httpBody = target.body
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

    /// Reads the body until it ends or reaches `limit` bytes.
    /// - Throws: `CancellationError` only; a transfer error ends the body where it broke.
    private static func readBody(_ connection: HTTPStreamConnection, limit: Int) async throws -> Data {
        var body = Data()
        while body.count < limit {
            let chunks: [Data]?
            do {
                chunks = try await connection.nextChunks()
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                break
            }
            guard let chunks else { break }
            for chunk in chunks { body.append(chunk) }
        }
        return body.prefix(limit)
    }

    private static func describe(_ response: HTTPURLResponse, url: URL) -> EventSourceResponse {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return EventSourceResponse(
            url: (response.url ?? url).absoluteString,
            status: response.statusCode,
            headers: headers
        )
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
            let (classified, fatal) = EventSourceError.classify(error, endpoint: machine.endpoint)
            apply(machine.ended(error: classified, fatal: fatal, jitter: jitter()), closing: .failed(classified))
            return
        }
        guard let chunks else {
            watch?.cancel()
            parser.finishStream()
            apply(machine.ended(error: nil, jitter: jitter()), closing: .endOfStream)
            return
        }
        var lent = false
        do {
            for chunk in chunks {
                try chunk.withUnsafeBytes { bytes in
                    if let lender {
                        try parser.parse(
                            bytes,
                            lending: { event in
                                lender(event)
                                lent = true
                            }
                        )
                    } else {
                        try parser.parse(bytes) { event in
                            pending.append(.event(consume event))
                        }
                    }
                }
            }
            if lent { pending.append(.eventsLent) }
        } catch {
            watch?.cancel()
            connection.cancel()
            fail(EventSourceError(.streamTooLarge, endpoint: machine.endpoint, detail: "\(error)"))
            return
        }
        if !pending.isEmpty { machine.eventDelivered() }
        if let retry = parser.reconnectionTimeMilliseconds, retry != lastRetry {
            lastRetry = retry
            machine.retryReceived(milliseconds: retry)
            pending.append(.retry(.milliseconds(retry)))
        }
    }

    // MARK: Decisions

    private func apply(_ action: EventSourceStateMachine.Action, closing reason: EventSourceCloseReason?) {
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

    private func jitter() -> Double {
        Double.random(in: 0..<1, using: &random)
    }
}
