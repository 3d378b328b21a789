import ChatWire

/// Something that happened while a reply streamed.
package enum ChatReplyUpdate: Sendable, Equatable {
    /// A decoded chat event (text, reasoning, status, usage, finish reason, done).
    case event(ChatEvent)
    /// The request failed before any token arrived and is sent again after `delay`.
    case retrying(after: Duration, reason: String)
    /// The connection dropped mid-reply and the client resumes it (`Last-Event-ID`, or the format's cursor).
    case resuming(reason: String)
    /// The server keeps the reply under this id (a background Responses reply): it can be resumed, and a Ctrl-C
    /// should also cancel it on the server (`ChatEndpoint.cancelKeptReply`). Sent once, when the id is first known.
    case kept(replyID: String)
    /// The reply ended; the last update of every stream (only cancellation ends one without it).
    case finished(ReplyEnd)
}
