/// Encoded events back to back in one buffer, with where each ends: the unit the demo server appends to a reply's
/// log and hands to a connection in one write.
///
/// ```
///  bytes: | id: g-0␤data: …␤␤ | id: g-1␤data: …␤␤ | id: g-2␤data: …␤␤ |
///  ends:                     ^17                  ^34                  ^51
/// ```
struct EventBatch: Sendable {
    /// The events' bytes.
    var bytes: [UInt8] = []
    /// The offset just past each event in `bytes`, ascending.
    var ends: [Int] = []

    /// How many events the batch holds.
    var count: Int { ends.count }
    /// Whether the batch holds no event.
    var isEmpty: Bool { ends.isEmpty }

    /// Creates an empty batch.
    init() {}

    /// Creates a batch from raw parts.
    init(bytes: [UInt8], ends: [Int]) {
        self.bytes = bytes
        self.ends = ends
    }

    /// Appends one event written by `write`, which must append exactly one complete event.
    mutating func appendEvent(_ write: (inout [UInt8]) -> Void) {
        write(&bytes)
        ends.append(bytes.count)
    }

    /// The byte range of event `index`.
    func range(ofEvent index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// The first `count` events as a batch of their own.
    func prefix(_ count: Int) -> EventBatch {
        guard count < self.count else { return self }
        guard count > 0 else { return EventBatch() }
        return EventBatch(bytes: Array(bytes[0..<ends[count - 1]]), ends: Array(ends[0..<count]))
    }

    /// Empties the batch, keeping its storage for reuse.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
