import CPseudoTerminal
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension PseudoTerminal {
    /// The state shared by a ``PseudoTerminal``, its reading thread and its reaping thread.
    final class Core: Sendable {
        /// The terminal closed before the awaited output appeared.
        struct EndOfOutput: Error {}

        private struct OutputWaiter {
            let id: Int
            let needle: [UInt8]
            let mark: Int
            let continuation: CheckedContinuation<Void, any Error>
        }

        private struct ExitWaiter {
            let id: Int
            let continuation: CheckedContinuation<Int32, any Error>
        }

        private struct State {
            var output: [UInt8] = []
            var outputEnded = false
            var exitStatus: Int32?
            var nextID = 0
            var outputWaiters: [OutputWaiter] = []
            var exitWaiters: [ExitWaiter] = []
        }

        let processID: pid_t
        /// The master side's descriptor; -1 once the reading thread closed it at the end of the output.
        private let descriptor: Mutex<Int32>
        private let state = Mutex(State())

        init(processID: pid_t, masterDescriptor: Int32) {
            self.processID = processID
            self.descriptor = Mutex(masterDescriptor)
        }

        /// Starts the thread that reads the output and the one that waits for the child to exit.
        func startThreads() {
            let master = descriptor.withLock { $0 }
            let reader = Thread { [self] in readOutput(from: master) }
            reader.name = "PseudoTerminal.reader"
            reader.start()
            let reaper = Thread { [self] in reap() }
            reaper.name = "PseudoTerminal.reaper"
            reaper.start()
        }

        // MARK: Output

        func outputBytes() -> [UInt8] {
            state.withLock { $0.output }
        }

        func outputCount() -> Int {
            state.withLock { $0.output.count }
        }

        func waitForOutput(containing needle: [UInt8], after mark: Int) async throws {
            let id = state.withLock { state in
                state.nextID += 1
                return state.nextID
            }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let outcome: Result<Void, any Error>? = state.withLock { state in
                        if Self.find(needle, in: state.output, after: mark) { return .success(()) }
                        if state.outputEnded { return .failure(EndOfOutput()) }
                        if Task.isCancelled { return .failure(CancellationError()) }
                        state.outputWaiters.append(
                            OutputWaiter(id: id, needle: needle, mark: mark, continuation: continuation)
                        )
                        return nil
                    }
                    if let outcome { continuation.resume(with: outcome) }
                }
            } onCancel: {
                let waiter = state.withLock { state in
                    state.outputWaiters.firstIndex { $0.id == id }.map { state.outputWaiters.remove(at: $0) }
                }
                waiter?.continuation.resume(throwing: CancellationError())
            }
        }

        private func readOutput(from master: Int32) {
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    received(buffer[0..<count])
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break  // 0 or EIO: every process holding the terminal's other side is gone.
                }
            }
            descriptor.withLock { descriptor in
                _ = close(descriptor)
                descriptor = -1
            }
            let waiters = state.withLock { state in
                state.outputEnded = true
                defer { state.outputWaiters.removeAll() }
                return state.outputWaiters
            }
            for waiter in waiters {
                waiter.continuation.resume(throwing: EndOfOutput())
            }
        }

        private func received(_ bytes: ArraySlice<UInt8>) {
            let satisfied = state.withLock { state in
                state.output += bytes
                let output = state.output
                let (done, waiting) = state.outputWaiters.partitioned {
                    Self.find($0.needle, in: output, after: $0.mark)
                }
                state.outputWaiters = waiting
                return done
            }
            for waiter in satisfied {
                waiter.continuation.resume()
            }
        }

        private static func find(_ needle: [UInt8], in haystack: [UInt8], after mark: Int) -> Bool {
            let start = min(max(0, mark), haystack.count)
            guard !needle.isEmpty else { return true }
            guard haystack.count - start >= needle.count else { return false }
            for index in start...(haystack.count - needle.count)
            where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return true
            }
            return false
        }

        // MARK: Input and size

        func writeInput(_ bytes: [UInt8]) {
            descriptor.withLock { descriptor in
                guard descriptor >= 0 else { return }
                var offset = 0
                while offset < bytes.count {
                    let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                    if count < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += count
                }
            }
        }

        func resize(rows: UInt16, columns: UInt16) {
            descriptor.withLock { descriptor in
                if descriptor >= 0 { _ = cpty_resize(descriptor, rows, columns) }
            }
        }

        // MARK: Exit

        func waitForExit() async throws -> Int32 {
            let id = state.withLock { state in
                state.nextID += 1
                return state.nextID
            }
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                    let outcome: Result<Int32, any Error>? = state.withLock { state in
                        if let status = state.exitStatus { return .success(status) }
                        if Task.isCancelled { return .failure(CancellationError()) }
                        state.exitWaiters.append(ExitWaiter(id: id, continuation: continuation))
                        return nil
                    }
                    if let outcome { continuation.resume(with: outcome) }
                }
            } onCancel: {
                let waiter = state.withLock { state in
                    state.exitWaiters.firstIndex { $0.id == id }.map { state.exitWaiters.remove(at: $0) }
                }
                waiter?.continuation.resume(throwing: CancellationError())
            }
        }

        /// Sends SIGKILL to the child's process group unless the child was already reaped.
        func killProcessGroup() {
            let running = state.withLock { $0.exitStatus == nil }
            guard running else { return }
            _ = kill(-processID, SIGKILL)
            _ = kill(processID, SIGKILL)
        }

        private func reap() {
            var status: Int32 = 0
            var result: Int32
            repeat {
                result = waitpid(processID, &status, 0)
            } while result < 0 && errno == EINTR
            let exitStatus: Int32
            if result < 0 {
                exitStatus = -1
            } else if status & 0x7F == 0 {
                exitStatus = (status >> 8) & 0xFF
            } else {
                exitStatus = 128 + (status & 0x7F)
            }
            let waiters = state.withLock { state in
                state.exitStatus = exitStatus
                defer { state.exitWaiters.removeAll() }
                return state.exitWaiters
            }
            for waiter in waiters {
                waiter.continuation.resume(returning: exitStatus)
            }
        }
    }
}

extension Array {
    fileprivate func partitioned(by isFirst: (Element) -> Bool) -> (first: [Element], second: [Element]) {
        var first: [Element] = []
        var second: [Element] = []
        for element in self {
            if isFirst(element) { first.append(element) } else { second.append(element) }
        }
        return (first, second)
    }
}
