/// A provider-neutral thing that happened in a reply stream.
///
/// Decoders never produce empty `text`, `reasoning` or `status` strings: a delta that adds nothing is dropped.
package enum ChatEvent: Sendable, Equatable, Hashable {
    /// A piece of the answer text.
    case text(String)
    /// A piece of the model's reasoning ("thinking"), shown apart from the answer.
    case reasoning(String)
    /// A status line from the server (plain-SSE `thinking`/`status` events and the like); not part of the answer.
    case status(String)
    /// Token counts; a stream may report them more than once, the last report wins.
    case usage(ChatUsage)
    /// Why the model stopped, as the server said it: `"stop"`, `"length"`, `"end_turn"`, `"max_tokens"`…
    case finishReason(String)
    /// The format's end marker arrived: the reply is complete.
    case done
    /// The format's own marker of a reply that stopped short arrived (Responses' `response.incomplete`): the reply
    /// ends incomplete, for this reason as the server gave it (`"max_output_tokens"`, `"content_filter"`…).
    case incomplete(String)
}
