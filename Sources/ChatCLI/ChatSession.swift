import ChatClient
import ChatWire

/// A conversation with one endpoint: sends turns, keeps the history with how each reply ended.
final class ChatSession {
    var endpoint: ChatEndpoint
    var conversation: Conversation
    let runner: TurnRunner
    private(set) var lastStats: ChatStats?

    init(endpoint: ChatEndpoint, system: String?, runner: TurnRunner) {
        self.endpoint = endpoint
        self.conversation = Conversation(system: system, model: endpoint.model)
        self.runner = runner
    }

    /// Sends the user's text and streams the reply; the reply joins the conversation whatever way it ended
    /// (a failure with nothing received leaves the user's turn out, so it can simply be sent again).
    func send(_ text: String) async -> TurnResult {
        conversation.addUser(text)
        return await streamReply()
    }

    /// Streams a reply to the conversation as it stands (its last entry is the user's).
    func streamReply() async -> TurnResult {
        var current = endpoint
        current.model = conversation.model ?? endpoint.model
        let result = await runner.run(endpoint: current, messages: conversation.messages)
        lastStats = result.stats
        if case .failed = result.end, result.text.isEmpty {
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
