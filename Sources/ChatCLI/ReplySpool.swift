import ConversationStore
import Foundation
import Synchronization

/// A logged one-shot reply on its way to the conversation log in parts, as it streams, so that a reply of any
/// length costs the same memory (no later turn needs its text).
///
/// The driver hands it a part whenever `partBytes` of text and reasoning have arrived. The first part becomes the
/// reply's message, marked interrupted until the recorder ends it with the rest (`ConversationStore.finishReply`),
/// so a process killed mid-reply leaves what was written, marked as cut off. Each part is its own short write, made
/// in order on a queue of the spool's own: the reply goes on streaming and rendering while SQLite indexes and writes
/// a part (and, every few parts, checkpoints and syncs its WAL), which took 6–19 ms of a 200,000-token reply's time
/// when the driver waited for it. The first failure stops the writing and is reported by the recorder when the reply
/// ends; `written` waits for the parts handed over.
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

    /// A part's text and reasoning.
    typealias Part = (text: String, reasoning: String)

    private struct State {
        var target: Target?
        var written = Written()
        /// The buffers of the part last written, emptied, for one of the driver's next parts.
        var emptied: Part?
    }

    private let state = Mutex(State())
    /// Where the parts are written, one at a time, in the order they were handed over.
    private let writer = DispatchQueue(label: "ssechat.reply-spool")
    /// Parts handed over and not yet written: at most two, so memory stays bounded when the disk is slower than the
    /// stream (a third `write` waits for the first).
    private let inFlight = DispatchSemaphore(value: 2)

    /// Sets where the parts go (before the request goes out); without a target, parts are dropped (nothing is kept).
    func arm(_ target: Target) {
        state.withLock { $0.target = target }
    }

    /// Hands over the next part of the reply, to be written after the parts before it.
    /// - Parameter part: The part; its buffers come back emptied from a later `write`.
    /// - Returns: The emptied buffers of a part already written, if any, to fill with a next part.
    func write(_ part: consuming Part) -> Part? {
        inFlight.wait()
        let part = part
        writer.async { [self] in
            keep(part)
            var buffers = part
            buffers.text.removeAll(keepingCapacity: true)
            buffers.reasoning.removeAll(keepingCapacity: true)
            state.withLock { $0.emptied = buffers }
            inFlight.signal()
        }
        return state.withLock { state in
            defer { state.emptied = nil }
            return state.emptied
        }
    }

    /// What was written, once every part handed over is.
    var written: Written {
        writer.sync {}
        return state.withLock { $0.written }
    }

    /// Writes one part. Runs on `writer`, the only place `written` changes, so the lock is not held while SQLite
    /// works.
    private func keep(_ part: Part) {
        let (target, before) = state.withLock { ($0.target, $0.written) }
        guard let target, before.error == nil else { return }
        var after = before
        do throws(ConversationStoreError) {
            if let messageID = before.messageID {
                try target.store.appendPart(text: part.text, reasoning: part.reasoning, to: messageID)
            } else {
                let first = StoredMessage(
                    role: "assistant",
                    text: part.text,
                    reasoning: part.reasoning.isEmpty ? nil : part.reasoning,
                    status: .interrupted
                )
                let ids = try target.store.append(
                    [first],
                    to: target.conversationID,
                    model: target.model,
                    system: target.system
                )
                after.messageID = ids.first
            }
        } catch {
            after.error = error
        }
        state.withLock { $0.written = after }
    }
}
