/// The spinner and the stderr side of `ReplyRenderer`'s output: stderr lines go after the stdout bytes written so
/// far, the spinner is erased before any of them, and consecutive writes to one stream merge into one action.
extension ReplyRenderer {
    /// Draws the spinner's next frame and notes when the one after is due.
    mutating func drawSpinner(at now: Duration) {
        guard var spinner else { return }
        appendStderr(spinner.nextFrame(width: columns), keepsSpinner: true)
        self.spinner = spinner
        spinnerDrawn = true
        nextSpinnerFrame = now + Spinner.interval
    }

    /// Erases the spinner, if drawn, and stops it.
    mutating func stopSpinner() {
        guard spinner != nil else { return }
        if spinnerDrawn { appendStderr(Spinner.erase, keepsSpinner: true) }
        spinner = nil
        spinnerDrawn = false
        nextSpinnerFrame = nil
    }

    /// Adds stderr bytes after the stdout bytes so far; the spinner, if drawn, is erased first (the next frame draws
    /// it again below them).
    mutating func appendStderr(_ bytes: [UInt8], keepsSpinner: Bool = false) {
        guard !bytes.isEmpty else { return }
        flushStdoutRun()
        if !keepsSpinner, spinnerDrawn {
            spinnerDrawn = false
            append(.stderr(Spinner.erase))
        }
        append(.stderr(bytes))
    }

    /// Turns the stdout bytes so far into an action.
    mutating func flushStdoutRun() {
        guard !stdoutRun.isEmpty else { return }
        append(.stdout(stdoutRun))
        stdoutRun.removeAll(keepingCapacity: true)
    }

    /// Appends an action, merging it with the previous one when both write to the same stream.
    mutating func append(_ action: Action) {
        switch (actions.last, action) {
        case (.stdout(let previous)?, .stdout(let bytes)): actions[actions.count - 1] = .stdout(previous + bytes)
        case (.stderr(let previous)?, .stderr(let bytes)): actions[actions.count - 1] = .stderr(previous + bytes)
        default: actions.append(action)
        }
    }
}
