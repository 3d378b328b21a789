import Foundation
import Settings
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a profile's `api_key_cmd` and returns what it printed: the API key.
///
/// The command runs without a shell (`argv[0]` is looked up in `PATH`), with stdin and stderr on `/dev/null` and
/// the process's environment; only its standard output is read, and one trailing newline is removed. It gets
/// `timeout` (10 s) to finish, then SIGTERM, then SIGKILL a second later. A failure — not found, a non-zero exit, a
/// signal, the timeout, no output, more than one line — is one `SettingsError` (`.keyCommand`) that never contains
/// the output. The blocking wait runs on a thread of its own, off the cooperative pool.
struct APIKeyCommand {
    /// The program and its arguments.
    var argv: [String]
    /// The environment the program gets (and whose `PATH` finds it).
    var environment: [String: String]
    /// `FILE:LINE` of `api_key_cmd`, for messages.
    var location: String
    /// How long the program may run.
    var timeout: Duration = .seconds(10)

    /// What happened to the child.
    private enum Outcome: Sendable {
        case exited(Int32, Data)
        case signalled(Int32)
        case timedOut
        case cannotStart(String)
    }

    /// Runs the command.
    /// - Returns: The key.
    /// - Throws: `SettingsError` with code `.keyCommand`.
    func run() async throws(SettingsError) -> String {
        let name = argv.first ?? ""
        guard let executable = Self.find(name, path: environment["PATH"]) else {
            throw failure("'\(name)' was not found")
        }
        let arguments = Array(argv.dropFirst())
        let environment = environment
        let timeout = timeout
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let thread = Thread {
                continuation.resume(
                    returning: Self.execute(
                        executable,
                        arguments: arguments,
                        environment: environment,
                        timeout: timeout
                    )
                )
            }
            thread.start()
        }
        switch outcome {
        case .cannotStart(let reason):
            throw failure("'\(name)' could not be started: \(reason)")
        case .timedOut:
            throw failure("'\(name)' did not finish within \(timeout.components.seconds) s")
        case .signalled(let signal):
            throw failure("'\(name)' was killed by signal \(signal)")
        case .exited(let status, _) where status != 0:
            throw failure("'\(name)' exited with status \(status)")
        case .exited(_, let output):
            var key = String(decoding: output, as: UTF8.self)
            if key.hasSuffix("\n") { key.removeLast() }
            if key.hasSuffix("\r") { key.removeLast() }
            guard !key.isEmpty else { throw failure("'\(name)' printed nothing") }
            guard !key.contains(where: { $0.isNewline }) else {
                throw failure("'\(name)' printed more than one line")
            }
            return key
        }
    }

    private func failure(_ problem: String) -> SettingsError {
        SettingsError(.keyCommand, "\(location.isEmpty ? "" : location + ": ")api_key_cmd failed: \(problem)")
    }

    /// Starts the program and waits for it (blocking; called on a dedicated thread).
    private static func execute(
        _ executable: String,
        arguments: [String],
        environment: [String: String],
        timeout: Duration
    ) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            return .cannotStart((error as NSError).localizedDescription)
        }
        let pid = process.processIdentifier
        // Set by the watchdog when it signals the child; read after the child was reaped.
        let state = Mutex((finished: false, timedOut: false))
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            let signalled = state.withLock { state -> Bool in
                guard !state.finished else { return false }
                state.timedOut = true
                kill(pid, SIGTERM)
                return true
            }
            guard signalled else { return }
            DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
                state.withLock { state in if !state.finished { kill(pid, SIGKILL) } }
            }
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let timedOut = state.withLock { state -> Bool in
            state.finished = true
            return state.timedOut
        }
        if timedOut { return .timedOut }
        if process.terminationReason == .uncaughtSignal { return .signalled(process.terminationStatus) }
        return .exited(process.terminationStatus, output)
    }

    /// The program's path: `name` itself when it holds a `/`, else the first executable match in `PATH`.
    private static func find(_ name: String, path: String?) -> String? {
        guard !name.isEmpty else { return nil }
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = folder + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
