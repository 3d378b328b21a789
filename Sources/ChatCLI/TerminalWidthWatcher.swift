import Dispatch
import Synchronization
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tracks stdout's terminal width, re-read on SIGWINCH.
/// `@unchecked Sendable`: the dispatch source is set once in `init` and only cancelled afterwards.
final class TerminalWidthWatcher: @unchecked Sendable {
    private let width: Atomic<Int>
    private let source: any DispatchSourceSignal

    init() {
        width = Atomic(TerminalSize.current(fd: 1).columns)
        signal(SIGWINCH, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: DispatchQueue(label: "ssechat.winch"))
        source.setEventHandler { [weak self] in
            self?.width.store(TerminalSize.current(fd: 1).columns, ordering: .relaxed)
        }
        source.resume()
    }

    deinit {
        source.cancel()
    }

    /// The current width in cells.
    var columns: Int { width.load(ordering: .relaxed) }
}
