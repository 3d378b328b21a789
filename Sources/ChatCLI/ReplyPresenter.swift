import ChatClient
import ChatWire
import Synchronization
import TerminalUI

/// Writes one reply's updates to stdout and stderr in the chosen style, and keeps what the conversation and the
/// stats need. Output is collected per batch of updates and written when the stream would wait for the network,
/// so a burst of tokens costs one `write(2)`, while a token that arrives alone is written at once. A word the
/// typewriter holds back mid-line is shown a frame later if the stream stalls (see `ReplyOutput`). With `--pace`
/// the typewriter's text goes through a `PacedWriter` instead, which writes it at an even rate.
final class ReplyPresenter {
    private let style: ChatOutputStyle
    private let output: ReplyOutput
    private let paced: PacedWriter?
    private var spinner: SpinnerTicker?
    private var errorOutput: [UInt8] = []
    /// The reply text, kept for the conversation unless `keepsText` is false (one-shot mode: memory stays flat).
    private(set) var text = ""
    private let keepsText: Bool
    private var sawText = false
    private var endsWithNewline = false
    private(set) var stats = ChatStats()
    /// How the stream said the reply ended (`nil` until `.finished` arrives).
    private(set) var end: ReplyEnd?
    private var startedAt = ContinuousClock.now
    private var sawToken = false

    init(style: ChatOutputStyle, width: Int, keepsText: Bool = true) {
        self.keepsText = keepsText
        self.style = style
        let mode: Typewriter.Mode =
            switch style.kind {
            case .terminal: .terminal
            case .plain, .json: .plain(sanitized: false)
            case .raw: .raw
            }
        let typewriter = Typewriter(mode: mode, width: width, color: style.color)
        if let pace = style.pace, style.kind != .json {
            paced = PacedWriter(typewriter: typewriter, charactersPerSecond: pace, clock: ContinuousClock())
        } else {
            paced = nil
        }
        output = ReplyOutput(typewriter: typewriter, showsHeldWords: style.kind == .terminal && paced == nil)
    }

    deinit {
        output.close()
    }

    /// Starts the clock and, on a terminal stderr, the "thinking…" spinner.
    func begin() {
        startedAt = .now
        paced?.start()
        if style.stderrIsTerminal, style.kind != .json {
            spinner = SpinnerTicker(color: style.stderrColor)
        }
    }

    /// Applies the width the terminal has now (after SIGWINCH).
    func resize(width: Int) {
        output.resize(width: width)
        paced?.resize(width: width)
    }

    /// Renders one update into the pending output.
    func present(_ update: ChatReplyUpdate) {
        switch update {
        case .event(let event): present(event)
        case .retrying(let delay, let reason):
            stats.reconnects += 1
            notice("retrying in \(delay): \(reason)", json: ChatJSONLine.line("retrying", [("reason", reason)]))
        case .resuming(let reason):
            stats.reconnects += 1
            notice("connection dropped, resuming: \(reason)", json: ChatJSONLine.line("resuming", [("reason", reason)]))
        case .finished(let end):
            self.end = end
        }
    }

    private func present(_ event: ChatEvent) {
        switch event {
        case .text(let delta):
            firstToken()
            stats.deltas += 1
            if keepsText { text += delta }
            if !delta.isEmpty {
                sawText = true
                endsWithNewline = delta.utf8.last == 0x0A
            }
            if style.kind == .json {
                output.append(ChatJSONLine.line("text", [("text", delta)]))
            } else if let paced {
                paced.enqueue(delta, kind: .answer)
            } else {
                output.render(delta, kind: .answer)
            }
        case .reasoning(let delta):
            firstToken()
            stats.deltas += 1
            switch style.kind {
            case .json: output.append(ChatJSONLine.line("reasoning", [("text", delta)]))
            case .terminal:
                if let paced {
                    paced.enqueue(delta, kind: .reasoning)
                } else {
                    output.render(delta, kind: .reasoning)
                }
            case .plain, .raw: errorOutput += Array(TerminalSanitizer.singleLine(delta).utf8)
            }
        case .status(let status):
            if style.kind == .json {
                output.append(ChatJSONLine.line("status", [("text", status)]))
            } else if let spinner {
                spinner.update(label: TerminalSanitizer.singleLine(status))
            } else if style.stderrIsTerminal || style.verbose {
                errorOutput += Array(
                    (TerminalStyle.status.apply(TerminalSanitizer.singleLine(status), color: style.stderrColor) + "\n")
                        .utf8
                )
            }
        case .usage(let usage):
            stats.reportedTokens = usage.completionTokens ?? stats.reportedTokens
            if style.kind == .json { output.append(ChatJSONLine.usage(usage)) }
        case .finishReason(let reason):
            if style.kind == .json { output.append(ChatJSONLine.line("finish", [("reason", reason)])) }
        case .done:
            break
        }
    }

    private func firstToken() {
        guard !sawToken else { return }
        sawToken = true
        stats.timeToFirstToken = .now - startedAt
        stopSpinner()
    }

    private func stopSpinner() {
        guard let spinner else { return }
        self.spinner = nil
        spinner.stop()
    }

    private func notice(_ message: String, json: [UInt8]) {
        if style.kind == .json {
            output.append(json)
        } else if style.stderrIsTerminal || style.verbose {
            let line = TerminalStyle.warning.line(
                "ssechat: " + TerminalSanitizer.singleLine(message),
                color: style.stderrColor
            )
            errorOutput += Array(line.utf8)
        }
    }

    /// Writes what is pending.
    func flush() {
        if !errorOutput.isEmpty {
            spinner?.pause()
            if output.hasPending, !sawToken {
                StandardStream.error.write(errorOutput)
                errorOutput.removeAll(keepingCapacity: true)
            }
        }
        output.write()
        if !errorOutput.isEmpty {
            StandardStream.error.write(errorOutput)
            errorOutput.removeAll(keepingCapacity: true)
        }
    }

    /// With `--pace`, waits until the text received so far has been typed out (returns early on cancellation).
    func settle() async {
        await paced?.finish()
    }

    /// Ends the reply's output: the typewriter's held text, a final newline, the incomplete or interrupted mark,
    /// stats. Always leaves stdout at the start of a line. A failure's own line is the caller's to print.
    /// - Parameter end: How the reply ended.
    func finish(_ end: ReplyEnd) {
        stopSpinner()
        output.close()
        stats.total = .now - startedAt
        if style.kind == .json {
            if case .failed = end {
            } else {
                output.append(ChatJSONLine.done(complete: end == .complete, reason: Self.jsonReason(end)))
            }
        } else {
            if let paced {
                flush()
                paced.finishNow()
            } else {
                output.finish()
            }
            if style.kind != .terminal, sawText, !endsWithNewline { output.append(Array("\n".utf8)) }
            flush()
            switch end {
            case .interrupted: mark("[interrupted]")
            case .incomplete(let reason), .stalled(let reason): mark("[reply incomplete: \(reason)]")
            case .complete, .failed: break
            }
        }
        if style.stats {
            errorOutput += Array((TerminalStyle.status.apply(stats.summary, color: style.stderrColor) + "\n").utf8)
        }
        flush()
    }

    private static func jsonReason(_ end: ReplyEnd) -> String? {
        end == .interrupted ? "interrupted" : end.reason
    }

    private func mark(_ text: String) {
        let line = TerminalStyle.warning.line(TerminalSanitizer.singleLine(text), color: style.stderrColor)
        errorOutput += Array(line.utf8)
    }
}

/// The reply's stdout: the typewriter and the bytes not written yet, behind one lock, shared with a timer task that
/// shows a word the typewriter has held back for a frame, so a stalled stream never hides text. All stdout bytes of
/// the reply go through here, so the timer's writes never interleave with the others.
///
/// ```
///  write() ─► bytes out; a word held? note (id, now) and wake the timer ─► sleeps until now + frame
///                                                                           same word still held? flushHeld, write
/// ```
/// One timer task per reply (not per token), asleep on its wake-up stream while nothing is held; `close()` stops it
/// before the reply's last bytes, so nothing is written behind the caller's back once the reply ends.
private final class ReplyOutput: Sendable {
    private struct State {
        var typewriter: Typewriter
        var pending: [UInt8] = []
        /// The word held back at the last write, and when that write happened.
        var held: (id: Int, since: ContinuousClock.Instant)?
        var closed = false
        var timer: Task<Void, Never>?
    }

    /// How long a word may stay held back before it is shown: one frame.
    static let frame = Duration.milliseconds(30)

    private let state: Mutex<State>
    private let wake: AsyncStream<Void>.Continuation

    /// Creates the output.
    /// - Parameters:
    ///   - typewriter: Renders the reply's text.
    ///   - showsHeldWords: Whether to run the timer (a terminal without `--pace`).
    init(typewriter: Typewriter, showsHeldWords: Bool) {
        state = Mutex(State(typewriter: typewriter))
        let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.wake = wake
        guard showsHeldWords else { return }
        let timer = Task { [self] in
            for await _ in wakes {
                guard await showHeldWords() else { return }
            }
        }
        state.withLock { $0.timer = timer }
    }

    /// Whether bytes wait to be written.
    var hasPending: Bool { state.withLock { !$0.pending.isEmpty } }

    /// Renders a delta into the pending bytes.
    func render(_ text: String, kind: Typewriter.DeltaKind) {
        state.withLock { $0.typewriter.render(text, kind: kind, into: &$0.pending) }
    }

    /// Adds bytes to write.
    func append(_ bytes: [UInt8]) {
        state.withLock { $0.pending += bytes }
    }

    /// Changes the wrap width (after SIGWINCH).
    func resize(width: Int) {
        state.withLock { $0.typewriter.resize(width: width) }
    }

    /// Ends the typewriter's reply (held word, style reset, final newline) into the pending bytes.
    func finish() {
        state.withLock { $0.typewriter.finish(into: &$0.pending) }
    }

    /// Writes the pending bytes to stdout and, if a new word is held back, starts its frame.
    func write() {
        let wakeTimer = state.withLock { state -> Bool in
            Self.writePending(&state)
            guard state.timer != nil, !state.closed, let id = state.typewriter.heldWordID else {
                state.held = nil
                return false
            }
            guard state.held?.id != id else { return false }
            state.held = (id, .now)
            return true
        }
        if wakeTimer { wake.yield() }
    }

    /// Stops the timer; held words are then left to `finish()`. Idempotent.
    func close() {
        let timer = state.withLock { state -> Task<Void, Never>? in
            state.closed = true
            defer { state.timer = nil }
            return state.timer
        }
        timer?.cancel()
        wake.finish()
    }

    /// Sleeps until the held word's frame has passed and shows it if it is still held, while words are held.
    /// - Returns: `false` once closed or cancelled.
    private func showHeldWords() async -> Bool {
        while let deadline = state.withLock({ $0.closed ? nil : $0.held.map { $0.since + Self.frame } }) {
            do {
                try await Task.sleep(until: deadline, clock: .continuous)
            } catch {
                return false
            }
            state.withLock { state in
                guard !state.closed, let held = state.held, held.since + Self.frame <= .now else { return }
                state.held = nil
                guard state.typewriter.heldWordID == held.id else { return }
                state.typewriter.flushHeld(into: &state.pending)
                Self.writePending(&state)
            }
        }
        return !state.withLock { $0.closed }
    }

    private static func writePending(_ state: inout State) {
        guard !state.pending.isEmpty else { return }
        StandardStream.output.write(state.pending)
        state.pending.removeAll(keepingCapacity: true)
    }
}
