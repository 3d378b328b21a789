/// One reply's way to the screen, as a pure state machine: inputs in, actions out; no I/O, no clock, no globals.
///
/// ```
///  begin(at:)            ─► stderr: first spinner frame              (stderr a terminal)      wake at +80 ms
///  text / reasoning      ─► stdout: the typewriter's bytes            (--pace: queued; tick releases them)
///  status                ─► the spinner's label, or a dim status line on stderr
///  notice                ─► a yellow "ssechat: …" line on stderr       (a resume, a retry)
///  tick(at:)             ─► a spinner frame · paced text that is due · a word held back for a frame
///  resize(columns:)      ─► the new wrap width (from the current row on)
///  finish(…)             ─► held text, final newline, the end mark and the stats line on stderr
///  drain(at:)            ─► [.stdout(bytes) | .stderr(bytes)…, .wake(at:)]  in the order they must be written
/// ```
/// Times are `Duration`s since any fixed origin; the driver reads its clock and passes them in, and calls
/// `tick(at:)` when the last `.wake(at:)` is due. The renderer owns the typewriter (sanitising, wrapping, the word
/// held back mid-line), the `--pace` queue, the "thinking…" spinner and how reasoning is shown:
/// - a word the typewriter holds back mid-line is shown one frame (`heldWordFrame`) after it was written out held,
///   if the stream stalls inside it;
/// - with `--pace` text is typed out at the pacer's rate; a word held back once the queue is empty waits a frame;
/// - the spinner runs on a terminal stderr from `begin` until the first token, and is erased before any other stderr
///   line; status events from the server become its label;
/// - reasoning is dimmed on a terminal stdout, and goes to stderr (one line per delta, sanitised) otherwise.
package struct ReplyRenderer: Sendable {
    /// How long a word may stay held back before it is shown: one frame.
    package static let heldWordFrame = Duration.milliseconds(30)
    /// The shortest pause between two paced releases.
    package static let paceTick = Duration.milliseconds(8)

    /// How the reply is shown.
    let configuration: Configuration
    var typewriter: Typewriter
    /// The answer's Markdown (used when `rendersMarkdown`); reasoning goes through the typewriter.
    var typesetter: MarkdownTypesetter
    /// Whether the answer goes through `typesetter` (Markdown on, terminal mode).
    let rendersMarkdown: Bool
    var markdownSanitizer = TerminalSanitizer()
    var thinkTags = ThinkTagSplitter()
    /// What the last text written was (to set reasoning and answer apart in Markdown mode).
    var section: Typewriter.DeltaKind?
    var paced: PacedText?
    /// The "thinking…" spinner (terminal stderr, until the first token), whether a frame of it is on screen, and when
    /// the next frame is due (`ReplyRenderer+Stderr.swift`).
    var spinner: Spinner?
    var spinnerDrawn = false
    var nextSpinnerFrame: Duration?
    /// The terminal's width in cells.
    var columns: Int
    /// The word held back at the last drain, and when it is to be shown (a frame after it was first seen held).
    var held: (id: Int, due: Duration)?
    var sawToken = false
    var sawText = false
    var endsWithNewline = false
    /// A `finish` waiting for paced text to be typed out.
    var pendingFinish: (mark: String?, summary: String?)?
    /// Whether the fast paths (runs of plain ASCII) are taken; tests turn them off to compare the bytes.
    var usesFastPaths = true {
        willSet { typesetPendingAnswer() }
        didSet {
            typewriter.usesASCIIRuns = usesFastPaths
            typesetter.usesRuns = usesFastPaths
            updateFlow()
        }
    }
    /// Whether a delta of the answer goes straight to `pendingAnswer` (`text`'s common case): the fast paths on, no
    /// pace, the first token seen, not finished, and with Markdown on the answer's section begun past any `<think>`.
    /// Set by `updateFlow()` after every input that can change one of them.
    var answerFlows = false
    /// Whether the reply's output is complete.
    package internal(set) var isFinished = false
    /// The answer's deltas given while it flows (`answerFlows`), typeset as one by the next input of another kind or
    /// the next `drain` (nothing is shown before a drain anyway).
    var pendingAnswer = DeltaBatch()
    /// How many deltas of the flowing answer came since the last drain, and whether the drain before had at most one
    /// (a slow stream: a delta then is typeset at once, with no copy, as nothing is likely to join it).
    var deltasSinceDrain = 0
    var lastDrainHadOneDelta = true
    /// The stdout bytes since the last action, and the actions not yet handed over by `drain`.
    var stdoutRun: [UInt8] = []
    var actions: [Action] = []

    /// Creates the renderer of one reply.
    /// - Parameter configuration: How the reply is shown.
    package init(_ configuration: Configuration) {
        self.configuration = configuration
        self.columns = configuration.columns
        self.typewriter = Typewriter(mode: configuration.mode, width: configuration.columns, color: configuration.color)
        if let pace = configuration.pace { paced = PacedText(charactersPerSecond: pace) }
        rendersMarkdown = configuration.markdown && configuration.mode == .terminal
        typesetter = MarkdownTypesetter(
            width: configuration.columns,
            color: configuration.color,
            showsProgress: configuration.showsProgress
        )
    }

    // MARK: Inputs

    /// The request went out: starts the spinner on a terminal stderr.
    /// - Parameter now: The time.
    package mutating func begin(at now: Duration) {
        guard configuration.stderrIsTerminal, spinner == nil, !sawToken else { return }
        spinner = Spinner(color: configuration.stderrColor)
        drawSpinner(at: now)
    }

    /// A piece of the answer arrived.
    /// - Parameters:
    ///   - text: The delta.
    ///   - now: When it arrived.
    package mutating func text(_ text: String, at now: Duration) {
        if answerFlows {
            // What the checks below come to in the answer's body: the delta waits, to be typeset with the rest of the
            // read's, unless it is a slow stream's first since the drain.
            deltasSinceDrain += 1
            if deltasSinceDrain == 1, lastDrainHadOneDelta {
                typesetAnswer(text)
            } else {
                pendingAnswer.append(text)
            }
            return
        }
        guard !isFinished else { return }
        typesetPendingAnswer()
        firstToken()
        noteAnswer(isEmpty: text.isEmpty, lastByte: text.utf8.last)
        write(text, kind: .answer, at: now)
        updateFlow()
    }

    /// A piece of the model's reasoning arrived.
    /// - Parameters:
    ///   - text: The delta.
    ///   - now: When it arrived.
    package mutating func reasoning(_ text: String, at now: Duration) {
        typesetPendingAnswer()
        guard !isFinished else { return }
        firstToken()
        if configuration.mode == .terminal {
            write(text, kind: .reasoning, at: now)
        } else {
            appendStderr(Array(TerminalSanitizer.singleLine(text).utf8))
        }
        updateFlow()
    }

    /// The server reported a status ("thinking", "searching…").
    /// - Parameter status: The status text (sanitised here).
    package mutating func status(_ status: String) {
        typesetPendingAnswer()
        if spinner != nil {
            spinner?.update(label: status)
        } else if configuration.stderrIsTerminal || configuration.verbose {
            let line = TerminalStyle.status.apply(
                TerminalSanitizer.singleLine(status),
                color: configuration.stderrColor
            )
            appendStderr(Array((line + "\n").utf8))
        }
    }

    /// Something happened to the connection worth a line (a resume, a retry).
    /// - Parameter message: The notice, without the program name.
    package mutating func notice(_ message: String) {
        typesetPendingAnswer()
        guard configuration.stderrIsTerminal || configuration.verbose else { return }
        let line = TerminalStyle.warning.line(
            "ssechat: " + TerminalSanitizer.singleLine(message),
            color: configuration.stderrColor
        )
        appendStderr(Array(line.utf8))
    }

    /// Time passed: draws the spinner's next frame, releases paced text that is due, shows a word held too long.
    /// - Parameter now: The time.
    package mutating func tick(at now: Duration) {
        typesetPendingAnswer()
        if let next = nextSpinnerFrame, now >= next, spinner != nil { drawSpinner(at: now) }
        if paced != nil { releasePaced(at: now) }
        if let held, now >= held.due {
            self.held = nil
            if heldWordID() == held.id, paced?.backlog ?? 0 == 0 {
                if section == .answer, rendersMarkdown {
                    typesetter.flushHeld(into: &stdoutRun)
                } else {
                    typewriter.flushHeld(into: &stdoutRun)
                }
            }
        }
        if let pendingFinish, paced?.backlog ?? 0 == 0 { complete(pendingFinish) }
    }

    /// The terminal's width changed (SIGWINCH).
    /// - Parameter columns: The new width in cells.
    package mutating func resize(columns: Int) {
        typesetPendingAnswer()
        guard columns != self.columns else { return }
        self.columns = columns
        typewriter.resize(width: columns)
        typesetter.resize(width: columns)
    }

    /// The reply ended: writes what is held, a final newline, `mark` and `summary` on stderr.
    /// - Parameters:
    ///   - mark: A line such as `[interrupted]`, shown as a warning; `nil` for none.
    ///   - summary: The stats line, shown dimmed; `nil` for none.
    ///   - now: The time.
    ///   - settle: With `--pace`, keep typing the queued text out at the pace before finishing (ticks do it); when
    ///     false, everything queued is written at once.
    package mutating func finish(mark: String?, summary: String?, at now: Duration, settle: Bool = false) {
        typesetPendingAnswer()
        guard !isFinished else { return }
        stopSpinner()
        if settle, let paced, paced.backlog > 0 {
            pendingFinish = (mark, summary)
            releasePaced(at: now)
            return
        }
        complete((mark, summary))
    }

    /// Hands over the actions to carry out now, in order; the last is the wake-up time, if a tick is needed.
    ///
    /// The bytes are lent: `carryOut` writes them and does not keep them, so the renderer reuses its buffers and a
    /// drain allocates nothing (this runs once per network read).
    /// - Parameters:
    ///   - now: The time (a word the output leaves held back starts its frame now).
    ///   - carryOut: Called with each action, in order.
    package mutating func drain(at now: Duration, _ carryOut: (Action) -> Void) {
        typesetPendingAnswer()
        lastDrainHadOneDelta = deltasSinceDrain <= 1
        deltasSinceDrain = 0
        trackHeldWord(at: now)
        if !actions.isEmpty {
            for action in actions { carryOut(action) }
            actions.removeAll(keepingCapacity: true)
        }
        // The bytes written since the last stderr action come after every queued action.
        if !stdoutRun.isEmpty {
            carryOut(.stdout(stdoutRun))
            stdoutRun.removeAll(keepingCapacity: true)
        }
        if let wake = nextWake() { carryOut(.wake(at: wake)) }
    }

    /// Works out `answerFlows` again (after an input that may have changed what it depends on).
    mutating func updateFlow() {
        answerFlows =
            usesFastPaths && paced == nil && !isFinished && sawToken
            && (!rendersMarkdown || section == .answer && thinkTags.isPastReasoning)
    }

    @inline(__always)
    mutating func firstToken() {
        guard !sawToken else { return }
        sawToken = true
        stopSpinner()
    }

    /// Notes a word the output leaves held back, so a tick a frame later shows it.
    @inline(__always)
    mutating func trackHeldWord(at now: Duration) {
        guard !isFinished, paced?.backlog ?? 0 == 0, let id = heldWordID() else {
            held = nil
            return
        }
        if held?.id != id { held = (id, now + Self.heldWordFrame) }
    }

    // `heldWordID()` and `nextWake()` change nothing: `mutating` so that a call does not copy `self` (large).

    /// The word held back mid-line by whichever renders the current section.
    @inline(__always)
    mutating func heldWordID() -> Int? {
        section == .answer && rendersMarkdown ? typesetter.heldWordID : typewriter.heldWordID
    }

    /// When the next tick is needed: the spinner's next frame, paced text due, a held word's frame.
    @inline(__always)
    mutating func nextWake() -> Duration? {
        guard !isFinished else { return nil }
        var wake = held?.due  // mostly the only one: no comparison then
        func consider(_ time: Duration?) {
            guard let time else { return }
            wake = min(wake ?? time, time)
        }
        if spinner != nil { consider(nextSpinnerFrame) }
        if paced != nil {
            consider(paced?.nextReleaseTime.map { max($0, (paced?.lastRelease ?? .zero) + Self.paceTick) })
        }
        return wake
    }
}
