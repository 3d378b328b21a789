/// All events of one reply so far, as one growing buffer: appended by the generator, read from any event offset
/// by any number of connections. A pure value; `Generation` guards it.
struct GenerationLog: Sendable {
    private var storage = EventBatch()

    /// How many events the log holds.
    var eventCount: Int { storage.count }

    /// Appends a batch of events.
    mutating func append(_ batch: EventBatch) {
        guard !batch.isEmpty else { return }
        let base = storage.bytes.count
        storage.bytes.append(contentsOf: batch.bytes)
        storage.ends.reserveCapacity(storage.ends.count + batch.count)
        for end in batch.ends { storage.ends.append(base + end) }
    }

    /// The events from `index` on, as many as fit in `maxBytes` (but always at least one) and at most `maxEvents`.
    /// - Parameters:
    ///   - index: The first event to read.
    ///   - maxBytes: A soft limit on the bytes returned.
    ///   - maxEvents: The most events to return.
    /// - Returns: The events, empty when `index` is at or past the end.
    func events(from index: Int, maxBytes: Int, maxEvents: Int) -> EventBatch {
        guard index >= 0, index < storage.count, maxEvents > 0 else { return EventBatch() }
        let start = storage.range(ofEvent: index).lowerBound
        var last = index
        let limit = maxEvents >= storage.count - index ? storage.count : index + maxEvents
        while last + 1 < limit, storage.ends[last + 1] - start <= maxBytes { last += 1 }
        let ends = storage.ends[index...last].map { $0 - start }
        return EventBatch(bytes: Array(storage.bytes[start..<storage.ends[last]]), ends: ends)
    }
}
