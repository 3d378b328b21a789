import TerminalUI

/// Plays a reply through a `ReplyRenderer` as its driver would, on a manual clock, keeping what it writes to stdout:
/// each input is drained at once, and a millisecond passes before the next.
struct RendererPlayback {
    /// The renderer being played (its settings may be changed between inputs: `resize`, `usesFastPaths`).
    var renderer: ReplyRenderer
    /// Whether time jumps to each wake-up the renderer asks for (held words shown early, as on a stalling stream).
    let ticks: Bool
    private var stdout: [UInt8] = []
    private var now = Duration.zero

    init(_ renderer: ReplyRenderer, ticks: Bool) {
        self.renderer = renderer
        self.ticks = ticks
    }

    /// Feeds a piece of the answer.
    mutating func text(_ piece: String) {
        renderer.text(piece, at: now)
        step()
    }

    /// Feeds a piece of reasoning.
    mutating func reasoning(_ piece: String) {
        renderer.reasoning(piece, at: now)
        step()
    }

    /// Ends the reply.
    /// - Returns: Everything written to stdout.
    mutating func finish() -> [UInt8] {
        renderer.finish(mark: nil, summary: nil, at: now)
        _ = take(renderer.drain(at: now))
        return stdout
    }

    private mutating func step() {
        if let wake = take(renderer.drain(at: now)), ticks {
            now = wake
            renderer.tick(at: now)
            _ = take(renderer.drain(at: now))
        }
        now += .milliseconds(1)
    }

    /// Keeps the stdout bytes; returns the wake-up asked for, if any.
    private mutating func take(_ actions: [ReplyRenderer.Action]) -> Duration? {
        var wake: Duration?
        for action in actions {
            switch action {
            case .stdout(let bytes): stdout += bytes
            case .stderr: break
            case .wake(let at): wake = at
            }
        }
        return wake
    }
}
