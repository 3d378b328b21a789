import FlyingSocks

/// Passes FlyingFox's warnings and errors (dropped connections and the like) to the configuration's `log`;
/// its per-request info lines are left out. Nothing is logged when `log` is `nil`.
struct DemoServerLogger: Logging {
    let log: (@Sendable (String) -> Void)?

    func logDebug(_ debug: @autoclosure () -> String) {}

    func logInfo(_ info: @autoclosure () -> String) {}

    func logWarning(_ warning: @autoclosure () -> String) {
        log?("warning: " + warning())
    }

    func logError(_ error: @autoclosure () -> String) {
        log?("error: " + error())
    }

    func logCritical(_ critical: @autoclosure () -> String) {
        guard let log else { return }
        let message = critical()
        // Stopping the server closes its socket and cancels its task, which FlyingFox reports as critical errors.
        guard !message.contains("CancellationError"), !message.contains("Disconnected") else { return }
        log("critical: " + message)
    }
}
