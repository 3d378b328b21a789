import ChatClient
import ChatWire
import TerminalUI

/// Writes one reply's updates to stdout and stderr in the chosen style, and keeps what the conversation and the
/// stats need. Output is collected per batch of updates and written when the stream would wait for the network,
/// so a burst of tokens costs one `write(2)`, while a token that arrives alone is written at once. With `--pace`
/// the typewriter's text goes through a `PacedWriter` instead, which writes it at an even rate.
final class ReplyPresenter {
    private let style: ChatOutputStyle
    private var typewriter: Typewriter
    private let paced: PacedWriter?
    private var spinner: SpinnerTicker?
    private var output: [UInt8] = []
    private var errorOutput: [UInt8] = []
    private(set) var text = ""
    private(set) var stats = ChatStats()
    private(set) var outcome: ChatReplyOutcome?
    private var startedAt = ContinuousClock.now
    private var sawToken = false

    init(style: ChatOutputStyle, width: Int) {
        self.style = style
        let mode: Typewriter.Mode =
            switch style.kind {
            case .terminal: .terminal
            case .plain, .json: .plain(sanitized: false)
            case .raw: .raw
            }
        self.typewriter = Typewriter(mode: mode, width: width, color: style.color)
        if let pace = style.pace, style.kind != .json {
            paced = PacedWriter(typewriter: typewriter, charactersPerSecond: pace, clock: ContinuousClock())
        } else {
            paced = nil
        }
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
        typewriter.resize(width: width)
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
        case .finished(let outcome):
            self.outcome = outcome
        }
    }

    private func present(_ event: ChatEvent) {
        switch event {
        case .text(let delta):
            firstToken()
            stats.deltas += 1
            text += delta
            if style.kind == .json {
                output += ChatJSONLine.line("text", [("text", delta)])
            } else if let paced {
                paced.enqueue(delta, kind: .answer)
            } else {
                typewriter.render(delta, kind: .answer, into: &output)
            }
        case .reasoning(let delta):
            firstToken()
            stats.deltas += 1
            switch style.kind {
            case .json: output += ChatJSONLine.line("reasoning", [("text", delta)])
            case .terminal:
                if let paced {
                    paced.enqueue(delta, kind: .reasoning)
                } else {
                    typewriter.render(delta, kind: .reasoning, into: &output)
                }
            case .plain, .raw: errorOutput += Array(TerminalSanitizer.singleLine(delta).utf8)
            }
        case .status(let status):
            if style.kind == .json {
                output += ChatJSONLine.line("status", [("text", status)])
            } else if let spinner {
                spinner.update(label: TerminalSanitizer.singleLine(status))
            } else if style.stderrIsTerminal || style.verbose {
                errorOutput += Array((TerminalStyle.status.apply(TerminalSanitizer.singleLine(status), color: style.stderrColor) + "\n").utf8)
            }
        case .usage(let usage):
            stats.reportedTokens = usage.completionTokens ?? stats.reportedTokens
            if style.kind == .json { output += ChatJSONLine.usage(usage) }
        case .finishReason(let reason):
            if style.kind == .json { output += ChatJSONLine.line("finish", [("reason", reason)]) }
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
            output += json
        } else if style.stderrIsTerminal || style.verbose {
            let line = TerminalStyle.warning.line("ssechat: " + TerminalSanitizer.singleLine(message), color: style.stderrColor)
            errorOutput += Array(line.utf8)
        }
    }

    /// Writes what is pending.
    func flush() {
        if !errorOutput.isEmpty {
            spinner?.pause()
            if !output.isEmpty, !sawToken {
                StandardStream.error.write(errorOutput)
                errorOutput.removeAll(keepingCapacity: true)
            }
        }
        if !output.isEmpty {
            StandardStream.output.write(output)
            output.removeAll(keepingCapacity: true)
        }
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
    /// stats. Always leaves stdout at the start of a line.
    /// - Parameter interrupted: The user cancelled the reply.
    func end(interrupted: Bool, error: String? = nil) {
        stopSpinner()
        stats.total = .now - startedAt
        if style.kind == .json {
            if error == nil {
                let complete = outcome == .complete && !interrupted
                output += ChatJSONLine.done(complete: complete, reason: interrupted ? "interrupted" : incompleteReason)
            }
        } else {
            if let paced {
                flush()
                paced.finishNow()
            } else {
                typewriter.finish(into: &output)
            }
            if style.kind != .terminal, !text.isEmpty, !text.hasSuffix("\n") { output += Array("\n".utf8) }
            flush()
            if interrupted {
                mark("[interrupted]")
            } else if let reason = incompleteReason {
                mark("[reply incomplete: \(reason)]")
            }
        }
        if style.stats {
            errorOutput += Array((TerminalStyle.status.apply(stats.summary, color: style.stderrColor) + "\n").utf8)
        }
        flush()
    }

    private var incompleteReason: String? {
        guard case .incomplete(let why) = outcome else { return nil }
        switch why {
        case .dropped(let text), .stalled(let text): return text
        }
    }

    private func mark(_ text: String) {
        let line = TerminalStyle.warning.line(TerminalSanitizer.singleLine(text), color: style.stderrColor)
        errorOutput += Array(line.utf8)
    }
}
