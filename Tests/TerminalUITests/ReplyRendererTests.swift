import TerminalUI
import Testing

/// The reply renderer without I/O or a clock: times are plain durations, and every behaviour that depends on time
/// (pace, a held word, the spinner) is driven by calling `tick(at:)` at chosen times.
@Suite("ReplyRenderer: pace, held words, spinner, resize, reasoning, the end")
struct ReplyRendererTests {
    /// What the drains so far wrote, per stream, and the last wake-up asked for.
    struct Written {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var wake: Duration?
        var order: [String] = []

        mutating func take(_ actions: [ReplyRenderer.Action]) {
            wake = nil
            for action in actions {
                switch action {
                case .stdout(let bytes):
                    stdout += bytes
                    order.append("out")
                case .stderr(let bytes):
                    stderr += bytes
                    order.append("err")
                case .wake(let at): wake = at
                }
            }
        }

        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    static func ms(_ value: Int) -> Duration { .milliseconds(value) }

    // MARK: Text as it comes

    @Test("without pace each delta is written at the drain after it, and nothing asks for a tick")
    func immediate() {
        var renderer = ReplyRenderer(.init(mode: .terminal))
        var written = Written()
        renderer.text("Hello, ", at: Self.ms(0))
        written.take(renderer.drain(at: Self.ms(0)))
        #expect(written.out == "Hello,")
        #expect(written.wake == nil)
        renderer.text("world.", at: Self.ms(5))
        renderer.finish(mark: nil, summary: nil, at: Self.ms(6))
        written.take(renderer.drain(at: Self.ms(6)))
        #expect(written.out == "Hello, world.\n")
        #expect(renderer.isFinished)
        #expect(written.wake == nil)
    }

    @Test("plain mode writes the bytes as they came, and ends them with a newline only when missing")
    func plain() {
        var renderer = ReplyRenderer(.init(mode: .plain(sanitized: false)))
        var written = Written()
        renderer.text("a \u{1B}[31mred", at: .zero)
        renderer.finish(mark: nil, summary: nil, at: .zero)
        written.take(renderer.drain(at: .zero))
        #expect(written.out == "a \u{1B}[31mred\n")
    }

    // MARK: A word held back

    @Test("a word held back mid-line shows one frame after it was written out held, not before")
    func heldWord() {
        var renderer = ReplyRenderer(.init(mode: .terminal))
        var written = Written()
        renderer.text("Hello wor", at: Self.ms(0))
        written.take(renderer.drain(at: Self.ms(10)))
        #expect(written.out == "Hello")
        #expect(written.wake == Self.ms(10) + ReplyRenderer.heldWordFrame)
        renderer.tick(at: Self.ms(39))
        written.take(renderer.drain(at: Self.ms(39)))
        #expect(written.out == "Hello")
        renderer.tick(at: Self.ms(40))
        written.take(renderer.drain(at: Self.ms(40)))
        #expect(written.out == "Hello wor")
        #expect(written.wake == nil)
        renderer.text("ld.", at: Self.ms(50))
        renderer.finish(mark: nil, summary: nil, at: Self.ms(50))
        written.take(renderer.drain(at: Self.ms(50)))
        #expect(written.out == "Hello world.\n")
    }

    @Test("a word that keeps growing is not shown early: each new word starts its own frame")
    func heldWordRestarts() {
        var renderer = ReplyRenderer(.init(mode: .terminal))
        var written = Written()
        renderer.text("one tw", at: Self.ms(0))
        written.take(renderer.drain(at: Self.ms(0)))
        renderer.text("o thr", at: Self.ms(20))
        written.take(renderer.drain(at: Self.ms(20)))
        #expect(written.out == "one two")
        #expect(written.wake == Self.ms(50))
        renderer.tick(at: Self.ms(30))
        written.take(renderer.drain(at: Self.ms(30)))
        #expect(written.out == "one two")
    }

    // MARK: Pace

    @Test("--pace: the first character at once, then one per 1/rate seconds")
    func steadyPace() throws {
        var renderer = ReplyRenderer(.init(mode: .plain(sanitized: false), pace: 10))
        var written = Written()
        renderer.text("abcdef", at: .zero)
        written.take(renderer.drain(at: .zero))
        #expect(written.out == "a")
        var now = Duration.zero
        for expected in ["ab", "abc", "abcd", "abcde", "abcdef"] {
            now = try #require(written.wake)
            renderer.tick(at: now)
            written.take(renderer.drain(at: now))
            #expect(written.out == expected, "at \(now)")
        }
        #expect(now <= Self.ms(510))
    }

    @Test("--pace: a burst far above the rate is typed out within the pacer's two-second lag")
    func boundedLag() {
        var renderer = ReplyRenderer(.init(mode: .plain(sanitized: false), pace: 10))
        var written = Written()
        let text = String(repeating: "x", count: 400)
        renderer.text(text, at: .zero)
        written.take(renderer.drain(at: .zero))
        var now = Duration.zero
        while written.stdout.count < 400, let wake = written.wake {
            now = wake
            renderer.tick(at: now)
            written.take(renderer.drain(at: now))
        }
        #expect(written.out == text)
        #expect(now <= .seconds(2) + ReplyRenderer.paceTick)
    }

    @Test("--pace output is byte-identical to unpaced output, reasoning and answer alike")
    func pacedSameBytes() {
        let deltas: [(String, Bool)] = [
            ("Let me ", true), ("think \u{1B}[31mhard. ", true), ("The answer ", false), ("is 42, e\u{301}", false),
            ("\u{301}t 🙂 done.", false),
        ]
        func render(pace: Double?) -> Written {
            var renderer = ReplyRenderer(.init(mode: .terminal, color: true, pace: pace))
            var written = Written()
            for (index, (text, reasoning)) in deltas.enumerated() {
                let now = Self.ms(index)
                if reasoning { renderer.reasoning(text, at: now) } else { renderer.text(text, at: now) }
                written.take(renderer.drain(at: now))
            }
            renderer.finish(mark: nil, summary: nil, at: Self.ms(10), settle: true)
            written.take(renderer.drain(at: Self.ms(10)))
            while !renderer.isFinished, let wake = written.wake {
                renderer.tick(at: wake)
                written.take(renderer.drain(at: wake))
            }
            return written
        }
        let paced = render(pace: 50)
        #expect(paced.out == render(pace: nil).out)
        #expect(paced.out.hasSuffix("\n"))
    }

    @Test("--pace: finish with settle keeps typing at the pace; finish without it writes the rest at once")
    func pacedFinish() {
        var renderer = ReplyRenderer(.init(mode: .terminal, pace: 10))
        var written = Written()
        renderer.text("one two three", at: .zero)
        renderer.finish(mark: "[reply incomplete: x]", summary: nil, at: .zero, settle: true)
        written.take(renderer.drain(at: .zero))
        #expect(!renderer.isFinished)
        #expect(written.out == "o")  // the first character at once; a word at the start of a row is not held
        #expect(written.err.isEmpty)
        renderer.finish(mark: "[interrupted]", summary: "stats", at: Self.ms(100))
        written.take(renderer.drain(at: Self.ms(100)))
        #expect(renderer.isFinished)
        #expect(written.out == "one two three\n")
        #expect(written.err == "[interrupted]\nstats\n")
        renderer.text("late", at: Self.ms(200))
        written.take(renderer.drain(at: Self.ms(200)))
        #expect(written.out == "one two three\n")
    }

    @Test("--pace: once the queue is empty, a held word shows after a frame")
    func pacedHeldWord() {
        var renderer = ReplyRenderer(.init(mode: .terminal, pace: 1000))
        var written = Written()
        renderer.text("Hello wor", at: .zero)
        written.take(renderer.drain(at: .zero))
        var now = Duration.zero
        while written.out != "Hello", let wake = written.wake {
            now = wake
            renderer.tick(at: now)
            written.take(renderer.drain(at: now))
        }
        let typedOut = now
        while written.out == "Hello", let wake = written.wake {
            now = wake
            renderer.tick(at: now)
            written.take(renderer.drain(at: now))
        }
        #expect(written.out == "Hello wor")
        #expect(now - typedOut >= ReplyRenderer.heldWordFrame)
        #expect(now - typedOut <= ReplyRenderer.heldWordFrame + ReplyRenderer.paceTick)
    }

    // MARK: Spinner

    @Test("the spinner draws on a terminal stderr every 80 ms until the first token, then is erased")
    func spinner() throws {
        var renderer = ReplyRenderer(.init(mode: .terminal, stderrIsTerminal: true))
        var written = Written()
        renderer.begin(at: .zero)
        written.take(renderer.drain(at: .zero))
        #expect(written.err.hasSuffix("⠋ thinking…"))
        #expect(written.wake == Self.ms(80))
        renderer.tick(at: Self.ms(80))
        written.take(renderer.drain(at: Self.ms(80)))
        #expect(written.err.hasSuffix("⠙ thinking…"))
        renderer.status("searching the web")
        renderer.tick(at: Self.ms(160))
        written.take(renderer.drain(at: Self.ms(160)))
        #expect(written.err.hasSuffix("⠹ searching the web"))
        renderer.text("Hi", at: Self.ms(170))
        written.take(renderer.drain(at: Self.ms(170)))
        #expect(written.err.hasSuffix("\r\u{1B}[2K"))
        #expect(written.out == "Hi")
        #expect(written.order.suffix(2) == ["err", "out"])
        #expect(written.wake == nil)
    }

    @Test("a notice while the spinner is drawn erases it first; the next frame draws it again")
    func noticeOverSpinner() {
        var renderer = ReplyRenderer(.init(mode: .terminal, stderrIsTerminal: true))
        var written = Written()
        renderer.begin(at: .zero)
        written.take(renderer.drain(at: .zero))
        renderer.notice("retrying in 1s: busy")
        written.take(renderer.drain(at: Self.ms(10)))
        #expect(written.err.hasSuffix("⠋ thinking…\r\u{1B}[2Kssechat: retrying in 1s: busy\n"))
        renderer.tick(at: Self.ms(80))
        written.take(renderer.drain(at: Self.ms(80)))
        #expect(written.err.hasSuffix("busy\n\r\u{1B}[2K⠙ thinking…"))
    }

    @Test("no spinner, status lines or notices when stderr is not a terminal (unless verbose)")
    func quietStderr() {
        var renderer = ReplyRenderer(.init(mode: .plain(sanitized: false)))
        var written = Written()
        renderer.begin(at: .zero)
        renderer.status("thinking")
        renderer.notice("resuming")
        written.take(renderer.drain(at: .zero))
        #expect(written.err.isEmpty)
        #expect(written.wake == nil)
        var verbose = ReplyRenderer(.init(mode: .plain(sanitized: false), verbose: true))
        verbose.status("thinking")
        verbose.notice("resuming")
        written.take(verbose.drain(at: .zero))
        #expect(written.err == "thinking\nssechat: resuming\n")
    }

    // MARK: Reasoning, resize, the end

    @Test("reasoning goes dimmed to a terminal stdout, and to stderr (sanitised, one line) otherwise")
    func reasoning() {
        var terminal = ReplyRenderer(.init(mode: .terminal, color: true))
        var written = Written()
        terminal.reasoning("Hmm.", at: .zero)
        terminal.text("Yes.", at: .zero)
        terminal.finish(mark: nil, summary: nil, at: .zero)
        written.take(terminal.drain(at: .zero))
        #expect(written.out == "\u{1B}[2mHmm.\u{1B}[0m\n\nYes.\n")

        var pipe = ReplyRenderer(.init(mode: .plain(sanitized: false)))
        written = Written()
        pipe.reasoning("Hmm,\nwell\u{1B}[2J.", at: .zero)
        pipe.text("Yes.", at: .zero)
        pipe.finish(mark: nil, summary: nil, at: .zero)
        written.take(pipe.drain(at: .zero))
        #expect(written.out == "Yes.\n")
        #expect(!written.err.contains("\u{1B}"))
        #expect(!written.err.contains("\n"))
    }

    @Test("a resize applies from the current row on: an empty row takes the new width at once")
    func resize() {
        var renderer = ReplyRenderer(.init(mode: .terminal, columns: 80))
        var written = Written()
        renderer.resize(columns: 10)
        renderer.text("aaaa bbbb cccc", at: .zero)
        renderer.finish(mark: nil, summary: nil, at: .zero)
        written.take(renderer.drain(at: .zero))
        #expect(written.out == "aaaa bbbb\ncccc\n")
    }

    @Test("the end: the mark and the stats line go to stderr after the last stdout bytes")
    func endMarks() {
        var renderer = ReplyRenderer(.init(mode: .terminal, stderrIsTerminal: true, stderrColor: true))
        var written = Written()
        renderer.text("partial", at: .zero)
        renderer.finish(mark: "[reply incomplete: dropped\u{1B}[31m]", summary: "ttft 0.10s", at: .zero)
        written.take(renderer.drain(at: .zero))
        #expect(written.out == "partial\n")
        #expect(written.err == "\u{1B}[33m[reply incomplete: dropped]\u{1B}[39m\n\u{1B}[2mttft 0.10s\u{1B}[22m\n")
        #expect(written.order == ["out", "err"])
    }
}
