import ChatClient
import ChatWire
import ConversationStore
import Foundation

/// Keeps a session's turns in the conversation log as they happen: the user's message before the request goes
/// out, the reply when it ends (partial ones included; a one-shot reply in parts as it streams, through a
/// `ReplySpool`). Each is one short write; nothing is held open while a reply streams.
///
/// The first failure to write is reported once on stderr and ends logging for the run (`failed` then makes the
/// exit status 1); the chat itself carries on untouched.
final class ConversationRecorder {
    /// What a new conversation is kept with, besides its messages.
    struct Origin {
        var profile: String?
        var provider: String
        var url: String
    }

    /// The database as it is being opened: the first turn waits for it.
    typealias Opening = Task<Result<ConversationStore, ConversationStoreError>, Never>

    private var opening: Opening?
    private var store: ConversationStore?
    private let origin: Origin
    private let now: () -> Date
    /// The kept conversation's id, once its first message is written.
    private(set) var conversationID: String?
    /// The row id of each entry of the session's conversation that is already kept, in order.
    private var rowIDs: [Int64] = []
    /// Whether a write failed (reported once on stderr).
    private(set) var failed = false

    /// Creates a recorder that starts a new conversation at the first turn.
    /// - Parameters:
    ///   - opening: The database, open or being opened.
    ///   - origin: What new conversations are kept with.
    ///   - now: The clock for the kept times.
    init(opening: Opening, origin: Origin, now: @escaping () -> Date = Date.init) {
        self.opening = opening
        self.origin = origin
        self.now = now
    }

    /// Goes on with a kept conversation whose entries, as loaded, have these row ids.
    func resume(conversationID: String, rowIDs: [Int64]) {
        self.conversationID = conversationID
        self.rowIDs = rowIDs
    }

    /// The next turn starts a new kept conversation (`/new`, `/clear`, `/load`).
    func startNew() {
        conversationID = nil
        rowIDs = []
    }

    /// Keeps the entries not kept yet (the user's new message; after `/load`, the loaded ones too), then points
    /// `spool`, if any, at the conversation.
    func willSend(_ conversation: Conversation, model: String?, spool: ReplySpool? = nil) async {
        await keepPending(conversation, model: model)
        if let spool, let store, let conversationID {
            spool.arm(.init(store: store, conversationID: conversationID, model: model, system: conversation.system))
        }
    }

    private func keepPending(_ conversation: Conversation, model: String?) async {
        if let opening {
            self.opening = nil
            switch await opening.value {
            case .success(let opened): store = opened
            case .failure(let error): attempt { throw error }
            }
        }
        guard let store, conversation.entries.count > rowIDs.count else { return }
        let date = now()
        let pending = conversation.entries[rowIDs.count...].map { TurnRecord.message($0, at: date) }
        attempt {
            if let conversationID {
                rowIDs += try store.append(pending, to: conversationID, model: model, system: conversation.system)
            } else {
                let first = conversation.entries.first { $0.role == .user }?.content ?? ""
                let record = StoredConversation(
                    title: StoredConversation.title(from: FileAttachment.titleText(of: first)),
                    profile: origin.profile,
                    provider: origin.provider,
                    url: origin.url,
                    model: model,
                    system: conversation.system,
                    createdAt: date
                )
                rowIDs = try store.start(record, with: pending)
                conversationID = record.id
            }
        }
    }

    /// Keeps a reply (or ends one `spool` began); `conversation` is the session's after the reply was added (or
    /// its prompt dropped).
    func didReply(_ result: TurnResult, spool: ReplySpool? = nil, conversation: Conversation, model: String?) {
        guard let store, let conversationID else { return }
        let message = TurnRecord.reply(result, at: now())
        let spooled = spool?.written ?? ReplySpool.Written()
        attempt {
            if let error = spooled.error { throw error }
            let ids: [Int64]
            if let messageID = spooled.messageID {
                try store.finishReply(messageID, in: conversationID, with: message)
                ids = [messageID]
            } else {
                ids = try store.append([message], to: conversationID, model: model, system: conversation.system)
            }
            if conversation.entries.count > rowIDs.count {
                rowIDs += ids
            } else {
                // The prompt dropped out of the session (a failure with nothing received); it stays kept, with
                // the error, but is no longer an entry.
                rowIDs.removeLast(rowIDs.count - conversation.entries.count)
            }
        }
    }

    /// Forgets the kept messages past the session's first `count` entries (`/retry` replaces them).
    func retract(toEntryCount count: Int) {
        guard let store, let conversationID, count < rowIDs.count else { return }
        let first = rowIDs[count]
        attempt {
            try store.deleteMessages(in: conversationID, from: first)
            rowIDs.removeLast(rowIDs.count - count)
        }
    }

    private func attempt(_ write: () throws -> Void) {
        do {
            try write()
        } catch {
            failed = true
            store = nil
            let description = ConversationStoreError.from(error, path: nil).description
            StandardStream.error.writeLine("ssechat: \(description); this conversation is not being kept")
        }
    }
}
