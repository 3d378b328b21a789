import ChatWire
import Foundation
import SSE
import SSEClient

/// The updates of one reply, as an async sequence: the shell around `ReplyStateMachine`.
///
/// It makes one `EventSource` connection at a time (none reconnects by itself), decodes the events with the
/// provider's decoder, feeds everything that happens to the machine, and carries out its actions: emit, resume (the
/// wire format's resume request, with `Last-Event-ID`), retry, finish. Every stream ends with `.finished(ReplyEnd)` —
/// failures included — unless the iterating task is cancelled, which closes the connection at once
/// (`CancellationError`). Iterating decodes inline, with no task per reply. Nothing is sent until the first `next()`.
/// When the decoder first reports a reply the server keeps (its cursor), the stream says so once with `.kept`.
package struct ChatReplyStream: AsyncSequence, Sendable {
    package typealias Element = ChatReplyUpdate
    package typealias Failure = any Error

    let endpoint: ChatEndpoint
    let messages: [ChatMessage]
    let options: ChatReplyOptions
    let clock: any Clock<Duration>
    let gate: RequestGate?

    /// Creates the stream of one reply; nothing is sent until it is iterated.
    /// - Parameters:
    ///   - endpoint: Where to send the conversation.
    ///   - messages: The conversation, ending with the user's turn.
    ///   - options: Timeouts, resumption and retries.
    ///   - clock: The clock for waits.
    ///   - gate: When set, the request waits for it to open (the connection is set up meanwhile).
    package init(
        endpoint: ChatEndpoint,
        messages: [ChatMessage],
        options: ChatReplyOptions = ChatReplyOptions(),
        clock: any Clock<Duration> = ContinuousClock(),
        gate: RequestGate? = nil
    ) {
        self.endpoint = endpoint
        self.messages = messages
        self.options = options
        self.clock = clock
        self.gate = gate
    }

    package func makeAsyncIterator() -> Iterator {
        Iterator(driver: ChatReplyDriver(stream: self))
    }

    /// Drives the reply as it is iterated.
    package struct Iterator: AsyncIteratorProtocol {
        let driver: ChatReplyDriver

        /// The next update.
        /// - Throws: `CancellationError` only, when the iterating task is cancelled.
        package mutating func next() async throws -> ChatReplyUpdate? {
            try await driver.next()
        }

        /// The next update if it needs no waiting (decoded from events already received), else `nil`: a renderer
        /// takes these after each `next()` and writes them all at once.
        package mutating func nextBuffered() -> ChatReplyUpdate? {
            driver.nextBuffered()
        }
    }
}

/// The I/O of one reply: connections, decoding, waits. Used by one iterating task at a time.
final class ChatReplyDriver: @unchecked Sendable {
    // @unchecked: only the iterating task touches the state. For the same reason the state that every event
    // touches is `@exclusivity(unchecked)`: no access can overlap another, and the runtime's check of each one cost
    // a fast reply's consumer about a tenth of its time.
    private let stream: ChatReplyStream
    @exclusivity(unchecked) private var machine: ReplyStateMachine
    @exclusivity(unchecked) private var decoder: any ChatStreamDecoder
    @exclusivity(unchecked) private var source: EventSourceUpdates.Iterator?
    /// The next connection to make: after how long, and from which resume point (`nil`: the request from scratch).
    private var nextConnection: (delay: Duration, point: ChatResumePoint?)? = (.zero, nil)
    /// The kept reply's id, once reported.
    private var keptReplyID: String?
    @exclusivity(unchecked) private var pending = UpdateQueue<ChatReplyUpdate>()
    /// Whether `source.next()` is running: events it lends are decoded meanwhile, and a finish they bring drops the
    /// source only once the call has returned (`dropsSource`), not from inside it.
    private var readingSource = false
    private var dropsSource = false

    init(stream: ChatReplyStream) {
        self.stream = stream
        self.machine = ReplyStateMachine(options: stream.options)
        self.decoder = stream.endpoint.provider.wireFormat.makeDecoder()
    }

    /// The next update that needs no waiting: one decoded already, or one decoded now from an event already
    /// received. Synchronous, so a burst of events costs no async call per event.
    func nextBuffered() -> ChatReplyUpdate? {
        while true {
            if let update = pending.next() { return update }
            guard !machine.isFinished, let update = source?.nextBuffered() else { return nil }
            handle(update)
        }
    }

    func next() async throws -> ChatReplyUpdate? {
        while true {
            if let update = nextBuffered() { return update }
            if machine.isFinished { return nil }
            if source == nil {
                guard let connection = nextConnection else { return nil }
                nextConnection = nil
                if connection.delay > .zero { try await stream.clock.sleep(for: connection.delay) }
                connect(from: connection.point)
                continue
            }
            let update: EventSourceUpdate?
            readingSource = true
            defer { readingSource = false }
            do {
                update = try await source?.next()
            } catch let error as EventSourceError {
                // The source reports every end as `.closed` first; this is only a safety net.
                update = .closed(.failed(error))
            }
            readingSource = false
            if dropsSource {
                // A lent event finished the reply: what else the read brought is not read, as before lending.
                dropsSource = false
                source = nil
                continue
            }
            handle(update ?? .closed(.endOfStream))
        }
    }

    private func connect(from point: ChatResumePoint?) {
        let request: ChatHTTPRequest
        do {
            if let point {
                request = try stream.endpoint.makeResumeRequest(for: stream.messages, from: point)
            } else {
                request = try stream.endpoint.makeRequest(for: stream.messages)
            }
        } catch {
            if let action = machine.failed(ChatClientError(error)) { carryOut(action) }
            return
        }
        var configuration = EventSourceConfiguration(url: request.url)
        configuration.method = request.method
        configuration.body = request.body
        for header in request.headers { configuration.headers[header.name] = header.value }
        configuration.lastEventID = point?.lastEventID ?? ""
        configuration.idleTimeout = stream.options.idleTimeout
        configuration.gate = stream.gate
        // A reply may stream for minutes: on a connection opened ahead, URLSession does not spin while it waits.
        configuration.preconnects = stream.options.preconnects
        if let limit = stream.options.maxLineLength { configuration.limitLines(to: limit) }
        // One connection: every reconnection is the machine's decision.
        configuration.maxReconnects = 0
        // A complete JSON reply is read only in answer to the request itself: as the answer to a resume it would
        // repeat what was shown.
        configuration.acceptsJSONDocument = point == nil && stream.endpoint.provider.wireFormat.readsCompleteReplies
        var updates = EventSource(configuration, clock: stream.clock).updates().makeAsyncIterator()
        // Each event is decoded as it is parsed, from the parser's buffer: no `String` per event. `unowned`: the
        // driver owns the source, and the source this closure.
        updates.lendEvents(to: { [unowned self] event in received(event) })
        source = updates
    }

    private func handle(_ update: EventSourceUpdate) {
        switch update {
        case .open:
            machine.opened()
        case .event(let event):
            receive(.value(event))
        case .retry(let time):
            machine.retryReceived(time)
        case .document(_, let body):
            decode { _, emit in try stream.endpoint.provider.wireFormat.decodeCompleteReply(body, emit: emit) }
        case .closed(let reason):
            source = nil
            if reason == .endOfStream {
                decode { decoder, emit in try decoder.finishStream(emit: emit) }
            }
            if let action = machine.closed(reason, jitter: stream.options.jitter()) { carryOut(action) }
        case .connecting, .reconnecting, .eventsLent:
            break
        }
    }

    /// An event the source lends as it parses it (inside `source.next()`), decoded at once. Once the reply has
    /// finished the rest of the read is ignored, as the updates after a finish always were.
    private func received(_ event: SSELentEvent) {
        guard !machine.isFinished else { return }
        receive(.lent(event))
    }

    /// An event as the source gives it: a value, or lent for the duration of the call.
    private enum ReceivedEvent {
        case value(ServerSentEvent)
        case lent(SSELentEvent)
    }

    /// Decodes one event; the updates go straight to `pending`, a reply's `.kept` before those of its event.
    private func receive(_ event: ReceivedEvent) {
        let start = pending.endIndex
        var cursor: ChatResumeCursor?
        decode { decoder, emit in
            // Read in the same access as the decoding: read apart, the existential is copied for the getter.
            defer { cursor = decoder.resumeCursor }
            switch event {
            case .value(let event): try decoder.decode(event, emit: emit)
            case .lent(let event): try decoder.decode(lent: event, emit: emit)
            }
        }
        let eventID =
            switch event {
            case .value(let event): event.eventID
            case .lent(let event): event.eventID
            }
        machine.eventReceived(at: ChatResumePoint(eventID: eventID, cursor: cursor))
        if let id = cursor?.replyID, id != keptReplyID {
            keptReplyID = id
            pending.insert(.kept(replyID: id), at: start)
        }
    }

    /// Runs the decoder, feeding each chat event to the machine and carrying out its actions as they come; a
    /// decoding error fails the reply.
    private func decode(_ body: (inout any ChatStreamDecoder, (ChatEvent) -> Void) throws -> Void) {
        do {
            try body(&decoder) { chatEvent in machine.decoded(chatEvent) { carryOut($0) } }
        } catch {
            if let action = machine.failed(ChatClientError(error)) { carryOut(action) }
        }
    }

    /// Turns one of the machine's actions into an update and the next connection.
    private func carryOut(_ action: consuming ReplyStateMachine.Action) {
        switch consume action {
        case .emit(let event):
            pending.append(.event(event))
        case .resume(let delay, let point, let reason):
            pending.append(.resuming(reason: reason))
            nextConnection = (delay, point)
        case .retry(let delay, let reason):
            pending.append(.retrying(after: delay, reason: reason))
            nextConnection = (delay, nil)
        case .finish(let end):
            pending.append(.finished(end))
            if readingSource { dropsSource = true } else { source = nil }
        }
    }
}
