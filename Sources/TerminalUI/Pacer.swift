/// Evens out the flow of text for `--pace CPS`: deltas go in with their arrival times, and `release(at:)` says
/// which characters are due at a given time. Pure: times are explicit `Duration`s since any fixed origin (the
/// driver computes them from an injected clock), so tests need no sleeping.
///
/// ```
///  rate   = max(charactersPerSecond, backlog / (newest arrival + maximumLag − now))
///  credit += elapsed × rate       (at most 1 while the queue is empty: one character may go out at once)
///  release ⌊credit⌋ characters, and at least every character that arrived more than maximumLag ago
///  the next one is due at last + (1 − credit) / rate, or at the oldest character's deadline if sooner
/// ```
///
/// So text flows at the steady rate while the model is slower than it, and speeds up evenly, never lagging more
/// than `maximumLag`, while the model is faster. Characters are grapheme clusters, so an emoji is released whole.
/// Nothing is ever dropped: `drain()` returns whatever is left (at the end of a reply or on cancel).
package struct Pacer: Sendable {
    /// The steady rate, in characters per second.
    package let charactersPerSecond: Double
    /// The most a character may wait between arriving and being released.
    package let maximumLag: Duration

    private var queue: [Character] = []
    private var head = 0
    /// Per delta still (partly) queued: the queue position just past its last character, and its deadline.
    private var deadlines: [(end: Int, deadline: Duration)] = []
    private var deadlineHead = 0
    private var credit = 0.0
    private var last: Duration?

    /// Creates a pacer.
    /// - Parameters:
    ///   - charactersPerSecond: The steady rate; values below 1 are raised to 1.
    ///   - maximumLag: How long a character may wait at most; zero or less means 2 seconds.
    package init(charactersPerSecond: Double, maximumLag: Duration = .seconds(2)) {
        self.charactersPerSecond = max(charactersPerSecond, 1)
        self.maximumLag = maximumLag > .zero ? maximumLag : .seconds(2)
    }

    /// The characters received and not yet released.
    package var backlog: Int { queue.count - head }

    /// Adds a delta that arrived at `time`.
    /// - Parameters:
    ///   - text: The delta.
    ///   - time: When it arrived.
    package mutating func enqueue(_ text: String, at time: Duration) {
        if backlog == 0 {
            if last == nil {
                credit = 1  // the very first character goes out at once
            }
            accrue(until: time)
            credit = min(credit, 1)
        }
        queue.append(contentsOf: text)
        if queue.count > head {
            deadlines.append((queue.count, time + maximumLag))
        }
    }

    /// Releases the characters due by `time`.
    /// - Parameter time: Now.
    /// - Returns: The text to render now, possibly empty.
    package mutating func release(at time: Duration) -> String {
        accrue(until: time)
        var count = min(Int(credit), backlog)
        credit -= Double(count)
        var index = deadlineHead
        while index < deadlines.count && deadlines[index].deadline <= time {
            count = max(count, deadlines[index].end - head)  // overdue: out now, whatever the rate
            index += 1
        }
        if backlog - count == 0 {
            credit = min(credit, 1)
        }
        return count > 0 ? take(count) : ""
    }

    /// When the next character is due, for the driver to sleep until; `nil` when nothing is waiting.
    package var nextReleaseTime: Duration? {
        guard backlog > 0 else { return nil }
        let last = self.last ?? .zero
        let byRate = last + .seconds(max(0, 1 - credit) / rate(at: last))
        return deadlineHead < deadlines.count ? min(byRate, deadlines[deadlineHead].deadline) : byRate
    }

    /// Releases everything still queued.
    /// - Returns: The remaining text.
    package mutating func drain() -> String {
        credit = 0
        return take(backlog)
    }

    private func rate(at time: Duration) -> Double {
        guard let newest = deadlines.last, deadlineHead < deadlines.count else { return charactersPerSecond }
        let remaining = Self.seconds(newest.deadline - time)
        guard remaining > 0.001 else { return max(charactersPerSecond, Double(backlog) * 1000) }
        return max(charactersPerSecond, Double(backlog) / remaining)
    }

    private mutating func accrue(until time: Duration) {
        guard let last else {
            self.last = time
            return
        }
        if time > last {
            credit += Self.seconds(time - last) * rate(at: last)
            self.last = time
        }
    }

    private mutating func take(_ count: Int) -> String {
        let text = String(queue[head..<(head + count)])
        head += count
        while deadlineHead < deadlines.count && deadlines[deadlineHead].end <= head {
            deadlineHead += 1
        }
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            deadlines.removeAll(keepingCapacity: true)
            head = 0
            deadlineHead = 0
        } else if head > 4096 && head * 2 > queue.count {
            queue.removeFirst(head)
            deadlines.removeFirst(deadlineHead)
            for index in deadlines.indices {
                deadlines[index].end -= head
            }
            head = 0
            deadlineHead = 0
        }
        return text
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
