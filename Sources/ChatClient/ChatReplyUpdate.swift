import ChatWire

/// Something that happened while a reply streamed.
package enum ChatReplyUpdate: Sendable, Equatable {
    /// A decoded chat event (text, reasoning, status, usage, finish reason, done).
    case event(ChatEvent)
    /// The request failed before any token arrived and is sent again after `delay`.
    case retrying(after: Duration, reason: String)
    /// The connection dropped mid-reply and the client resumes it with `Last-Event-ID`.
    case resuming(reason: String)
    /// The reply ended; the last update of every stream that does not throw.
    case finished(ChatReplyOutcome)
}

/// How a reply ended.
package enum ChatReplyOutcome: Sendable, Equatable {
    /// The format's end marker arrived.
    case complete
    /// The stream ended before its end marker; the text so far is kept.
    case incomplete(ChatReplyIncompleteness)
}

/// Why a reply is incomplete.
package enum ChatReplyIncompleteness: Sendable, Equatable {
    /// The response ended (or the connection dropped) before the end marker and could not be resumed.
    case dropped(String)
    /// The stream went silent for longer than the idle timeout.
    case stalled(String)
}
