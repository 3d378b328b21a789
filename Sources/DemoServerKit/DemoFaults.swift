/// Faults the demo server injects into its responses, for tests, benchmarks and demos of resume.
///
/// Drops and stalls count the events of each response (each connection) separately, so a client that resumes
/// with `Last-Event-ID` makes progress on every connection as long as `dropAfterEvents` is at least 1.
package struct DemoFaults: Sendable, Hashable {
    /// Close the connection after this many events of each response (`nil`: never).
    package var dropAfterEvents: Int?
    /// With `dropAfterEvents`, send the first half of the next event before closing, so the drop lands in the
    /// middle of an event instead of at a boundary.
    package var dropMidEvent: Bool
    /// After each event, close the connection with this probability (0 … 1).
    package var dropProbability: Double
    /// Seeds the random choices (`dropProbability`, `.random` chunking), so a run can be repeated.
    package var seed: UInt64
    /// Go silent for this long in the middle of each response (no events, no keep-alive comments).
    package var stallMilliseconds: Int?
    /// How many events of a response come before the stall.
    package var stallAfterEvents: Int
    /// Answer every request with this HTTP status and an error body instead of serving it.
    package var status: Int?
    /// Where event bytes are split across separate writes (HTTP chunks).
    package var chunking: DemoChunking

    /// No faults at all.
    package static let none = DemoFaults()

    /// Creates a fault plan; by default nothing is injected.
    /// - Parameters:
    ///   - dropAfterEvents: Close each response after this many events.
    ///   - dropMidEvent: Send half of one more event before such a drop.
    ///   - dropProbability: The chance of closing after each event.
    ///   - seed: The seed of the random choices.
    ///   - stallMilliseconds: How long to go silent mid-response.
    ///   - stallAfterEvents: How many events come before the stall.
    ///   - status: Answer every request with this status.
    ///   - chunking: Where to split writes.
    package init(
        dropAfterEvents: Int? = nil,
        dropMidEvent: Bool = false,
        dropProbability: Double = 0,
        seed: UInt64 = 0,
        stallMilliseconds: Int? = nil,
        stallAfterEvents: Int = 3,
        status: Int? = nil,
        chunking: DemoChunking = .none
    ) {
        self.dropAfterEvents = dropAfterEvents
        self.dropMidEvent = dropMidEvent
        self.dropProbability = dropProbability
        self.seed = seed
        self.stallMilliseconds = stallMilliseconds
        self.stallAfterEvents = stallAfterEvents
        self.status = status
        self.chunking = chunking
    }
}

/// Where the demo server splits event bytes across writes. Each piece goes out as its own HTTP chunk, which a
/// client receives as a separate read.
package enum DemoChunking: String, Sendable, Hashable, CaseIterable {
    /// Whole events (or several coalesced events) per write.
    case none
    /// Every line of every event is split in its middle.
    case midLine = "mid-line"
    /// Lines end in CRLF, and every CRLF is split between its CR and its LF.
    case midCRLF = "mid-crlf"
    /// Every event is split inside its first multi-byte UTF-8 character (mid-line when it has none).
    case midUTF8 = "mid-utf8"
    /// Every event is split at one to three seeded random places.
    case random
}
