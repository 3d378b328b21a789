/// How a kept reply ended.
package enum MessageStatus: String, Sendable, Codable, CaseIterable {
    /// The format's end marker arrived.
    case complete
    /// The stream ended, dropped or stalled before its end marker.
    case incomplete
    /// The user stopped it (Ctrl-C) or the process was asked to end (SIGTERM).
    case interrupted
    /// The request or the stream failed.
    case error
}
