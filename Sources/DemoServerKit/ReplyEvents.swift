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
    /// How the writer numbers the events.
    var numbering: EventWriter.Numbering = .eventIDs

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

    /// The Responses format: `response.created` (`queued` in the background), `response.in_progress`, the message
    /// item and its text part, one `response.output_text.delta` per token, `response.output_text.done`, then
    /// `response.completed` with the usage (`response.incomplete` when `max_output_tokens` cut the reply short).
    static func responses(_ reply: DemoReply, text: ResponsesEventText) -> ReplyEvents {
        let usage = ChatUsage(promptTokens: reply.promptTokens, completionTokens: reply.length)
        let whole = reply.text
        let end =
            reply.finishReason == "length"
            ? Event(
                data: text.lifecycle(
                    ResponsesEventType.incomplete,
                    text.response(
                        status: "incomplete",
                        text: whole,
                        usage: usage,
                        incompleteReason: "max_output_tokens"
                    )
                ),
                type: ResponsesEventType.incomplete
            )
            : Event(
                data: text.lifecycle(
                    ResponsesEventType.completed,
                    text.response(status: "completed", text: whole, usage: usage)
                ),
                type: ResponsesEventType.completed
            )
        let created = text.response(status: text.background ? "queued" : "in_progress")
        return ReplyEvents(
            opening: [
                Event(data: text.lifecycle(ResponsesEventType.created, created), type: ResponsesEventType.created),
                Event(
                    data: text.lifecycle(ResponsesEventType.inProgress, text.response(status: "in_progress")),
                    type: ResponsesEventType.inProgress
                ),
                Event(data: text.itemAdded, type: "response.output_item.added"),
                Event(data: text.partAdded, type: "response.content_part.added"),
            ],
            tokenData: reply.baseTokens.map(text.textDelta),
            tokenType: ResponsesEventType.textDelta,
            tokenCount: reply.length,
            closing: [Event(data: text.textDone(whole), type: "response.output_text.done"), end],
            numbering: .sequenceNumbers
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
