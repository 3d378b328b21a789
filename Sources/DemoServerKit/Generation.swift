import Synchronization

/// One reply being generated, decoupled from the connections that stream it.
///
/// A producer task appends events to the log; any number of connections read it from any event offset and wait
/// for more. A connection going away does not stop the producer. When the last reader has been gone for the
/// retention time while the reply is still being produced, the producer is cancelled (the reply is abandoned);
/// a finished reply's log is dropped by the `GenerationStore` after the retention time.
final class Generation: Sendable {
    /// Which endpoint's wire format the events are in; a resume must come to the same endpoint.
    enum Kind: String, Sendable {
        case openAI = "/v1/chat/completions"
        case plain = "/chat"
        case responses = "/v1/responses"
    }

    /// What `read` found.
    enum ReadResult: Sendable {
        /// Events at and after the requested offset.
        case events(EventBatch)
        /// Nothing yet; more will come.
        case pending
        /// Nothing more will ever come.
        case finished
    }

    /// The reply's id, the first half of its event ids.
    let id: String
    /// The endpoint format of the events.
    let kind: Kind
    /// Whether it is a background Responses reply: kept, streamed again from a sequence number, cancellable.
    let isBackground: Bool

    fileprivate struct State {
        var log = GenerationLog()
        var finished = false
        var cancelled = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiterID = 0
        var readers = 0
        var producer: Task<Void, Never>?
        var abandonTimer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    /// Creates an empty generation.
    init(id: String, kind: Kind, isBackground: Bool = false) {
        self.id = id
        self.kind = kind
        self.isBackground = isBackground
    }

    /// How many events the log holds.
    var eventCount: Int { state.withLock { $0.log.eventCount } }
    /// Whether the reply is complete (or was abandoned).
    var isFinished: Bool { state.withLock { $0.finished } }

    /// Appends events and wakes the readers waiting for them.
    func append(_ batch: EventBatch) {
        guard !batch.isEmpty else { return }
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.finished else { return [] }
            state.log.append(batch)
            return state.takeWaiters()
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Marks the reply complete: readers get what is left and then the end.
    func finish() {
        let (waiters, timer) = state.withLock { state in
            state.finished = true
            state.producer = nil
            defer { state.abandonTimer = nil }
            return (state.takeWaiters(), state.abandonTimer)
        }
        timer?.cancel()
        for waiter in waiters { waiter.resume() }
    }

    /// Reads events from `index` on.
    /// - Parameters:
    ///   - index: The first event to read.
    ///   - maxBytes: A soft limit on the bytes returned (at least one event is returned when there is one).
    ///   - maxEvents: The most events to return.
    func read(from index: Int, maxBytes: Int, maxEvents: Int) -> ReadResult {
        state.withLock { state in
            if index < state.log.eventCount {
                return .events(state.log.events(from: index, maxBytes: maxBytes, maxEvents: maxEvents))
            }
            return state.finished ? .finished : .pending
        }
    }

    /// Suspends until the log holds more than `count` events, the reply finishes, or the task is cancelled.
    func waitForEvents(beyond count: Int) async {
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if state.log.eventCount > count || state.finished || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Records the task producing the events, so an abandoned reply can be stopped.
    func setProducer(_ task: Task<Void, Never>) {
        let cancelled = state.withLock { state in
            if !state.finished { state.producer = task }
            return state.cancelled
        }
        if cancelled { task.cancel() }
    }

    /// Stops producing (used when the server stops or the reply is abandoned) and finishes the reply.
    func cancel() {
        let producer = state.withLock { state in
            state.cancelled = true
            return state.producer
        }
        producer?.cancel()
        finish()
    }

    /// A connection starts reading.
    func attachReader() {
        let timer = state.withLock { state in
            state.readers += 1
            defer { state.abandonTimer = nil }
            return state.abandonTimer
        }
        timer?.cancel()
    }

    /// A connection stopped reading; when it was the last one and the reply is still being produced, the reply
    /// is abandoned after `retention` unless another reader attaches first.
    /// - Parameters:
    ///   - retention: How long to wait for a reader to come back.
    ///   - clock: The clock to wait on.
    func detachReader(retention: Duration, clock: any Clock<Duration>) {
        state.withLock { state in
            state.readers -= 1
            guard state.readers == 0, !state.finished, state.abandonTimer == nil else { return }
            state.abandonTimer = Task { [weak self] in
                do { try await clock.sleep(for: retention) } catch { return }
                self?.abandonIfUnread()
            }
        }
    }

    private func abandonIfUnread() {
        let abandon = state.withLock { $0.readers == 0 && !$0.finished }
        if abandon { cancel() }
    }
}

extension Generation.State {
    fileprivate mutating func takeWaiters() -> [CheckedContinuation<Void, Never>] {
        defer { waiters.removeAll() }
        return Array(waiters.values)
    }
}
