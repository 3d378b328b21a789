import ConversationStore
import Foundation
import Synchronization

/// A logged one-shot reply on its way to the conversation log in parts, as it streams, so that a reply of any
/// length costs the same memory (no later turn needs its text).
///
/// The driver hands it a part whenever `partBytes` of text and reasoning have arrived. The first part becomes the
/// reply's message, marked interrupted until the recorder ends it with the rest (`ConversationStore.finishReply`),
/// so a process killed mid-reply leaves what was written, marked as cut off. Each part is its own short write; the
/// first failure stops the writing and is reported by the recorder when the reply ends.
final class ReplySpool: Sendable {
    /// How much text and reasoning is held before it is written as a part.
    static let partBytes = 256 * 1024
    /// The room a buffer holding a part's text needs: a part, and the last burst that took it past `partBytes`
    /// (reserved at once, so the buffer is not grown, copied and faulted in again by doubling).
    static let textCapacity = partBytes + 64 * 1024

    /// Where the parts go, known once the user's message is kept.
    struct Target: Sendable {
        var store: ConversationStore
        var conversationID: String
        var model: String?
        var system: String?
    }

    /// What was written: the reply's row once a part was, or the first failure.
    struct Written: Sendable {
        var messageID: Int64?
        var error: ConversationStoreError?
    }

    private struct State {
        var target: Target?
        var written = Written()
    }

    private let state = Mutex(State())

    /// Sets where the parts go (before the request goes out); without a target, parts are dropped (nothing is kept).
    func arm(_ target: Target) {
        state.withLock { $0.target = target }
    }

    /// Writes the next part of the reply.
    func write(text: String, reasoning: String) {
        state.withLock { state in
            guard let target = state.target, state.written.error == nil else { return }
            do throws(ConversationStoreError) {
                if let messageID = state.written.messageID {
                    try target.store.appendPart(text: text, reasoning: reasoning, to: messageID)
                } else {
                    let first = StoredMessage(
                        role: "assistant",
                        text: text,
                        reasoning: reasoning.isEmpty ? nil : reasoning,
                        status: .interrupted
                    )
                    let ids = try target.store.append(
                        [first],
                        to: target.conversationID,
                        model: target.model,
                        system: target.system
                    )
                    state.written.messageID = ids.first
                }
            } catch {
                state.written.error = error
            }
        }
    }

    /// What was written so far.
    var written: Written { state.withLock { $0.written } }
}
