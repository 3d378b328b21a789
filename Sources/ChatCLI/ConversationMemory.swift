import ChatClient
import ChatWire
import ConversationStore
import Foundation
import Settings

/// The conversation log's part in a chat run: opens the database when this run keeps turns or continues a kept
/// conversation, finds that conversation, and says at the end whether logging failed.
///
/// `--version` and `--help` never get here, so they never open the database.
struct ConversationMemory {
    private let options: LogOptions
    /// The database being opened (or open), when this run keeps its turns.
    private var opening: ConversationRecorder.Opening?
    /// The conversation to go on with, and its messages.
    private(set) var continued: (conversation: StoredConversation, messages: [StoredMessage])?

    /// Opens the log as the options require and finds the conversation to continue.
    ///
    /// Without a conversation to continue, the database is opened on another thread while the run gets ready, and
    /// the first turn waits for it (a failure is reported then, once).
    /// - Throws: `CLIFailure` when the conversation to continue cannot be found (exit 2) or read (exit 1).
    init(options: LogOptions, environment: [String: String]) throws {
        self.options = options
        let path = LogCommand.databasePath(environment: environment)
        guard let continuation = options.continuation else {
            guard options.isLogging else { return }
            opening = Task.detached {
                do {
                    return .success(try ConversationStore.open(at: path))
                } catch {
                    return .failure(ConversationStoreError.from(error, path: path))
                }
            }
            return
        }
        do {
            let store = try ConversationStore.open(at: path)
            let conversation = try Self.find(continuation, in: store)
            continued = (conversation, try store.messages(in: conversation.id))
            if options.isLogging { opening = Task { .success(store) } }
        } catch let error as ConversationStoreError {
            throw CLIFailure(error.description, status: .failure)
        }
    }

    /// The conversation a continuation names.
    /// - Throws: `CLIFailure` (exit 2) when there is none or the prefix is ambiguous; `ConversationStoreError`.
    static func find(_ continuation: LogOptions.Continuation, in store: ConversationStore) throws -> StoredConversation
    {
        switch continuation {
        case .mostRecent:
            guard let found = try store.mostRecentlyUpdated() else {
                throw CLIFailure("there is no kept conversation to continue", status: .usage)
            }
            return found
        case .id(let prefix):
            switch try store.conversation(prefix: prefix) {
            case .found(let found):
                return found
            case .ambiguous(let ids):
                let shown = ids.prefix(3).joined(separator: ", ")
                throw CLIFailure("conversation id \(prefix) is ambiguous (\(shown)…); give more of it", status: .usage)
            case .none:
                throw CLIFailure("no kept conversation has the id \(prefix) (see 'ssechat log list')", status: .usage)
            }
        }
    }

    /// What the continued conversation sets (its provider, URL, model and system prompt): the settings layer
    /// below the flags and above the environment; `nil` when no conversation is continued.
    var settingsLayer: SettingsLayer? {
        guard let stored = continued?.conversation else { return nil }
        var layer = SettingsLayer()
        if stored.url != Self.demoURL {
            layer.url = Sourced(stored.url, from: .continuedConversation)
            if let provider = ChatProviderKind(rawValue: stored.provider) {
                layer.provider = Sourced(provider, from: .continuedConversation)
            }
        }
        if let model = stored.model { layer.model = Sourced(model, from: .continuedConversation) }
        if let system = stored.system { layer.system = Sourced(.text(system), from: .continuedConversation) }
        return layer
    }

    /// Whether the continued conversation was with the built-in demo server (whose URL changes every run).
    var continuesDemo: Bool { continued?.conversation.url == Self.demoURL }

    /// Gives the session the continued conversation's history and a recorder (unless this run keeps nothing).
    /// - Parameters:
    ///   - session: The session.
    ///   - endpoint: Where the chat goes, `nil` for the built-in demo server.
    func attach(to session: ChatSession, endpoint: ChatEndpoint?) {
        var rowIDs: [Int64] = []
        if let continued {
            let history = TurnRecord.history(continued.messages)
            session.conversation.entries = history.entries
            rowIDs = history.rowIDs
        }
        guard let opening else { return }
        let origin = ConversationRecorder.Origin(
            profile: options.profile,
            provider: endpoint?.provider.rawValue ?? ChatProviderKind.openai.rawValue,
            url: endpoint.map { RedactedURL.string($0.baseURL.absoluteString) } ?? Self.demoURL
        )
        let recorder = ConversationRecorder(opening: opening, origin: origin)
        if let continued { recorder.resume(conversationID: continued.conversation.id, rowIDs: rowIDs) }
        session.recorder = recorder
    }

    /// The run's exit status: a failure to keep the conversation turns a success into 1.
    func finalStatus(_ status: ExitStatus, session: ChatSession) -> ExitStatus {
        session.recorder?.failed == true && status == .ok ? .failure : status
    }

    /// What a conversation with the built-in demo server keeps as its URL (its port changes every run).
    static let demoURL = "demo"
}
