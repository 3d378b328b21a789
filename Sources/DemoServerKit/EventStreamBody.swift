import FlyingFox
import FlyingSocks
import SSE

/// How one response streams a generation: pacing-independent settings shared by every connection of a server.
struct StreamSettings: Sendable {
    /// The `retry:` value sent first.
    var retryMilliseconds: Int
    /// Quiet time before a `: keep-alive` comment; zero or less sends none.
    var keepAliveInterval: Duration
    /// The clock for keep-alives and stalls.
    var clock: any Clock<Duration>
    /// Coalesce ready events into one write (else one event per write).
    var coalesce: Bool
    /// Faults to inject.
    var faults: DemoFaults
    /// The wire encoder.
    var encoder: SSEEncoder
    /// How long a generation keeps producing with no reader.
    var retention: Duration
    /// The most bytes one write carries when coalescing (one event may exceed it).
    static let maxWriteBytes = 256 * 1024
}

/// The body of one SSE response: the generation's events from an offset on, then live ones as they come, with
/// keep-alive comments when quiet and the configured faults applied. FlyingFox sends each buffer it returns as
/// one HTTP chunk; throwing closes the connection without the final chunk, which a client sees as a drop.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let generation: Generation
    let startIndex: Int
    let settings: StreamSettings
    /// The response's number on this server (seeds its random faults).
    let connection: UInt64

    func makeAsyncIterator() -> Iterator {
        Iterator(body: self)
    }

    /// Thrown to close a connection on purpose (an injected drop).
    struct Dropped: Error, CustomStringConvertible {
        var description: String { "connection dropped on purpose (fault injection)" }
    }

    /// Keeps a generation's reader count while a response streams it.
    final class ReaderLease: Sendable {
        let generation: Generation
        let settings: StreamSettings

        init(generation: Generation, settings: StreamSettings) {
            self.generation = generation
            self.settings = settings
            generation.attachReader()
        }

        deinit {
            generation.detachReader(retention: settings.retention, clock: settings.clock)
        }
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        typealias Buffer = [UInt8]

        private let lease: ReaderLease
        private var position: Int
        private var plan: StreamFaultPlan
        private var pieces: [[UInt8]] = []
        private var nextPiece = 0
        private var pending: StreamFaultPlan.Action?
        private var preamble: [UInt8]?
        private var finished = false
        private var leftover: [UInt8] = []

        private var generation: Generation { lease.generation }
        private var settings: StreamSettings { lease.settings }

        init(body: EventStreamBody) {
            lease = ReaderLease(generation: body.generation, settings: body.settings)
            position = body.startIndex
            plan = StreamFaultPlan(faults: body.settings.faults, connection: body.connection)
            var preamble: [UInt8] = []
            body.settings.encoder.appendRetry(milliseconds: body.settings.retryMilliseconds, to: &preamble)
            self.preamble = preamble
        }

        mutating func next() async throws -> UInt8? {
            if leftover.isEmpty {
                guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
                leftover = buffer
            }
            return leftover.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !leftover.isEmpty {
                defer { leftover = [] }
                return leftover
            }
            // The retry line goes out first, alone, so the client learns it even before the first event.
            if let preamble = takePreamble() { return preamble }
            while true {
                if nextPiece < pieces.count {
                    defer { nextPiece += 1 }
                    return pieces[nextPiece]
                }
                if let action = pending {
                    pending = nil
                    if let buffer = try await perform(action) { return buffer }
                    continue
                }
                if finished { return nil }
                let maxEvents = settings.coalesce ? Int.max : 1
                switch generation.read(from: position, maxBytes: StreamSettings.maxWriteBytes, maxEvents: maxEvents) {
                case .events(let batch):
                    let (send, action) = plan.plan(ready: batch.count)
                    pending = action
                    if send > 0 {
                        let events = batch.prefix(send)
                        position += send
                        enqueue(events)
                    }
                case .finished:
                    finished = true
                    return nil
                case .pending:
                    if try await waitForMore() { return keepAlive() }
                }
            }
        }

        /// Carries out a fault; returns bytes to send now, if any.
        private mutating func perform(_ action: StreamFaultPlan.Action) async throws -> [UInt8]? {
            switch action {
            case .stall(let duration):
                try await settings.clock.sleep(for: duration)
                return nil
            case .drop:
                throw Dropped()
            case .dropMidEvent:
                switch generation.read(from: position, maxBytes: 1, maxEvents: 1) {
                case .events(let batch):
                    pieces = [Array(batch.bytes[0..<Swift.max(1, batch.bytes.count / 2)])]
                    nextPiece = 0
                    pending = .drop
                    return nil
                case .finished:
                    throw Dropped()
                case .pending:
                    pending = .dropMidEvent
                    return try await waitForMore() ? keepAlive() : nil
                }
            }
        }

        private mutating func enqueue(_ events: EventBatch) {
            let cuts = plan.cuts(in: events)
            nextPiece = 0
            guard !cuts.isEmpty else {
                pieces = [events.bytes]
                return
            }
            pieces = []
            var start = 0
            for cut in cuts + [events.bytes.count] {
                pieces.append(Array(events.bytes[start..<cut]))
                start = cut
            }
        }

        private mutating func takePreamble() -> [UInt8]? {
            defer { preamble = nil }
            return preamble
        }

        private func keepAlive() -> [UInt8] {
            settings.encoder.encodeComment("keep-alive")
        }

        /// Waits for events past `position`; `true` when the keep-alive interval passed first.
        private func waitForMore() async throws -> Bool {
            let generation = self.generation
            let position = self.position
            let clock = settings.clock
            let interval = settings.keepAliveInterval
            guard interval > .zero else {
                await generation.waitForEvents(beyond: position)
                try Task.checkCancellation()
                return false
            }
            let timedOut = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    await generation.waitForEvents(beyond: position)
                    return false
                }
                group.addTask {
                    do {
                        try await clock.sleep(for: interval)
                        return true
                    } catch {
                        return false
                    }
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            try Task.checkCancellation()
            return timedOut
        }
    }
}
