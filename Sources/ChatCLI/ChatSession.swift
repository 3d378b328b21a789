import ChatClient
import ChatWire

/// A conversation with one endpoint: sends turns, keeps the history with how each reply ended.
final class ChatSession {
    var endpoint: ChatEndpoint
    var conversation: Conversation
    let runner: TurnRunner
    private(set) var lastStats: ChatStats?
    /// Keeps each turn in the conversation log; `nil` with `--no-log`.
    var recorder: ConversationRecorder?

    init(endpoint: ChatEndpoint, system: String?, runner: TurnRunner) {
        self.endpoint = endpoint
        self.conversation = Conversation(system: system, model: endpoint.model)
        self.runner = runner
    }

    /// Sends the user's text and streams the reply; the reply joins the conversation whatever way it ended
    /// (a failure with nothing received leaves the user's turn out, so it can simply be sent again).
    /// The user's message is kept in the log before the request goes out, the reply when it ends.
    func send(_ text: String) async -> TurnResult {
        conversation.addUser(text)
        // A reply not kept whole (one-shot mode) that is logged goes to the log in parts as it streams.
        let spool = runner.keepsReplyText || recorder == nil ? nil : ReplySpool()
        let result = await streamReply(spool: spool) { [self] in
            await recorder?.willSend(conversation, model: model, spool: spool)
        }
        recorder?.didReply(result, spool: spool, conversation: conversation, model: model)
        return result
    }

    /// The model the next turn uses.
    var model: String? { conversation.model ?? endpoint.model }

    /// Forgets the turns (keeping the system prompt and model); the next turn starts a new kept conversation.
    func startNewConversation() {
        conversation.clear()
        recorder?.startNew()
    }

    /// Replaces the conversation (`/load`); it is kept as a new conversation at the next turn.
    func replaceConversation(with loaded: Conversation) {
        conversation = loaded
        recorder?.startNew()
    }

    /// Removes the last user message and what followed it, here and in the log (`/retry`).
    /// - Returns: The removed message's text, or `nil` when there is none.
    func retractLastTurn() -> String? {
        guard let text = conversation.popLastUserTurn() else { return nil }
        recorder?.retract(toEntryCount: conversation.entries.count)
        return text
    }

    /// Streams a reply to the conversation as it stands (its last entry is the user's).
    /// - Parameters:
    ///   - spool: Where the reply goes in parts as it streams, if anywhere.
    ///   - beforeSending: What must be done before the request goes out, while the connection is set up.
    private func streamReply(spool: ReplySpool?, beforeSending: () async -> Void) async -> TurnResult {
        var current = endpoint
        current.model = conversation.model ?? endpoint.model
        let result = await runner.run(
            endpoint: current,
            messages: conversation.messages,
            spool: spool,
            beforeSending: beforeSending
        )
        lastStats = result.stats
        if case .failed = result.end, result.text.isEmpty, !result.spooledText {
            _ = conversation.popLastUserTurnKeepingText()
        } else {
            conversation.addAssistant(result.text, end: result.end)
        }
        return result
    }
}

extension Conversation {
    /// Removes the trailing user turn (after a failed request) and returns its text.
    fileprivate mutating func popLastUserTurnKeepingText() -> String? {
        guard entries.last?.role == .user else { return nil }
        return entries.removeLast().content
    }
}
