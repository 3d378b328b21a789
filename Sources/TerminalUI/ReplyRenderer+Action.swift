extension ReplyRenderer {
    /// What the driver does.
    package enum Action: Sendable, Equatable {
        /// Write these bytes to stdout.
        case stdout([UInt8])
        /// Write these bytes to stderr.
        case stderr([UInt8])
        /// Call `tick(at:)` at this time (the last `wake` of a drain replaces earlier ones).
        case wake(at: Duration)
    }

    /// The actions to carry out now, as an array (convenient in tests; `drain(at:_:)` allocates nothing).
    /// - Parameter now: The time.
    /// - Returns: The actions, in order.
    package mutating func drain(at now: Duration) -> [Action] {
        var result: [Action] = []
        drain(at: now) { result.append($0) }
        return result
    }
}
