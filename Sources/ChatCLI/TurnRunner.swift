import ChatClient
import ChatWire
import SSEClient
import Synchronization

/// What one turn produced.
struct TurnResult: Sendable {
    /// The answer's text (empty when the runner was told not to keep it; only the rest after the parts that went
    /// to a `ReplySpool`).
    var text: String
    /// The reasoning text streamed before or beside the answer (kept like `text`).
    var reasoning: String = ""
    /// Whether parts of the reply went to a `ReplySpool` as it streamed.
    var spooledText = false
    var stats: ChatStats
    var end: ReplyEnd
    /// The id under which the server keeps the reply (a background Responses reply), if it said so.
    var keptReplyID: String?
}

/// Runs one turn: plays the reply through a `ReplyDriver` in its own task, which Ctrl-C cancels (the partial
/// reply is kept, the connection closed). A reply the server keeps and goes on generating without a connection (a
/// background Responses reply) is also cancelled on the server, best effort and briefly.
final class TurnRunner: Sendable {
    private let current = Mutex<Task<TurnResult, Never>?>(nil)
    private let options: ChatReplyOptions
    /// How replies are written (the REPL's notes follow its colour choice too).
    let style: ChatOutputStyle
    private let widthWatcher: TerminalWidthWatcher?

    /// Whether replies are kept whole, for the conversation (not in one-shot mode, so a huge reply costs no
    /// memory: a logged one goes to the log in parts as it streams).
    let keepsReplyText: Bool

    init(options: ChatReplyOptions, style: ChatOutputStyle, keepsReplyText: Bool = true) {
        self.keepsReplyText = keepsReplyText
        self.options = options
        self.style = style
        self.widthWatcher = style.kind == .terminal ? TerminalWidthWatcher() : nil
    }

    /// Cancels the turn in progress, if any (called from the SIGINT handler).
    /// - Returns: Whether a turn was running.
    @discardableResult
    func cancelCurrentTurn() -> Bool {
        current.withLock { task in
            guard let task else { return false }
            task.cancel()
            return true
        }
    }

    /// Sends `messages` and streams the reply.
    /// - Parameters:
    ///   - endpoint: Where to send them.
    ///   - messages: The conversation, ending with the user's turn.
    ///   - spool: Where the reply goes in parts as it streams, when it is not kept whole but logged.
    ///   - beforeSending: Work that must be done before the request goes out (keeping the user's message); it runs
    ///     while the connection is set up, and the request waits for it.
    func run(
        endpoint: ChatEndpoint,
        messages: [ChatMessage],
        spool: ReplySpool? = nil,
        beforeSending: () async -> Void = {}
    ) async -> TurnResult {
        let style = style
        let options = options
        let widthWatcher = widthWatcher
        let keeping: ReplyDriver.Keeping = spool.map { .spooled($0) } ?? (keepsReplyText ? .whole : .nothing)
        let gate = RequestGate()
        // The task is created and recorded under one lock, so a Ctrl-C that arrives as the reply starts always finds
        // it (the SIGINT handler's cancelCurrentTurn() waits for the lock).
        let task = current.withLock { current in
            let task = Task {
                let driver = ReplyDriver(
                    style: style,
                    columns: widthWatcher?.columns ?? 80,
                    keeping: keeping
                )
                let stream = ChatReplyStream(endpoint: endpoint, messages: messages, options: options, gate: gate)
                return await driver.play(stream, columns: { widthWatcher?.columns })
            }
            current = task
            return task
        }
        await beforeSending()
        gate.open()
        let result = await task.value
        current.withLock { $0 = nil }
        if result.end == .interrupted, let replyID = result.keptReplyID {
            await endpoint.cancelKeptReply(replyID)
        }
        return result
    }
}
