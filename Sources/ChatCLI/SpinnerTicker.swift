import Synchronization
import TerminalUI

/// Animates the "thinking…" spinner on stderr until the first token arrives. Frames and erase sequences come from
/// the pure `Spinner`; this class only owns the timer task. Writes happen under the lock so an erase never
/// interleaves with a frame.
final class SpinnerTicker: Sendable {
    private let state: Mutex<(spinner: Spinner, stopped: Bool, drawn: Bool)>
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(color: Bool) {
        state = Mutex((Spinner(color: color), false, false))
        let started = Task { [weak self] in
            while !Task.isCancelled {
                self?.draw()
                try? await Task.sleep(for: Spinner.interval)
            }
        }
        task.withLock { $0 = started }
    }

    private func draw() {
        state.withLock { state in
            guard !state.stopped else { return }
            let width = TerminalSize.current(fd: 2).columns
            StandardStream.error.write(state.spinner.nextFrame(width: width))
            state.drawn = true
        }
    }

    /// Changes the label (a status event from the server).
    func update(label: String) {
        state.withLock { $0.spinner.update(label: label) }
    }

    /// Erases the spinner so another stderr line can be written; the next tick draws it again.
    func pause() {
        state.withLock { state in
            if state.drawn { StandardStream.error.write(Spinner.erase) }
            state.drawn = false
        }
    }

    /// Stops and erases the spinner.
    func stop() {
        task.withLock { $0?.cancel() }
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            if state.drawn { StandardStream.error.write(Spinner.erase) }
        }
    }
}
