/// Paces a reply's events into its generation: the opening events at once, then the tokens at the configured
/// rate (or as fast as possible), then the closing events. A cancelled producer stops without the closing
/// events, so the reply stays visibly incomplete.
struct DemoProducer: Sendable {
    /// Tokens per second; 0 or less is as fast as possible.
    let tokensPerSecond: Double
    /// The clock that paces.
    let clock: any Clock<Duration>
    /// How many events to append at once when unpaced.
    static let unpacedBatch = 512

    /// Produces `events` into `generation`.
    /// - Parameters:
    ///   - events: The reply's events.
    ///   - generation: Where they go.
    ///   - writer: Assigns the event ids.
    func run(_ events: ReplyEvents, into generation: Generation, writer: EventWriter) async {
        var writer = writer
        var batch = EventBatch()
        for event in events.opening { writer.append(data: event.data, event: event.type, to: &batch) }
        generation.append(batch)
        batch.removeAll()
        let complete: Bool
        if tokensPerSecond > 0, tokensPerSecond.isFinite {
            complete = await paced(events, into: generation, writer: &writer, clock: clock)
        } else {
            complete = await unpaced(events, into: generation, writer: &writer)
        }
        guard complete, !Task.isCancelled else { return }
        for event in events.closing { writer.append(data: event.data, event: event.type, to: &batch) }
        generation.append(batch)
    }

    private func unpaced(_ events: ReplyEvents, into generation: Generation, writer: inout EventWriter) async -> Bool {
        var batch = EventBatch()
        var next = 0
        let base = events.tokenData.count
        while next < events.tokenCount {
            let end = min(events.tokenCount, next + Self.unpacedBatch)
            for index in next..<end {
                writer.append(data: events.tokenData[index % base], event: events.tokenType, to: &batch)
            }
            generation.append(batch)
            batch.removeAll()
            next = end
            await Task.yield()
            if Task.isCancelled { return false }
        }
        return true
    }

    /// Sleeps until each token is due on `clock` (deadlines from the start, so no drift); tokens that fell due
    /// while the task waited go out together.
    private func paced<C: Clock>(
        _ events: ReplyEvents,
        into generation: Generation,
        writer: inout EventWriter,
        clock: C
    ) async -> Bool where C.Duration == Duration {
        let interval = Duration.seconds(1 / tokensPerSecond)
        let start = clock.now
        let base = events.tokenData.count
        var batch = EventBatch()
        var sent = 0
        while sent < events.tokenCount {
            do {
                try await clock.sleep(until: start.advanced(by: interval * (sent + 1)), tolerance: nil)
            } catch {
                return false
            }
            let elapsed = start.duration(to: clock.now)
            let due = min(events.tokenCount, max(sent + 1, Int(min(elapsed / interval, Double(Int32.max)))))
            for index in sent..<due {
                writer.append(data: events.tokenData[index % base], event: events.tokenType, to: &batch)
            }
            sent = due
            generation.append(batch)
            batch.removeAll()
        }
        return true
    }
}
