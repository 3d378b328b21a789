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
}
