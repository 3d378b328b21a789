import ChatClient
import ChatWire
import Foundation
import TestSupport

/// What one `ChatReplyStream` produced: its updates, in order, and the error it threw, if any.
struct CollectedReply {
    var updates: [ChatReplyUpdate] = []
    var error: (any Error)?

    /// The text deltas joined.
    var text: String {
        updates.map { update in
            if case .event(.text(let delta)) = update { delta } else { "" }
        }.joined()
    }

    /// The reasoning deltas joined.
    var reasoning: String {
        updates.map { update in
            if case .event(.reasoning(let delta)) = update { delta } else { "" }
        }.joined()
    }

    /// The outcome of the final `.finished` update.
    var outcome: ChatReplyOutcome? {
        for update in updates.reversed() {
            if case .finished(let outcome) = update { return outcome }
        }
        return nil
    }

    /// The `.retrying` delays, in order.
    var retryDelays: [Duration] {
        updates.compactMap { if case .retrying(let delay, _) = $0 { delay } else { nil } }
    }

    /// How many `.resuming` updates there were.
    var resumeCount: Int {
        updates.filter { if case .resuming = $0 { true } else { false } }.count
    }

    /// The error as a `ChatClientError`.
    var clientError: ChatClientError? { error as? ChatClientError }
}

/// Iterates a reply to its end.
func collect(_ stream: ChatReplyStream) async -> CollectedReply {
    var result = CollectedReply()
    do {
        for try await update in stream { result.updates.append(update) }
    } catch {
        result.error = error
    }
    return result
}

/// An OpenAI endpoint at the server's `/v1`.
func openAIEndpoint(_ server: TranscriptServer, key: String? = nil) -> ChatEndpoint {
    ChatEndpoint(provider: .openai, baseURL: server.http.url("/v1"), apiKey: key, model: "test-model")
}

/// A one-message conversation.
let helloMessages = [ChatMessage(role: .user, content: "hello")]

/// Options for tests on an `ImmediateClock`: no idle timeout (it would fire at once on that clock).
func immediateOptions() -> ChatReplyOptions {
    var options = ChatReplyOptions()
    options.idleTimeout = nil
    return options
}
