import SSE

/// A reconnecting Server-Sent Events client on URLSession, the WHATWG `EventSource` as async sequences.
///
/// ```swift
/// for try await event in EventSource(EventSourceConfiguration(url: url)).events() { print(event.data) }
/// ```
/// Each iteration of `updates()` or `events()` runs its own connection loop: nothing happens until the first
/// `next()`. It sends `Accept: text/event-stream`, `Cache-Control: no-cache` and `Last-Event-ID` (when known),
/// reconnects after a network error or the end of a response, waiting the server's `retry:` (with backoff for
/// failures in a row), stops on HTTP 204, and throws `EventSourceError` on any other status, a wrong content type, an
/// unreachable first connection or a TLS failure. Cancelling the consuming task, or dropping the iterator, closes the
/// connection at once.
package final class EventSource: Sendable {
    /// The configuration every connection uses.
    package let configuration: EventSourceConfiguration
    private let clock: any Clock<Duration>

    /// Creates a client; nothing connects until a sequence is iterated.
    /// - Parameters:
    ///   - configuration: Where and how to connect.
    ///   - clock: The clock for reconnection waits and the idle timeout.
    package init(_ configuration: EventSourceConfiguration, clock: any Clock<Duration> = ContinuousClock()) {
        self.configuration = configuration
        self.clock = clock
    }

    /// Connection state changes and events, in order.
    package func updates() -> EventSourceUpdates {
        EventSourceUpdates(configuration: configuration, clock: clock)
    }

    /// The dispatched events only.
    package func events() -> EventSourceEvents {
        EventSourceEvents(updates: updates())
    }
}

/// The async sequence of an `EventSource`'s updates; see `EventSource.updates()`.
package struct EventSourceUpdates: AsyncSequence, Sendable {
    package typealias Element = EventSourceUpdate
    package typealias Failure = any Error

    let configuration: EventSourceConfiguration
    let clock: any Clock<Duration>

    package func makeAsyncIterator() -> Iterator {
        Iterator(driver: EventSourceDriver(configuration: configuration, clock: clock))
    }

    /// Runs the connection loop as it is iterated.
    package struct Iterator: AsyncIteratorProtocol {
        let driver: EventSourceDriver

        package mutating func next() async throws -> EventSourceUpdate? {
            try await driver.next()
        }

        /// The next update if it needs no waiting (parsed from bytes already received), else `nil`. Synchronous:
        /// a consumer takes these after each `next()`, with no async call per event.
        package mutating func nextBuffered() -> EventSourceUpdate? {
            driver.nextBuffered()
        }

        /// From now on hands each event to `lender` as it is parsed, its data lent (valid only during the call),
        /// in place of an `.event` update; `.eventsLent` follows each read that lent any. For a consumer that decodes
        /// events at once: no `String` is made per event. `lender` must not use this iterator.
        package mutating func lendEvents(to lender: @escaping (SSELentEvent) -> Void) {
            driver.lender = lender
        }
    }
}

/// The async sequence of an `EventSource`'s events; see `EventSource.events()`.
package struct EventSourceEvents: AsyncSequence, Sendable {
    package typealias Element = ServerSentEvent
    package typealias Failure = any Error

    let updates: EventSourceUpdates

    package func makeAsyncIterator() -> Iterator {
        Iterator(base: updates.makeAsyncIterator())
    }

    /// Skips everything but events.
    package struct Iterator: AsyncIteratorProtocol {
        var base: EventSourceUpdates.Iterator

        package mutating func next() async throws -> ServerSentEvent? {
            while let update = try await base.next() {
                if case .event(let event) = update { return event }
            }
            return nil
        }
    }
}
