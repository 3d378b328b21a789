import ChatClient
import ChatWire
import ConversationStore
import Foundation

/// The mapping between turns and kept messages, both ways (pure).
enum TurnRecord {
    /// The kept form of a conversation entry (a user's message, or a reply loaded from a file).
    static func message(_ entry: Conversation.Entry, at date: Date) -> StoredMessage {
        let (status, error) = entry.end.map(Self.status) ?? (nil, nil)
        return StoredMessage(
            role: entry.role.rawValue,
            text: entry.content,
            status: status,
            error: error,
            createdAt: date
        )
    }

    /// The kept form of a reply, with its status, usage and timings.
    static func reply(_ result: TurnResult, at date: Date) -> StoredMessage {
        let (status, error) = Self.status(result.end)
        let stats = result.stats
        return StoredMessage(
            role: ChatRole.assistant.rawValue,
            text: result.text,
            reasoning: result.reasoning.isEmpty ? nil : result.reasoning,
            status: status,
            error: error,
            promptTokens: stats.usage?.promptTokens,
            completionTokens: stats.usage?.completionTokens,
            totalTokens: stats.usage?.totalTokens,
            timeToFirstToken: stats.timeToFirstToken.map(seconds),
            duration: seconds(stats.total),
            resumptions: stats.reconnects,
            createdAt: date
        )
    }

    /// A reply's end as a kept status and message: a stall counts as incomplete, a failure as an error.
    static func status(_ end: ReplyEnd) -> (MessageStatus, String?) {
        switch end {
        case .complete: (.complete, nil)
        case .incomplete(let reason), .stalled(let reason): (.incomplete, reason)
        case .interrupted: (.interrupted, nil)
        case .failed(let error): (.error, error.message)
        }
    }

    /// The end a kept status stands for.
    static func end(_ status: MessageStatus, error: String?) -> ReplyEnd {
        switch status {
        case .complete: .complete
        case .incomplete: .incomplete(error ?? "the stream ended early")
        case .interrupted: .interrupted
        case .error: .failed(ChatClientError(.server, error ?? "the request failed"))
        }
    }

    /// The history to send when a kept conversation goes on, with the row id of each entry.
    ///
    /// As in a live session, a request that failed with nothing received drops out together with its prompt, and a
    /// prompt whose reply never came (the process was killed) is not sent again.
    static func history(_ messages: [StoredMessage]) -> (entries: [Conversation.Entry], rowIDs: [Int64]) {
        var entries: [Conversation.Entry] = []
        var rowIDs: [Int64] = []
        var index = 0
        while index < messages.count {
            let message = messages[index]
            index += 1
            guard let role = ChatRole(rawValue: message.role), role != .system, let id = message.id else { continue }
            if role == .user {
                guard index < messages.count, messages[index].role == ChatRole.assistant.rawValue else { continue }
                let reply = messages[index]
                if reply.status == .error && reply.text.isEmpty {
                    index += 1
                    continue
                }
            }
            let end = role == .assistant ? end(message.status ?? .complete, error: message.error) : nil
            entries.append(Conversation.Entry(role: role, content: message.text, end: end))
            rowIDs.append(id)
        }
        return (entries, rowIDs)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
