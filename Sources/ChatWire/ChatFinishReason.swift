/// What a finish reason means for the reply: the one table of every format's reasons.
///
/// | reason (as the server sends it) | outcome | exit (one-shot) |
/// |---|---|---|
/// | `stop`, `end_turn`, `stop_sequence`, `tool_calls`, `tool_use`, `STOP`, anything unknown | complete | 0 |
/// | `length`, `max_tokens`, `max_output_tokens`, `MAX_TOKENS`, `model_context_window_exceeded` | truncated: complete, with a note | 0 |
/// | `content_filter`, `refusal`, `SAFETY`, `RECITATION`, `LANGUAGE`, `BLOCKLIST`, `PROHIBITED_CONTENT`, `SPII`, `IMAGE_SAFETY`, `MALFORMED_FUNCTION_CALL`, `OTHER`, … | stopped by the server: the text so far is kept, the reply fails | 1 |
///
/// A truncated reply is what the user asked for (a token limit), so it completes. A reply the server stopped is not
/// an answer a script may take for one, and sending it again or `/continue` will not help: it fails as a server
/// error (exit 1), not as an incomplete stream (exit 6, whose remedy is to go on).
package enum ChatFinishReason {
    /// The outcome of a finish reason.
    package enum Outcome: Sendable, Equatable {
        /// The model ended its reply.
        case complete
        /// The reply reached the token limit; its text is all there is.
        case truncated
        /// The server stopped the reply; the associated text says why, e.g. `"SAFETY (flagged for safety)"`.
        case stopped(String)
    }

    /// The outcome of `reason`.
    /// - Parameter reason: The finish reason as the server sent it.
    /// - Returns: How the reply ends.
    package static func outcome(of reason: String) -> Outcome {
        if truncating.contains(reason) { return .truncated }
        if meanings[reason] != nil { return .stopped(describe(reason)) }
        return .complete
    }

    /// Whether `reason` is in the table as a reason a reply ends short (truncated or stopped): a format whose own
    /// "incomplete" status carries such a reason (OpenAI Responses) reports it as that finish reason instead.
    /// - Parameter reason: A reason as the server sent it.
    /// - Returns: Whether the table gives it an outcome other than complete.
    package static func endsShort(_ reason: String) -> Bool {
        truncating.contains(reason) || meanings[reason] != nil
    }

    /// `reason` with its meaning, e.g. `"SPII (it may hold sensitive personal information)"`; the reason alone when
    /// it has no known meaning.
    /// - Parameter reason: A finish or block reason as the server sent it.
    /// - Returns: The text to show.
    package static func describe(_ reason: String) -> String {
        meanings[reason].map { "\(reason) (\($0))" } ?? reason
    }

    private static let truncating: Set<String> = [
        "length", "max_tokens", "max_output_tokens", "MAX_TOKENS", "model_context_window_exceeded",
    ]

    /// The reasons a server stops a reply with, and what each means (Gemini's `FinishReason` and `BlockReason`,
    /// OpenAI's `content_filter`, Anthropic's `refusal`).
    private static let meanings: [String: String] = [
        "content_filter": "omitted by the content filter",
        "refusal": "the model's safety system declined to go on",
        "SAFETY": "flagged for safety",
        "RECITATION": "flagged as recitation of existing content",
        "LANGUAGE": "a language the model does not support",
        "BLOCKLIST": "a term from the blocklist",
        "PROHIBITED_CONTENT": "prohibited content",
        "SPII": "it may hold sensitive personal information",
        "IMAGE_SAFETY": "an image flagged for safety",
        "IMAGE_PROHIBITED_CONTENT": "an image with prohibited content",
        "MALFORMED_FUNCTION_CALL": "the model made an invalid function call",
        "UNEXPECTED_TOOL_CALL": "the model called a tool, but none is enabled",
        "TOO_MANY_TOOL_CALLS": "too many tool calls",
        "OTHER": "for a reason the server did not give",
    ]
}
