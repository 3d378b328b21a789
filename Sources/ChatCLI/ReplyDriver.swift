import ChatClient
import ChatWire
import Synchronization
import TerminalUI

/// Plays one reply onto stdout and stderr: the only code that writes a reply, and the only timer a reply has.
///
/// ```
///  ChatReplyStream ──updates──► ReplyDriver ──inputs (text, tick(now), resize, finish)──► ReplyRenderer
///                                   ▲   │                                                   │
///                              wake │   └──────── writes .stdout / .stderr ◄── actions ─────┘
///                          (one sleeper task at a time, on the injected clock)
/// ```
/// Updates that arrive in one burst (`nextBuffered`) are rendered together and written in one `write(2)` per
/// stream. `--json` has no renderer: each update becomes one JSON line. The driver also keeps what the turn
/// needs afterwards: the reply's text and reasoning, as `Keeping` says, and its stats.
final class ReplyDriver: Sendable {
    /// What the driver keeps of the reply's text and reasoning for after the turn.
    enum Keeping: Sendable {
        /// Nothing: a one-shot reply that is not logged (memory stays flat).
        case nothing
        /// All of it: the conversation goes on with it.
        case whole
        /// Parts of `ReplySpool.partBytes` go to the spool as they arrive, and only the rest is kept: a logged
        /// one-shot reply (memory stays flat).
        case spooled(ReplySpool)
    }

    private struct State {
        var renderer: ReplyRenderer
        var json: [UInt8] = []
        var text = ""
        var reasoning = ""
        /// Whether parts of the text went to a spool (then `text` and `reasoning` are only the rest).
        var spooledText = false
        /// The buffers of a part the spool has written, emptied, for the next part: with `.spooled` a reply's text
        /// goes through a few buffers of a part's size, given back by the spool, not a new one grown from nothing for
        /// each part.
        var spareBuffers: ReplySpool.Part?
        var stats = ChatStats()
        var end: ReplyEnd?
        /// The finish reason that says the reply reached the token limit, for its mark.
        var truncatedBy: String?
        /// The id of a reply the server keeps (a background Responses reply), so an interrupted turn can cancel it.
        var keptReplyID: String?
        var sawToken = false
        /// The wake-up the sleeper task is waiting for, and that task.
        var scheduled: (at: Duration, task: Task<Void, Never>)?
        /// `untilRendered()`, waiting for the paced queue to be typed out.
        var renderedWaiter: CheckedContinuation<Void, Never>?
        var stopped = false
    }

    private let style: ChatOutputStyle
    private let keeping: Keeping
    private let state: Mutex<State>
    private let elapsed: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    private let output: StandardStream
    private let errorOutput: StandardStream

    /// Creates the driver of one reply; nothing is written and no timer runs until `play`.
    /// - Parameters:
    ///   - style: How the reply is shown.
    ///   - columns: The terminal width in cells.
    ///   - keeping: What to keep of the reply's text.
    ///   - clock: The clock the renderer's times come from and its wake-ups sleep on.
    ///   - output: Where stdout bytes go.
    ///   - errorOutput: Where stderr bytes go.
    init<C: Clock<Duration>>(
        style: ChatOutputStyle,
        columns: Int,
        keeping: Keeping,
        clock: C = ContinuousClock(),
        output: StandardStream = .output,
        errorOutput: StandardStream = .error
    ) {
        self.style = style
        self.keeping = keeping
        self.output = output
        self.errorOutput = errorOutput
        let mode: Typewriter.Mode =
            switch style.kind {
            case .terminal: .terminal
            case .plain, .json: .plain(sanitized: false)
            case .raw: .raw
            }
        let configuration = ReplyRenderer.Configuration(
            mode: mode,
            color: style.color,
            stderrIsTerminal: style.stderrIsTerminal && style.kind != .json,
            stderrColor: style.stderrColor,
            pace: style.kind == .json ? nil : style.pace,
            verbose: style.verbose,
            columns: columns,
            markdown: style.markdown && style.kind == .terminal,
            showsProgress: style.stdoutIsTerminal
        )
        var initial = State(renderer: ReplyRenderer(configuration))
        if case .spooled = keeping { initial.text.reserveCapacity(ReplySpool.textCapacity) }
        state = Mutex(initial)
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        sleep = { offset in try await clock.sleep(until: origin.advanced(by: offset), tolerance: nil) }
    }

    /// Streams the reply to its end (or until the calling task is cancelled: Ctrl-C) and writes its last bytes.
    /// - Parameters:
    ///   - stream: The reply.
    ///   - columns: The terminal's width now, read before each batch (SIGWINCH).
    /// - Returns: The reply's text, stats and how it ended.
    func play(_ stream: ChatReplyStream, columns: @Sendable () -> Int? = { nil }) async -> TurnResult {
        var iterator = stream.makeAsyncIterator()
        return await play(
            next: { try await iterator.next() },
            nextBuffered: { iterator.nextBuffered() },
            columns: columns
        )
    }

    /// Plays any sequence of reply updates (`ssechat render` plays standard input as text).
    ///
    /// After each update `next` waited for, the updates that arrived with it (`nextBuffered`) are presented at the
    /// same time and written together: one clock reading, one width check and one `write(2)` per network read.
    /// - Parameters:
    ///   - next: The next update, waiting for it; `nil` or `.finished` ends the reply.
    ///   - nextBuffered: The next update if it needs no waiting, else `nil`.
    ///   - columns: The terminal's width now, read before each batch (SIGWINCH).
    /// - Returns: The reply's text, stats and how it ended.
    func play(
        next: () async throws -> ChatReplyUpdate?,
        nextBuffered: () -> ChatReplyUpdate?,
        columns: @Sendable () -> Int? = { nil }
    ) async -> TurnResult {
        perform { $0.renderer.begin(at: elapsed()) }
        do {
            while let first = try await next() {
                let width = columns()
                let now = elapsed()
                let finished = state.withLock { state in
                    if let width { state.renderer.resize(columns: width) }
                    var update = first
                    while true {
                        present(update, at: now, into: &state)
                        if case .finished = update { return true }
                        guard let buffered = nextBuffered() else { return false }
                        update = buffered
                    }
                }
                if case .spooled(let spool) = keeping, let part = state.withLock({ Self.takePart(from: &$0) }) {
                    if let emptied = spool.write(part) { state.withLock { $0.spareBuffers = emptied } }
                }
                perform { _ in }
                if finished { break }
            }
        } catch {
            // Only cancellation ends a reply stream without `.finished`: Ctrl-C.
        }
        return await finish(interrupted: Task.isCancelled)
    }

    // MARK: Updates

    private func present(_ update: ChatReplyUpdate, at now: Duration, into state: inout State) {
        switch update {
        case .event(let event):
            present(event, at: now, into: &state)
        case .retrying(let delay, let reason):
            state.stats.reconnects += 1
            notice("retrying in \(delay): \(reason)", json: ChatJSONLine.line("retrying", [("reason", reason)]), &state)
        case .resuming(let reason):
            state.stats.reconnects += 1
            notice(
                "connection dropped, resuming: \(reason)",
                json: ChatJSONLine.line("resuming", [("reason", reason)]),
                &state
            )
        case .kept(let replyID):
            state.keptReplyID = replyID
        case .finished(let end):
            state.end = end
        }
    }

    private func present(_ event: ChatEvent, at now: Duration, into state: inout State) {
        let json = style.kind == .json
        switch event {
        case .text(let delta):
            firstToken(at: now, &state)
            if keeping.keepsText { state.text += delta }
            if json {
                state.json += ChatJSONLine.line("text", [("text", delta)])
            } else {
                state.renderer.text(delta, at: now)  // typeset with the rest of the read's deltas at the drain
            }
        case .reasoning(let delta):
            firstToken(at: now, &state)
            if keeping.keepsText { state.reasoning += delta }
            if json {
                state.json += ChatJSONLine.line("reasoning", [("text", delta)])
            } else {
                state.renderer.reasoning(delta, at: now)
            }
        case .status(let status):
            if json {
                state.json += ChatJSONLine.line("status", [("text", status)])
            } else {
                state.renderer.status(status)
            }
        case .usage(let usage):
            state.stats.reportedTokens = usage.completionTokens ?? state.stats.reportedTokens
            state.stats.usage = usage
            if json { state.json += ChatJSONLine.usage(usage) }
        case .finishReason(let reason):
            if json {
                state.json += ChatJSONLine.line("finish", [("reason", reason)])
            }
            state.truncatedBy = ChatFinishReason.outcome(of: reason) == .truncated ? reason : nil
        case .done, .incomplete:
            break
        }
    }

    /// The kept text and reasoning, taken out, once they reach a spool's part size; the spare buffers (or new ones
    /// with room for a part) take their place.
    private static func takePart(from state: inout State) -> ReplySpool.Part? {
        guard state.text.utf8.count + state.reasoning.utf8.count >= ReplySpool.partBytes else { return nil }
        var next = state.spareBuffers ?? ("", "")
        state.spareBuffers = nil
        next.text.reserveCapacity(ReplySpool.textCapacity)
        swap(&next.text, &state.text)
        swap(&next.reasoning, &state.reasoning)
        state.spooledText = true
        return next
    }

    private func firstToken(at now: Duration, _ state: inout State) {
        state.stats.deltas += 1
        guard !state.sawToken else { return }
        state.sawToken = true
        state.stats.timeToFirstToken = now
    }

    private func notice(_ message: String, json: [UInt8], _ state: inout State) {
        if style.kind == .json {
            state.json += json
        } else {
            state.renderer.notice(message)
        }
    }

    // MARK: The end

    /// Ends the reply's output. With `--pace`, a reply that ended on its own is typed out at the pace first; a
    /// Ctrl-C meanwhile writes the rest at once and marks the reply interrupted.
    private func finish(interrupted: Bool) async -> TurnResult {
        var end: ReplyEnd =
            interrupted ? .interrupted : state.withLock { $0.end } ?? .incomplete("the stream ended early")
        let total = elapsed()
        perform { state in
            state.stats.total = total
            let summary = self.style.stats ? state.stats.summary : nil
            if self.style.kind == .json {
                state.json += end.jsonLine
                state.renderer.finish(mark: nil, summary: summary, at: total)
            } else {
                let mark = end.mark(truncatedBy: state.truncatedBy)
                state.renderer.finish(mark: mark, summary: summary, at: total, settle: !interrupted)
            }
        }
        await untilRendered()
        if !state.withLock({ $0.renderer.isFinished }) {
            end = .interrupted
            perform { state in
                let summary = self.style.stats ? state.stats.summary : nil
                state.renderer.finish(mark: end.mark(), summary: summary, at: self.elapsed())
            }
        }
        return state.withLock { state in
            state.stopped = true
            state.scheduled?.task.cancel()
            state.scheduled = nil
            return TurnResult(
                text: state.text,
                reasoning: state.reasoning,
                spooledText: state.spooledText,
                stats: state.stats,
                end: end,
                keptReplyID: state.keptReplyID
            )
        }
    }

    /// Waits until the renderer has written everything (the paced queue typed out); returns early on cancellation.
    private func untilRendered() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if state.renderer.isFinished || Task.isCancelled { return true }
                    state.renderedWaiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.renderedWaiter = nil }
                return state.renderedWaiter
            }
            waiter?.resume()
        }
    }

    // MARK: Writing and waking

    /// Changes the state, then writes what the renderer (or `--json`) has to write and schedules its next tick.
    private func perform(_ change: (inout State) -> Void) {
        let now = elapsed()
        state.withLock { state in
            change(&state)
            if !state.json.isEmpty {
                output.write(state.json)
                state.json.removeAll(keepingCapacity: true)
            }
            var wake: Duration?
            state.renderer.drain(at: now) { action in
                switch action {
                case .stdout(let bytes): output.write(bytes)
                case .stderr(let bytes): errorOutput.write(bytes)
                case .wake(let at): wake = at
                }
            }
            schedule(wake, &state)
            if state.renderer.isFinished, let waiter = state.renderedWaiter {
                state.renderedWaiter = nil
                waiter.resume()
            }
        }
    }

    /// Keeps one sleeper task waiting for the renderer's next wake-up. Only an earlier time replaces it: at a later
    /// one (or none) the sleeper still ticks at its time, a tick with nothing due does nothing, and the drain after
    /// it asks again. (Replacing it on every change started and cancelled a task per network read: a held word's
    /// wake-up moves with every word.)
    private func schedule(_ wake: Duration?, _ state: inout State) {
        guard let wake, !state.stopped else { return }
        if let scheduled = state.scheduled, scheduled.at <= wake { return }
        state.scheduled?.task.cancel()
        let task = Task { [self] in
            do {
                try await sleep(wake)
            } catch {
                return
            }
            perform { state in
                guard state.scheduled?.at == wake else { return }
                state.scheduled = nil
                state.renderer.tick(at: self.elapsed())
            }
        }
        state.scheduled = (wake, task)
    }
}

extension ReplyDriver.Keeping {
    /// Whether text is kept at all (whole, or until it is spooled).
    var keepsText: Bool {
        if case .nothing = self { return false }
        return true
    }
}
