/// The faults of one response (one connection), as a pure state machine: given the events ready to send, it says
/// how many may go out and what happens after them (a stall, a drop at the boundary, a drop mid-event).
///
/// ```
///  ready: e5 e6 e7 e8 e9        dropAfterEvents = 7, 5 sent so far
///  plan:  send e5 e6, then .drop          (with dropMidEvent: .dropMidEvent, i.e. half of e7 first)
/// ```
struct StreamFaultPlan: Sendable {
    /// What to do after the events `plan` lets through.
    enum Action: Sendable, Equatable {
        /// Go silent this long, then go on.
        case stall(Duration)
        /// Close the connection at this event boundary.
        case drop
        /// Send the first half of the next event, then close.
        case dropMidEvent
    }

    private let faults: DemoFaults
    private var random: DemoRandom
    private var stalled = false
    /// Events let through so far.
    private(set) var eventsSent = 0

    /// Creates the plan of one response.
    /// - Parameters:
    ///   - faults: The server's faults.
    ///   - connection: The response's number on this server; mixed into the seed so each response draws
    ///     different random drops.
    init(faults: DemoFaults, connection: UInt64) {
        self.faults = faults
        var seeder = DemoRandom(seed: faults.seed ^ (connection &* 0x9E37_79B9_7F4A_7C15))
        self.random = DemoRandom(seed: seeder.next())
    }

    /// Decides how many of `ready` events go out, and what follows them.
    /// - Parameter ready: How many events are ready to send (at least 1).
    /// - Returns: The events to send (0 only when an action must come first) and the action after them.
    mutating func plan(ready: Int) -> (send: Int, then: Action?) {
        var send = 0
        while send < ready {
            if let stallMilliseconds = faults.stallMilliseconds, !stalled, eventsSent == faults.stallAfterEvents {
                stalled = true
                return (send, .stall(.milliseconds(stallMilliseconds)))
            }
            if let dropAfter = faults.dropAfterEvents, eventsSent >= dropAfter {
                return (send, faults.dropMidEvent ? .dropMidEvent : .drop)
            }
            send += 1
            eventsSent += 1
            if faults.dropProbability > 0, random.nextUnit() < faults.dropProbability {
                return (send, .drop)
            }
        }
        return (send, nil)
    }

    /// The offsets at which to cut `batch` into separate writes, ascending, each strictly inside the batch.
    /// - Parameter batch: The events about to be sent.
    /// - Returns: Cut points for the configured chunking (none for `.none`).
    mutating func cuts(in batch: EventBatch) -> [Int] {
        var cuts: [Int] = []
        let bytes = batch.bytes
        for index in 0..<batch.count {
            let range = batch.range(ofEvent: index)
            switch faults.chunking {
            case .none:
                return []
            case .midLine:
                var lineStart = range.lowerBound
                for offset in range where bytes[offset] == 0x0A || bytes[offset] == 0x0D {
                    if offset - lineStart >= 2 { cuts.append(lineStart + (offset - lineStart) / 2) }
                    lineStart = offset + 1
                }
            case .midCRLF:
                for offset in range.dropFirst() where bytes[offset] == 0x0A && bytes[offset - 1] == 0x0D {
                    cuts.append(offset)
                }
            case .midUTF8:
                if let lead = range.first(where: { bytes[$0] >= 0xC0 }) {
                    cuts.append(lead + 1)
                } else if let lineEnd = range.first(where: { bytes[$0] == 0x0A || bytes[$0] == 0x0D }) {
                    cuts.append(range.lowerBound + max(1, (lineEnd - range.lowerBound) / 2))
                }
            case .random:
                guard range.count > 1 else { continue }
                let pieces = 1 + Int(random.next() % 3)
                var points = Set<Int>()
                for _ in 0..<pieces {
                    points.insert(range.lowerBound + 1 + Int(random.next() % UInt64(range.count - 1)))
                }
                cuts.append(contentsOf: points.sorted())
            }
        }
        return cuts.filter { $0 > 0 && $0 < bytes.count }
    }
}
