import Synchronization
import TerminalUI

/// Types a reply out at an even rate for `--pace CPS`: deltas go into a `Pacer` as they arrive, and a task of its
/// own wakes whenever characters are due, renders them through the typewriter and writes them.
///
/// ```
///  enqueue("Hello, wor")  ─► Pacer ─► release task: sleep until due ─► Typewriter ─► write
///  enqueue("ld!")                          (at least `tick` apart)
///  finish()              waits until everything queued was typed out, then ends the typewriter's line
///  finishNow()           writes whatever is still queued at once (Ctrl-C, errors), then ends the line
/// ```
///
/// The pacer counts grapheme clusters; which of them are reasoning and which answer is kept as runs of Unicode
/// scalars beside it (a cluster never spans two deltas, so released text splits exactly at run boundaries). Time
/// comes from an injected clock. Every write happens under the lock, so text from the release task and from
/// `finishNow()` can never be reordered, and nothing is written after the writer finished.
///
/// Once everything received has been released, a word the typewriter still holds back mid-line (the stream stalled
/// inside it) is shown a frame later, `heldWordFrame`; while text is still queued the pace, not a hold, decides.
final class PacedWriter: Sendable {
    private struct Run {
        var kind: Typewriter.DeltaKind
        var scalars: Int
    }

    private struct State {
        var pacer: Pacer
        var typewriter: Typewriter
        var runs: [Run] = []
        /// The word held back once the queue emptied, and when that was seen.
        var held: (id: Int, since: Duration)?
        var finished = false
        var releaseTask: Task<Void, Never>?
        /// The release task, waiting for text while the queue is empty.
        var idle: CheckedContinuation<Void, Never>?
        /// `finish()` callers waiting for the queue to empty.
        var drainWaiters: [(id: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWaiterID = 0
    }

    /// The shortest pause between two releases: characters due sooner go out together, as one write per frame.
    static let tick = Duration.milliseconds(8)
    /// How long a word may stay held back after the queue emptied before it is shown: one frame.
    static let heldWordFrame = Duration.milliseconds(30)

    private let state: Mutex<State>
    private let elapsed: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    private let write: @Sendable ([UInt8]) -> Void

    /// Creates a writer; nothing happens until ``start()``.
    /// - Parameters:
    ///   - typewriter: Renders released text (its mode, width and colour are kept).
    ///   - charactersPerSecond: The steady typing rate.
    ///   - clock: The clock release times are measured and slept on.
    ///   - write: Where rendered bytes go (stdout by default).
    init<C: Clock>(
        typewriter: Typewriter,
        charactersPerSecond: Double,
        clock: C,
        write: @escaping @Sendable ([UInt8]) -> Void = { StandardStream.output.write($0) }
    ) where C.Duration == Duration {
        state = Mutex(State(pacer: Pacer(charactersPerSecond: charactersPerSecond), typewriter: typewriter))
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        sleep = { offset in try await clock.sleep(until: origin.advanced(by: offset), tolerance: nil) }
        self.write = write
    }

    /// Starts the release task.
    func start() {
        state.withLock { state in
            guard state.releaseTask == nil, !state.finished else { return }
            state.releaseTask = Task { [self] in await releaseLoop() }
        }
    }

    /// Queues a delta; it is written when the pacer says it is due.
    /// - Parameters:
    ///   - text: The delta.
    ///   - kind: Whether it is answer or reasoning text.
    func enqueue(_ text: String, kind: Typewriter.DeltaKind) {
        guard !text.isEmpty else { return }
        let now = elapsed()
        let idle = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.finished else { return nil }
            state.pacer.enqueue(text, at: now)
            let scalars = text.unicodeScalars.count
            if let last = state.runs.indices.last, state.runs[last].kind == kind {
                state.runs[last].scalars += scalars
            } else {
                state.runs.append(Run(kind: kind, scalars: scalars))
            }
            defer { state.idle = nil }
            return state.idle
        }
        idle?.resume()
    }

    /// Changes the wrap width (after SIGWINCH).
    /// - Parameter width: The terminal's width in cells.
    func resize(width: Int) {
        state.withLock { $0.typewriter.resize(width: width) }
    }

    /// Waits until everything queued has been typed out at the pace, then ends the reply's line. Returns early,
    /// leaving the rest queued, when the calling task is cancelled (call ``finishNow()`` then).
    func finish() async {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if state.finished || state.pacer.backlog == 0 || Task.isCancelled { return true }
                    state.drainWaiters.append((id, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.drainWaiters.firstIndex { $0.id == id }.map { state.drainWaiters.remove(at: $0) }
            }
            waiter?.continuation.resume()
        }
        if !Task.isCancelled { finishNow() }
    }

    /// Writes everything still queued at once, ends the reply's line and stops the release task. Idempotent.
    func finishNow() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.finished else { return [] }
            state.finished = true
            state.releaseTask?.cancel()
            var output: [UInt8] = []
            render(state.pacer.drain(), state: &state, into: &output)
            state.typewriter.finish(into: &output)
            if !output.isEmpty { write(output) }
            let waiting = state.drainWaiters.map(\.continuation) + (state.idle.map { [$0] } ?? [])
            state.idle = nil
            state.drainWaiters.removeAll()
            return waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    private func releaseLoop() async {
        while true {
            let now = elapsed()
            let step = state.withLock { state -> (due: Duration?, drained: [CheckedContinuation<Void, Never>])? in
                guard !state.finished else { return nil }
                var output: [UInt8] = []
                render(state.pacer.release(at: now), state: &state, into: &output)
                let showHeldAt = showHeldWord(state: &state, at: now, into: &output)
                if !output.isEmpty { write(output) }
                guard let due = state.pacer.nextReleaseTime else {
                    defer { state.drainWaiters.removeAll() }
                    return (showHeldAt, state.drainWaiters.map(\.continuation))
                }
                return (due, [])
            }
            guard let step else { return }
            for waiter in step.drained { waiter.resume() }
            if let due = step.due {
                do {
                    try await sleep(max(due, now + Self.tick))
                } catch {
                    return
                }
            } else {
                await waitForText()
            }
        }
    }

    /// Shows the word held back once a frame passed since it was first seen with the queue empty.
    /// - Returns: When to look again, while a word is held.
    private func showHeldWord(state: inout State, at now: Duration, into output: inout [UInt8]) -> Duration? {
        guard state.pacer.backlog == 0, let id = state.typewriter.heldWordID else {
            state.held = nil
            return nil
        }
        guard let held = state.held, held.id == id else {
            state.held = (id, now)
            return now + Self.heldWordFrame
        }
        guard now >= held.since + Self.heldWordFrame else { return held.since + Self.heldWordFrame }
        state.typewriter.flushHeld(into: &output)
        state.held = nil
        return nil
    }

    private func waitForText() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.finished || state.pacer.backlog > 0 { return true }
                state.idle = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Renders released text, splitting it where the runs of answer and reasoning text meet.
    private func render(_ text: String, state: inout State, into output: inout [UInt8]) {
        var scalars = text.unicodeScalars[...]
        while !scalars.isEmpty, !state.runs.isEmpty {
            let count = min(state.runs[0].scalars, scalars.count)
            let piece = Substring(scalars.prefix(count))
            state.typewriter.render(String(piece), kind: state.runs[0].kind, into: &output)
            scalars = scalars.dropFirst(count)
            state.runs[0].scalars -= count
            if state.runs[0].scalars == 0 { state.runs.removeFirst() }
        }
    }
}
