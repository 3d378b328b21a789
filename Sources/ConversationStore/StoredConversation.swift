import Foundation
import GRDB

/// One kept conversation: where it was held and with what settings (never a key or a header).
package struct StoredConversation: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "conversation"

    /// A random 32-digit lower-case hex id; any unique prefix names it.
    package var id: String
    /// The first line of the first prompt, shortened.
    package var title: String
    /// The settings profile it was started with, if any.
    package var profile: String?
    /// The wire format (`openai`, `anthropic`, `sse`).
    package var provider: String
    /// The server's URL without credentials (see `RedactedURL`), or `demo` for the built-in server.
    package var url: String
    /// The model, when one was chosen.
    package var model: String?
    /// The system prompt, when set.
    package var system: String?
    /// When it was started.
    package var createdAt: Date
    /// When a message was last added.
    package var updatedAt: Date

    /// Creates a conversation record.
    package init(
        id: String = StoredConversation.newID(),
        title: String,
        profile: String? = nil,
        provider: String,
        url: String,
        model: String? = nil,
        system: String? = nil,
        createdAt: Date = Date(),
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.profile = profile
        self.provider = provider
        self.url = url
        self.model = model
        self.system = system
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// A fresh random id: 32 lower-case hex digits.
    package static func newID() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// A title from the first prompt: its first non-empty line, at most `limit` characters (with `…` when cut).
    /// - Parameters:
    ///   - prompt: The first prompt.
    ///   - limit: The most characters kept.
    /// - Returns: The title (`(empty)` when the prompt has no visible text).
    package static func title(from prompt: String, limit: Int = 72) -> String {
        let line =
            prompt.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? ""
        guard !line.isEmpty else { return "(empty)" }
        guard line.count > limit else { return line }
        return String(line.prefix(limit - 1)) + "…"
    }

    /// Times are kept as seconds since 1970 (a REAL), so they sort and compare exactly.
    package static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    package static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
