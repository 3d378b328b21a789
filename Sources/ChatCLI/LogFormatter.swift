import ConversationStore
import Foundation
import TerminalUI

/// What the `log` subcommands print (pure: records in, text out).
///
/// Text for people (`list`, `show`, `search`), one JSON document for programs (`--json`, snake_case keys, ISO 8601
/// times), Markdown for `show --markdown`. Titles in one-line listings are made single-line and free of terminal
/// control sequences; `show` passes message text through `TerminalSanitizer` when asked (stdout a terminal).
enum LogFormatter {
    /// `log list`: `ID(12)  YYYY-MM-DD HH:MM  N msgs  model  title`, one line per conversation.
    static func list(_ summaries: [ConversationSummary]) -> String {
        summaries.map { summary in
            let conversation = summary.conversation
            let count = "\(summary.messageCount) msg" + (summary.messageCount == 1 ? "" : "s")
            return [
                shortID(conversation.id), localTime(conversation.updatedAt), count, conversation.model ?? "-",
                TerminalSanitizer.singleLine(conversation.title),
            ].joined(separator: "  ") + "\n"
        }.joined()
    }

    /// `log show`: a header, then each message under a rule naming its role and, for replies, status and figures.
    static func show(_ conversation: StoredConversation, _ messages: [StoredMessage], sanitize: Bool = true) -> String {
        var out = "conversation \(conversation.id)\n"
        out += "title:    \(TerminalSanitizer.singleLine(conversation.title))\n"
        out += "server:   \(conversation.provider) \(conversation.url)\n"
        if let model = conversation.model { out += "model:    \(model)\n" }
        if let profile = conversation.profile { out += "profile:  \(profile)\n" }
        out += "created:  \(localTime(conversation.createdAt))   updated: \(localTime(conversation.updatedAt))\n"
        if let system = conversation.system { out += "system:   \(TerminalSanitizer.singleLine(system))\n" }
        var sanitizer = TerminalSanitizer()
        let clean = { (text: String) -> String in sanitize ? sanitizer.sanitize(text) : text }
        for message in messages {
            out += "\n── \(message.role)\(details(message).map { " · " + $0 } ?? "") ──\n"
            if let reasoning = message.reasoning { out += "(reasoning) " + clean(reasoning) + "\n" }
            out += clean(message.text)
            if !message.text.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    /// `log show --markdown`: a title, a list of facts, then `## You` / `## Assistant` sections.
    static func markdown(_ conversation: StoredConversation, _ messages: [StoredMessage]) -> String {
        var out = "# \(conversation.title)\n\n"
        out += "- id: `\(conversation.id)`\n- server: \(conversation.provider) <\(conversation.url)>\n"
        if let model = conversation.model { out += "- model: \(model)\n" }
        out += "- created: \(iso(conversation.createdAt))\n- updated: \(iso(conversation.updatedAt))\n"
        if let system = conversation.system { out += "\n## System\n\n\(system)\n" }
        for message in messages {
            let role = message.role == "user" ? "You" : message.role == "assistant" ? "Assistant" : "System"
            out += "\n## \(role)\n\n"
            if let details = details(message) { out += "_\(details)_\n\n" }
            if let reasoning = message.reasoning {
                out +=
                    reasoning.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "> " + $0 }.joined(separator: "\n") + "\n\n"
            }
            out += message.text + (message.text.hasSuffix("\n") ? "" : "\n")
        }
        return out
    }

    /// `log search`: `ID(12)  YYYY-MM-DD HH:MM  role  title: snippet`, best first.
    static func search(_ hits: [SearchHit]) -> String {
        hits.map { hit in
            [
                shortID(hit.conversation.id), localTime(hit.message.createdAt), hit.message.role,
                TerminalSanitizer.singleLine(hit.conversation.title) + ": "
                    + TerminalSanitizer.singleLine(hit.snippet),
            ].joined(separator: "  ") + "\n"
        }.joined()
    }

    /// `log list --json`: `[{"id":…,"title":…,"message_count":N,…}]`.
    static func listJSON(_ summaries: [ConversationSummary]) -> String {
        encode(summaries.map { ListItem(conversation: $0.conversation, messageCount: $0.messageCount) })
    }

    /// `log show --json`: the conversation's fields and `"messages":[…]`.
    static func showJSON(_ conversation: StoredConversation, _ messages: [StoredMessage]) -> String {
        encode(ShowDocument(conversation: conversation, messages: messages))
    }

    /// `log search --json`: `[{"conversation_id":…,"title":…,"snippet":…,"message":{…}}]`.
    static func searchJSON(_ hits: [SearchHit]) -> String {
        encode(
            hits.map {
                SearchItem(
                    conversationId: $0.conversation.id,
                    title: $0.conversation.title,
                    snippet: $0.snippet,
                    message: $0.message
                )
            }
        )
    }

    // MARK: Pieces

    /// A reply's status and figures: `complete · 57 tokens · ttft 0.21s · 1.62s`; `nil` for a user's message.
    static func details(_ message: StoredMessage) -> String? {
        guard let status = message.status else { return nil }
        var parts = [status.rawValue + (message.error.map { ": \(TerminalSanitizer.singleLine($0))" } ?? "")]
        if let tokens = message.completionTokens { parts.append("\(tokens) tokens") }
        if let ttft = message.timeToFirstToken { parts.append("ttft " + String(format: "%.2fs", ttft)) }
        if let duration = message.duration { parts.append(String(format: "%.2fs", duration)) }
        if let resumptions = message.resumptions, resumptions > 0 { parts.append("\(resumptions) resumed") }
        return parts.joined(separator: " · ")
    }

    /// The first 12 digits of an id: enough to name it, short enough to type.
    static func shortID(_ id: String) -> String { String(id.prefix(12)) }

    /// `YYYY-MM-DD HH:MM` in local time, through libc (a `DateFormatter` per row cost `log list` milliseconds).
    private static func localTime(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    private struct ListItem: Encodable {
        var conversation: StoredConversation
        var messageCount: Int

        func encode(to encoder: any Encoder) throws {
            try conversation.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(messageCount, forKey: .messageCount)
        }

        private enum Key: String, CodingKey { case messageCount }
    }

    private struct ShowDocument: Encodable {
        var conversation: StoredConversation
        var messages: [StoredMessage]

        func encode(to encoder: any Encoder) throws {
            try conversation.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(messages, forKey: .messages)
        }

        private enum Key: String, CodingKey { case messages }
    }

    private struct SearchItem: Encodable {
        var conversationId: String
        var title: String
        var snippet: String
        var message: StoredMessage
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
