/// The output side of `ReplyRenderer`'s text: a flowing answer's deltas typeset (at once, or kept in `pendingAnswer`
/// and typeset together), the `--pace` queue, the answer through the Markdown typesetter and reasoning through the
/// typewriter, and the end of the reply.
extension ReplyRenderer {
    /// Typesets a delta of the flowing answer: through the Markdown typesetter, or the typewriter (Markdown off, or
    /// not a terminal).
    @inline(__always)
    mutating func typesetAnswer(_ text: String) {
        if rendersMarkdown {
            typesetter.feed(delta: text, sanitizer: &markdownSanitizer, into: &stdoutRun)
        } else {
            noteAnswer(isEmpty: text.isEmpty, lastByte: text.utf8.last)
            typewriter.render(text, kind: .answer, into: &stdoutRun)
        }
    }

    /// Typesets the answer's deltas waiting in `pendingAnswer`, as one delta (as `typesetAnswer` does).
    @inline(__always)
    mutating func typesetPendingAnswer() {
        guard pendingAnswer.hasDeltas else { return }
        pendingAnswer.withUTF8 { bytes in
            if rendersMarkdown {
                typesetter.feed(delta: bytes, sanitizer: &markdownSanitizer, into: &stdoutRun)
            } else {
                noteAnswer(isEmpty: bytes.isEmpty, lastByte: bytes.last)
                typewriter.render(utf8: bytes, kind: .answer, into: &stdoutRun)
            }
        }
        pendingAnswer.removeAll()
    }

    /// Notes what the end needs to know of the answer's text: whether there was any, and (off a terminal) whether it
    /// ended its last line.
    /// - Parameters:
    ///   - isEmpty: Whether the piece of the answer is empty.
    ///   - lastByte: Its last byte (read only off a terminal).
    @inline(__always)
    mutating func noteAnswer(isEmpty: Bool, lastByte: @autoclosure () -> UInt8?) {
        guard !isEmpty else { return }
        sawText = true
        if configuration.mode != .terminal { endsWithNewline = lastByte() == 0x0A }  // only used there
    }

    mutating func write(_ text: String, kind: Typewriter.DeltaKind, at now: Duration) {
        if paced != nil {
            paced?.enqueue(text, kind: kind, at: now)
            releasePaced(at: now)
        } else {
            render(text, kind: kind)
        }
    }

    /// Renders text now: the answer through the Markdown typesetter when it is on, everything else through the
    /// typewriter; a blank row sets reasoning and answer apart.
    mutating func render(_ text: String, kind: Typewriter.DeltaKind) {
        guard rendersMarkdown else {
            typewriter.render(text, kind: kind, into: &stdoutRun)
            return
        }
        guard kind == .answer else {
            renderMarkdown(text, kind: kind)
            return
        }
        if thinkTags.isPastReasoning {
            renderMarkdown(text, kind: .answer)  // the common case, without an array of pieces per delta
            return
        }
        for piece in thinkTags.split(text) {
            switch piece {
            case .reasoning(let reasoning): renderMarkdown(reasoning, kind: .reasoning)
            case .answer(let answer): renderMarkdown(answer, kind: .answer)
            }
        }
    }

    /// Markdown mode: the answer through the typesetter, reasoning through the typewriter (dimmed).
    mutating func renderMarkdown(_ text: String, kind: Typewriter.DeltaKind) {
        guard rendersMarkdown else { return }
        // The typesetter is changed in place (`typesetter.…`): a copy would copy its buffers on every delta.
        if kind == .reasoning {
            if section == .answer {
                typesetter.finish(into: &stdoutRun)
                stdoutRun.append(0x0A)
            }
            section = .reasoning
            typewriter.render(text, kind: kind, into: &stdoutRun)
            return
        }
        var text = text
        var start = 0  // the UTF-8 offset the answer goes on from once its section has begun
        if section != .answer {
            for scalar in text.unicodeScalars where section != .answer {
                start += UTF8.width(scalar)
                guard markdownSanitizer.passes(scalar), scalar != "\n" else { continue }  // no blank rows first
                if section == .reasoning {
                    typewriter.finish(into: &stdoutRun)
                    stdoutRun.append(0x0A)
                }
                section = .answer
                typesetter.feed(scalar, into: &stdoutRun)
            }
        }
        text.withUTF8 { bytes in
            let rest = UnsafeBufferPointer(rebasing: bytes[start...])
            typesetter.feed(utf8: rest, sanitizer: &markdownSanitizer, into: &stdoutRun)
        }
        typesetter.endOfDelta(into: &stdoutRun)
    }

    mutating func releasePaced(at now: Duration) {
        guard var queue = paced else { return }
        for piece in queue.release(at: now) {
            render(piece.text, kind: piece.kind)
        }
        paced = queue
    }

    mutating func complete(_ ending: (mark: String?, summary: String?)) {
        pendingFinish = nil
        if var queue = paced {
            for piece in queue.drain() { render(piece.text, kind: piece.kind) }
            paced = queue
        }
        if rendersMarkdown {
            for piece in thinkTags.finish() {
                switch piece {
                case .reasoning(let reasoning): renderMarkdown(reasoning, kind: .reasoning)
                case .answer(let answer): renderMarkdown(answer, kind: .answer)
                }
            }
        }
        if rendersMarkdown, section == .answer {
            typesetter.finish(into: &stdoutRun)
        } else {
            typewriter.finish(into: &stdoutRun)
        }
        if configuration.mode != .terminal, sawText, !endsWithNewline { stdoutRun.append(0x0A) }
        held = nil
        if let mark = ending.mark {
            appendStderr(
                Array(
                    TerminalStyle.warning.line(TerminalSanitizer.singleLine(mark), color: configuration.stderrColor)
                        .utf8
                )
            )
        }
        if let summary = ending.summary {
            appendStderr(Array((TerminalStyle.status.apply(summary, color: configuration.stderrColor) + "\n").utf8))
        }
        isFinished = true
        updateFlow()
    }
}
