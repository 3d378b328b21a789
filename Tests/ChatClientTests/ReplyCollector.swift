import ChatClient
import ChatWire
import Foundation
import TestSupport

/// What one `ChatReplyStream` produced: its updates, in order, and the error it threw, if any (it throws only
/// `CancellationError`).
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

    /// The end the final `.finished` update gave.
    var outcome: ReplyEnd? {
        for update in updates.reversed() {
            if case .finished(let end) = update { return end }
        }
        return nil
    }

    /// Whether the reply ended incomplete (for any reason).
    var isIncomplete: Bool {
        if case .incomplete = outcome { true } else { false }
    }

    /// Whether the reply ended stalled.
    var isStalled: Bool {
        if case .stalled = outcome { true } else { false }
    }

    /// The `.retrying` delays, in order.
    var retryDelays: [Duration] {
        updates.compactMap { if case .retrying(let delay, _) = $0 { delay } else { nil } }
    }

    /// How many `.resuming` updates there were.
    var resumeCount: Int {
        updates.filter { if case .resuming = $0 { true } else { false } }.count
    }

    /// The failure the reply ended with, if it failed.
    var clientError: ChatClientError? {
        if case .failed(let error) = outcome { error } else { nil }
    }
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

/// Options for tests on an `ImmediateClock`: no idle timeout (it would fire at once on that clock), and backoff
/// waits at the top of their jitter range.
func immediateOptions() -> ChatReplyOptions {
    var options = ChatReplyOptions()
    options.idleTimeout = nil
    options.jitter = { 1 }
    return options
}
