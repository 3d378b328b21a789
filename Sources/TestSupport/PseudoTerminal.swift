import CPseudoTerminal
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process running on a fresh pseudo-terminal, driven by a test as a user at a keyboard would.
///
/// The child starts in `init`, in a session of its own whose controlling terminal is the pseudo-terminal. A
/// background thread reads everything the child writes (``output``), another waits for it to exit. Wait for a
/// prompt before typing: keys sent while the program has not yet switched the terminal to raw mode are handled by
/// the terminal driver (Ctrl-C would raise SIGINT).
///
/// ```swift
/// let terminal = try PseudoTerminal(executable: try BuiltProducts.path(of: "ssechat"), arguments: [],
///                                   environment: PseudoTerminal.defaultEnvironment)
/// _ = try await terminal.waitForOutput(containing: "> ")
/// terminal.send("hello\r")
/// ```
///
/// `@unchecked Sendable`: it wraps a child process and the pseudo-terminal's master file descriptor. Invariant:
/// every mutable thing lives in ``Core`` behind a `Mutex`, the descriptor is written and closed only under its
/// lock, and only the reading thread reads it.
package final class PseudoTerminal: @unchecked Sendable {
    /// The child's process id (also its process group id).
    package let processID: pid_t
    private let core: Core

    /// An environment with just `TERM=xterm-256color`, `LANG=C.UTF-8` and the current `PATH`; add to it.
    package static var defaultEnvironment: [String: String] {
        [
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
        ]
    }

    /// Starts `executable` on a new pseudo-terminal.
    /// - Parameters:
    ///   - executable: The program's absolute path (no `PATH` search).
    ///   - arguments: The arguments, without the program name (`argv[0]` is `executable`).
    ///   - environment: The child's whole environment (see ``defaultEnvironment``).
    ///   - rows: The terminal's height.
    ///   - columns: The terminal's width.
    /// - Throws: ``PseudoTerminalError/spawnFailed(_:)`` when the pseudo-terminal or the process cannot be created.
    package init(
        executable: String,
        arguments: [String],
        environment: [String: String],
        rows: UInt16 = 24,
        columns: UInt16 = 80
    ) throws {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        var master: Int32 = -1
        guard cpty_spawn(executable, argv, envp, rows, columns, &pid, &master) == 0 else {
            throw PseudoTerminalError.spawnFailed(errno)
        }
        processID = pid
        core = Core(processID: pid, masterDescriptor: master)
        core.startThreads()
    }

    deinit {
        terminate()
    }

    /// Types text: writes it to the terminal as keystrokes. Ignored once the terminal is closed.
    ///
    /// Keys: `"\r"` Enter, `"\u{7F}"` Backspace, `"\t"` Tab, `"\u{01}"` Ctrl-A, `"\u{03}"` Ctrl-C, `"\u{04}"`
    /// Ctrl-D, `"\u{05}"` Ctrl-E, `"\u{1B}[A"` Up, `"\u{1B}[B"` Down, `"\u{1B}[C"` Right, `"\u{1B}[D"` Left.
    /// - Parameter text: The keystrokes.
    package func send(_ text: String) {
        core.writeInput(Array(text.utf8))
    }

    /// Everything the child wrote so far, raw (escape sequences included; see ``plainOutput``).
    package var output: String {
        String(decoding: core.outputBytes(), as: UTF8.self)
    }

    /// How many bytes of output arrived so far: pass it to ``waitForOutput(containing:after:timeout:)`` to wait
    /// for text that appears after this point.
    package var outputMark: Int {
        core.outputCount()
    }

    /// Waits until the output holds `text` (after byte offset `mark`).
    /// - Parameters:
    ///   - text: The text to wait for, matched against the raw bytes.
    ///   - mark: Only output after this byte offset counts (see ``outputMark``); 0 for all of it.
    ///   - timeout: How long to wait.
    /// - Returns: All output so far.
    /// - Throws: ``PseudoTerminalError/timedOut(waitingFor:output:)`` after `timeout`,
    ///   ``PseudoTerminalError/outputEnded(waitingFor:output:)`` when the terminal closed without it.
    @discardableResult
    package func waitForOutput(
        containing text: String,
        after mark: Int = 0,
        timeout: Duration = .seconds(10)
    ) async throws -> String {
        let core = self.core
        do {
            try await Self.withTimeout(timeout) {
                try await core.waitForOutput(containing: Array(text.utf8), after: mark)
            }
        } catch is TimeoutReached {
            throw PseudoTerminalError.timedOut(waitingFor: text, output: output)
        } catch is Core.EndOfOutput {
            throw PseudoTerminalError.outputEnded(waitingFor: text, output: output)
        }
        return output
    }

    /// Changes the terminal's size; the child receives SIGWINCH.
    /// - Parameters:
    ///   - rows: The new height.
    ///   - columns: The new width.
    package func resize(rows: UInt16, columns: UInt16) {
        core.resize(rows: rows, columns: columns)
    }

    /// Waits for the child to exit.
    /// - Parameter timeout: How long to wait.
    /// - Returns: The exit status, or 128 + the signal number when a signal ended it.
    /// - Throws: ``PseudoTerminalError/didNotExit(output:)`` after `timeout` (the child keeps running).
    package func waitForExit(timeout: Duration = .seconds(10)) async throws -> Int32 {
        let core = self.core
        do {
            return try await Self.withTimeout(timeout) {
                try await core.waitForExit()
            }
        } catch is TimeoutReached {
            throw PseudoTerminalError.didNotExit(output: output)
        }
    }

    /// Kills the child's process group with SIGKILL if the child is still running. Idempotent; `deinit` calls it.
    package func terminate() {
        core.killProcessGroup()
    }

    private struct TimeoutReached: Error {}

    private static func withTimeout<Result: Sendable>(
        _ timeout: Duration,
        _ work: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Result.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TimeoutReached()
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() else { throw TimeoutReached() }
            return result
        }
    }
}
