import Foundation
import SSE
import SSEClient
import Synchronization
import TestSupport

/// Collects updates until the sequence ends, throws, or `limit` updates arrived.
struct Collected {
    var updates: [EventSourceUpdate] = []
    var error: (any Error)?

    var events: [ServerSentEvent] {
        updates.compactMap { if case .event(let event) = $0 { event } else { nil } }
    }

    var sourceError: EventSourceError? { error as? EventSourceError }

    var openResponses: [EventSourceResponse] {
        updates.compactMap { if case .open(let response) = $0 { response } else { nil } }
    }

    var reconnectDelays: [Duration] {
        updates.compactMap { if case .reconnecting(let delay) = $0 { delay } else { nil } }
    }

    var closeReasons: [EventSourceCloseReason] {
        updates.compactMap { if case .closed(let reason) = $0 { reason } else { nil } }
    }
}

func collect(
    _ configuration: EventSourceConfiguration,
    clock: any Clock<Duration> = ImmediateClock(),
    limit: Int = 1000,
    until stop: (EventSourceUpdate) -> Bool = { _ in false }
) async -> Collected {
    var result = Collected()
    do {
        for try await update in EventSource(configuration, clock: clock).updates() {
            result.updates.append(update)
            if stop(update) || result.updates.count >= limit { break }
        }
    } catch {
        result.error = error
    }
    return result
}

/// A server that answers every request with `body` as a close-delimited event stream.
func streamServer(_ body: @escaping @Sendable (Int, RecordedRequest) -> [String]) throws -> LoopbackHTTPServer {
    let counter = Counter()
    return try LoopbackHTTPServer { request, writer in
        let index = counter.next()
        writer.writeEventStreamHead()
        for piece in body(index, request) { writer.write(piece) }
    }
}

/// A thread-safe counter for handlers.
final class Counter: Sendable {
    private let stored = Mutex(0)
    func next() -> Int {
        stored.withLock { value in
            defer { value += 1 }
            return value
        }
    }
    var value: Int { stored.withLock { $0 } }
}
