import ChatWire

/// The events of one demo reply in a given endpoint format, ready to be paced out: opening events, one event per
/// token (its data pre-built per distinct token, so a 200,000-token reply costs no JSON work per token) and
/// closing events.
struct ReplyEvents: Sendable {
    /// One event's data and type (`nil` for `message`).
    struct Event: Sendable {
        var data: String
        var type: String?
    }

    /// Sent at once, before the first token.
    var opening: [Event]
    /// The event data of each base token of the reply.
    var tokenData: [String]
    /// The event type of token events.
    var tokenType: String?
    /// How many token events to send (the base tokens cycle).
    var tokenCount: Int
    /// Sent after the last token.
    var closing: [Event]

    /// The OpenAI streaming format: a role chunk, content chunks, a final chunk with the finish reason, an
    /// optional usage chunk, then `[DONE]`.
    static func openAI(_ reply: DemoReply, wire: OpenAIResponseText, includeUsage: Bool) -> ReplyEvents {
        var closing = [Event(data: wire.finalChunk(finishReason: reply.finishReason))]
        if includeUsage {
            let usage = ChatUsage(promptTokens: reply.promptTokens, completionTokens: reply.length)
            closing.append(Event(data: wire.usageChunk(usage)))
        }
        closing.append(Event(data: "[DONE]"))
        return ReplyEvents(
            opening: [Event(data: wire.roleChunk)],
            tokenData: reply.baseTokens.map(wire.contentChunk),
            tokenType: nil,
            tokenCount: reply.length,
            closing: closing
        )
    }

    /// The plain hand-written style: an `event: thinking` status, each token as raw `data:`, then `event: end`.
    static func plain(_ reply: DemoReply) -> ReplyEvents {
        ReplyEvents(
            opening: [Event(data: "Thinking about “\(reply.topic)”…", type: "thinking")],
            tokenData: reply.baseTokens,
            tokenType: nil,
            tokenCount: reply.length,
            closing: [Event(data: "[DONE]", type: "end")]
        )
    }
}
