import ChatWire
import Foundation
import SSE
import SSEClient

/// The updates of one reply, as an async sequence: request, stream, decode, resume, retry.
///
/// Resumption follows DESIGN.md: LLM requests are POSTs, and sending one again starts a new, separately billed
/// generation. So a reply whose connection drops is resumed (the same request with `Last-Event-ID`) only when the
/// server gave its events ids; otherwise the stream ends with `.finished(.incomplete)` and the text so far stands.
/// A request that fails before any event arrived may be retried (`RetryPolicy`). Iterating decodes inline, with
/// no task per reply; cancelling the iterating task closes the connection at once.
package struct ChatReplyStream: AsyncSequence, Sendable {
    package typealias Element = ChatReplyUpdate
    package typealias Failure = any Error

    let endpoint: ChatEndpoint
    let messages: [ChatMessage]
    let options: ChatReplyOptions
    let clock: any Clock<Duration>

    /// Creates the stream of one reply; nothing is sent until it is iterated.
    /// - Parameters:
    ///   - endpoint: Where to send the conversation.
    ///   - messages: The conversation, ending with the user's turn.
    ///   - options: Timeouts, resumption and retries.
    ///   - clock: The clock for waits.
    package init(
        endpoint: ChatEndpoint,
        messages: [ChatMessage],
        options: ChatReplyOptions = ChatReplyOptions(),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.endpoint = endpoint
        self.messages = messages
        self.options = options
        self.clock = clock
    }

    package func makeAsyncIterator() -> Iterator {
        Iterator(driver: ChatReplyDriver(stream: self))
    }

    /// Drives the reply as it is iterated.
    package struct Iterator: AsyncIteratorProtocol {
        let driver: ChatReplyDriver

        package mutating func next() async throws -> ChatReplyUpdate? {
            try await driver.next()
        }

        /// Whether `next()` can answer at once, without waiting for the network: a renderer may hold its output
        /// back while this is true and write one batch when it turns false.
        package var hasBufferedUpdates: Bool { driver.hasBufferedUpdates }
    }
}

/// The state of one reply being fetched. Used by one iterating task at a time.
final class ChatReplyDriver: @unchecked Sendable {
    // @unchecked: only the iterating task touches the state.
    private let stream: ChatReplyStream
    private var source: EventSourceUpdates.Iterator?
    private var decoder: any ChatStreamDecoder
    private var retryPolicy: RetryPolicy
    private var pending: [ChatReplyUpdate] = []
    private var pendingIndex = 0
    private var sawEvent = false
    private var lastEventID = ""
    private var resumes = 0
    private var finished = false
    private var retryDelay: Duration?

    init(stream: ChatReplyStream) {
        self.stream = stream
        self.decoder = stream.endpoint.provider.wireFormat.makeDecoder()
        self.retryPolicy = RetryPolicy(options: stream.options)
    }

    var hasBufferedUpdates: Bool { pendingIndex < pending.count || (source?.hasBufferedUpdates ?? false) }

    func next() async throws -> ChatReplyUpdate? {
        while true {
            if pendingIndex < pending.count {
                defer { pendingIndex += 1 }
                return pending[pendingIndex]
            }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if finished { return nil }
            if source == nil {
                if let delay = retryDelay {
                    retryDelay = nil
                    try await stream.clock.sleep(for: delay)
                }
                source = try makeSource()
            }
            let update: EventSourceUpdate?
            do {
                update = try await source?.next()
            } catch let error as EventSourceError {
                try await handleFailure(error)
                continue
            } catch let error as ChatWireError {
                throw ChatClientError(error)
            }
            guard let update else {
                finish(.incomplete(.dropped("the stream ended before its end marker")))
                continue
            }
            try handle(update)
        }
    }

    private func makeSource() throws -> EventSourceUpdates.Iterator {
        let request: ChatHTTPRequest
        do {
            request = try stream.endpoint.makeRequest(for: stream.messages)
        } catch let error as ChatWireError {
            throw ChatClientError(error)
        }
        var configuration = EventSourceConfiguration(url: request.url)
        configuration.method = request.method
        configuration.body = request.body
        for header in request.headers { configuration.headers[header.name] = header.value }
        configuration.idleTimeout = stream.options.idleTimeout
        configuration.reconnectionTime = stream.options.resumeDelay
        // Reconnections are resumptions, decided per drop in `closed(_:)`; the source only caps attempts in a row
        // that bring no event.
        configuration.maxReconnects = nil
        configuration.maxConsecutiveFailures = stream.options.maxResumes
        return EventSource(configuration, clock: stream.clock).updates().makeAsyncIterator()
    }

    private func handle(_ update: EventSourceUpdate) throws {
        switch update {
        case .event(let event):
            sawEvent = true
            lastEventID = event.lastEventID
            resumes = 0  // progress: the resume limit counts drops in a row without a new event
            do {
                try decoder.decode(event) { chatEvent in
                    pending.append(.event(chatEvent))
                    if chatEvent == .done { finish(.complete) }
                }
            } catch let error as ChatWireError {
                source = nil
                throw ChatClientError(error)
            }
        case .closed(let reason):
            try closed(reason)
        case .connecting, .open, .reconnecting:
            break
        }
    }

    /// The connection closed: end, resume (ids given) or report the reply incomplete.
    private func closed(_ reason: EventSourceCloseReason) throws {
        guard !finished else { return }
        var because: ChatReplyIncompleteness
        switch reason {
        case .endOfStream:
            try? decoder.finishStream { chatEvent in
                pending.append(.event(chatEvent))
                if chatEvent == .done { finish(.complete) }
            }
            if finished { return }
            because = .dropped("the server ended the reply before its end marker")
        case .noContent:
            because = .dropped("the server answered 204 No Content")
        case .failed(let error):
            because = error.code == .idleTimeout ? .stalled(error.description) : .dropped(error.description)
        }
        if !lastEventID.isEmpty, resumes < stream.options.maxResumes, Self.isResumable(reason) {
            // The server gave ids: the EventSource reconnects with Last-Event-ID and the reply continues.
            resumes += 1
            pending.append(.resuming(reason: Self.text(of: because)))
            return
        }
        if !sawEvent, case .failed(let error) = reason {
            // Nothing was shown yet: retry what may pass, report the rest as the error it is.
            source = nil
            guard let delay = retryPolicy.delay(after: error) else { throw ChatClientError(error) }
            pending.append(.retrying(after: delay, reason: ChatClientError(error).message))
            retryDelay = delay
            return
        }
        finish(.incomplete(because))
    }

    private func handleFailure(_ error: EventSourceError) async throws {
        source = nil
        if !sawEvent, let delay = retryPolicy.delay(after: error) {
            pending.append(.retrying(after: delay, reason: ChatClientError(error).message))
            retryDelay = delay
            return
        }
        if sawEvent {
            // A failure while resuming (an expired id, say) leaves the reply incomplete rather than lost.
            finish(.incomplete(.dropped(ChatClientError(error).message)))
            return
        }
        throw ChatClientError(error)
    }

    private func finish(_ outcome: ChatReplyOutcome) {
        guard !finished else { return }
        finished = true
        source = nil
        pending.append(.finished(outcome))
    }

    /// A clean end without the marker, a dropped connection or a stall may be resumed; a refusal may not.
    private static func isResumable(_ reason: EventSourceCloseReason) -> Bool {
        switch reason {
        case .endOfStream: true
        case .noContent: false
        case .failed(let error): [.network, .idleTimeout, .hostUnreachable].contains(error.code)
        }
    }

    private static func text(of reason: ChatReplyIncompleteness) -> String {
        switch reason {
        case .dropped(let text), .stalled(let text): text
        }
    }
}
