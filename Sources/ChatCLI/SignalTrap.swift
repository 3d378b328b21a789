import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT and SIGTERM into a handler call instead of killing the process, so a streaming command can cancel
/// its work, keep what it has, restore the terminal and exit with the right status.
/// `@unchecked Sendable`: `sources` is set once in `init` and dispatch sources are safe to cancel from any thread.
package final class SignalTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let received = Mutex<Int32?>(nil)

    /// Starts trapping `signals`; `handler` runs on a dispatch queue for each delivery.
    /// - Parameters:
    ///   - signals: The signals to trap (default SIGINT and SIGTERM).
    ///   - handler: Called with the signal number.
    package init(signals: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "ssechat.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (source, number) in zip(sources, signals) {
            source.setEventHandler { [weak self] in
                self?.received.withLock { $0 = number }
                handler(number)
            }
            source.resume()
        }
    }

    /// The last signal received, if any.
    package var lastSignal: Int32? { received.withLock { $0 } }

    /// Stops calling the handler. The signals stay ignored (not back to their default action), so one that arrives
    /// while the command cleans up cannot kill it before it restores the terminal and exits with its status.
    package func cancel() {
        for source in sources { source.cancel() }
    }

    /// The exit status for the last signal: 130 for SIGINT, 143 for SIGTERM.
    package var exitStatus: ExitStatus {
        lastSignal == SIGTERM ? .terminated : .interrupted
    }
}
