import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A built command-line program running as a child process with its stdin, stdout and stderr on pipes, for
/// end-to-end tests: output is collected as it arrives (so a test can watch a reply stream), the child can be sent
/// signals, and a deadline kills it.
///
/// ```swift
/// let child = try CLIProcess(executable: try BuiltProducts.path(of: "ssechat"), arguments: ["--once", "hi"],
///                            environment: environment, input: .null)
/// let result = await child.waitForExit()
/// #expect(result.exitCode == 0)
/// ```
/// Stdin is never the test runner's own: `/dev/null`, bytes written by a background thread then closed, or a pipe
/// the test writes to (``write(_:)``) and closes (``closeInput()``).
///
/// `@unchecked Sendable`: it wraps a Foundation `Process`. Invariant: the `Process` is configured and launched in
/// `init` and afterwards only its immutable `processIdentifier` is read; everything that changes lives in `state`
/// behind a `Mutex`; each pipe's read end is read only by its own reading thread.
package final class CLIProcess: @unchecked Sendable {
    /// What the child reads on stdin.
    package enum Input: Sendable {
        /// `/dev/null`.
        case null
        /// These bytes, written by a background thread, then end of file.
        case bytes(Data)
        /// A pipe kept open for ``write(_:)`` until ``closeInput()``.
        case open
    }

    private struct State {
        var stdout = Data()
        var stderr = Data()
        var exit: (status: Int32, signalled: Bool)?
        var readersDone = 0
        var timedOut = false
    }

    /// The shared mutable state, in a class of its own so closures can hold it without holding the process.
    private final class Shared: Sendable {
        let state = Mutex(State())
    }

    /// The child's process id.
    package let processID: Int32
    private let process: Process
    private let inputHandle: FileHandle?
    private let inputLock = Mutex(false)
    private let shared = Shared()

    /// Starts `executable`.
    /// - Parameters:
    ///   - executable: The program's absolute path.
    ///   - arguments: The arguments, without the program name.
    ///   - environment: The child's whole environment.
    ///   - input: What the child reads on stdin.
    /// - Throws: Whatever `Process.run()` throws when the program cannot be started.
    package init(executable: String, arguments: [String], environment: [String: String], input: Input) throws {
        // A child that exits before reading all its stdin must not kill the test runner with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        var inputPipe: Pipe?
        switch input {
        case .null:
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        case .bytes, .open:
            let pipe = Pipe()
            process.standardInput = pipe
            inputPipe = pipe
        }
        self.process = process
        self.inputHandle = inputPipe?.fileHandleForWriting
        process.terminationHandler = { [shared] finished in
            let signalled = finished.terminationReason == .uncaughtSignal
            shared.state.withLock { $0.exit = (finished.terminationStatus, signalled) }
        }
        try process.run()
        processID = process.processIdentifier
        startReader(stdoutPipe.fileHandleForReading, isStdout: true)
        startReader(stderrPipe.fileHandleForReading, isStdout: false)
        if case .bytes(let data) = input {
            let thread = Thread { [self] in
                write(data)
                closeInput()
            }
            thread.start()
        }
    }

    deinit {
        if shared.state.withLock({ $0.exit == nil }) { kill(processID, SIGKILL) }
    }

    /// Everything the child wrote to stdout so far.
    package var stdoutSoFar: Data { shared.state.withLock { $0.stdout } }

    /// Everything the child wrote to stderr so far.
    package var stderrSoFar: Data { shared.state.withLock { $0.stderr } }

    /// Whether the child has exited.
    package var hasExited: Bool { shared.state.withLock { $0.exit != nil } }

    /// Writes bytes to the child's stdin (blocking while the pipe is full); ignored once the input is closed.
    /// - Parameter data: The bytes.
    package func write(_ data: Data) {
        inputLock.withLock { closed in
            guard !closed, let inputHandle else { return }
            let fd = inputHandle.fileDescriptor
            data.withUnsafeBytes { buffer in
                guard var pointer = buffer.baseAddress else { return }
                var remaining = buffer.count
                while remaining > 0 {
                    let count = Glibc.write(fd, pointer, remaining)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    pointer += count
                    remaining -= count
                }
            }
        }
    }

    /// Closes the child's stdin (end of file for it). Idempotent.
    package func closeInput() {
        inputLock.withLock { closed in
            guard !closed else { return }
            closed = true
            try? inputHandle?.close()
        }
    }

    /// Sends a signal to the child.
    /// - Parameter number: The signal, e.g. `SIGINT`.
    package func send(signal number: Int32) {
        if !hasExited { kill(processID, number) }
    }

    /// Waits until stdout holds `text` (as UTF-8).
    /// - Parameters:
    ///   - text: The text to wait for.
    ///   - timeout: How long to wait at most.
    /// - Throws: `WaitTimeout` when it does not appear in time (or the child exits without writing it).
    package func waitForStdout(containing text: String, timeout: Duration = .seconds(10)) async throws {
        let needle = Data(text.utf8)
        try await waitUntil(timeout: timeout) { [shared] in
            shared.state.withLock { $0.stdout.range(of: needle) != nil || ($0.exit != nil && $0.readersDone == 2) }
        }
        guard stdoutSoFar.range(of: needle) != nil else { throw WaitTimeout() }
    }

    /// Waits for the child to exit and its output to be read; kills it (SIGKILL) when `timeout` passes first.
    /// - Parameter timeout: How long the child may run.
    /// - Returns: The exit status and everything it wrote.
    package func waitForExit(timeout: Duration = .seconds(20)) async -> CLIResult {
        let finished: @Sendable () -> Bool = { [shared] in
            shared.state.withLock { $0.exit != nil && $0.readersDone == 2 }
        }
        if (try? await waitUntil(timeout: timeout, finished)) == nil {
            shared.state.withLock { $0.timedOut = true }
            kill(processID, SIGKILL)
            try? await waitUntil(timeout: .seconds(10), finished)
        }
        closeInput()
        return shared.state.withLock { state in
            CLIResult(
                exitCode: state.exit.map { $0.signalled ? 128 + $0.status : $0.status } ?? -1,
                killedBySignal: state.exit?.signalled == true ? state.exit?.status : nil,
                stdout: state.stdout,
                stderr: state.stderr,
                timedOut: state.timedOut
            )
        }
    }

    /// Reads one pipe on its own thread until end of file, or until the child has exited and the pipe is drained
    /// (another child that inherited the write end must not keep the reader waiting).
    private func startReader(_ handle: FileHandle, isStdout: Bool) {
        let thread = Thread { [shared] in
            let fd = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while true {
                let ready = poll(&descriptor, 1, 20)
                if ready < 0 && errno == EINTR { continue }
                if ready <= 0 {
                    if ready < 0 || shared.state.withLock({ $0.exit != nil }) { break }
                    continue
                }
                let count = read(fd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                shared.state.withLock { state in
                    if isStdout {
                        state.stdout.append(contentsOf: buffer[0..<count])
                    } else {
                        state.stderr.append(contentsOf: buffer[0..<count])
                    }
                }
            }
            try? handle.close()
            shared.state.withLock { $0.readersDone += 1 }
        }
        thread.start()
    }
}

/// How a child process ended and what it wrote.
package struct CLIResult: Sendable {
    /// The exit status; 128 + the signal number when a signal killed it; -1 if it never ended.
    package var exitCode: Int32
    /// The signal that killed the child, when it did not exit by itself (a program that handles SIGINT and exits
    /// 130 has `nil` here).
    package var killedBySignal: Int32?
    /// Everything written to stdout.
    package var stdout: Data
    /// Everything written to stderr.
    package var stderr: Data
    /// Whether the deadline passed and the child was killed.
    package var timedOut: Bool

    /// Stdout as UTF-8 text.
    package var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// Stderr as UTF-8 text.
    package var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// Stdout's lines, without their newlines (no empty last element for a final newline).
    package var stdoutLines: [String] { Self.lines(stdoutText) }

    /// Stderr's lines, without their newlines (no empty last element for a final newline).
    package var stderrLines: [String] { Self.lines(stderrText) }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
