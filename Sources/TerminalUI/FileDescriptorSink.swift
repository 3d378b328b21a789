#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A `TerminalSink` that writes to a file descriptor with `write(2)`.
///
/// Bytes are buffered until `flush()` (or until the buffer passes its capacity), so one delta with its styles is
/// one system call. `flush()` writes everything: partial writes are continued, `EINTR` is retried, and `EAGAIN`
/// on a non-blocking descriptor waits with `poll(2)`. When the reader has gone away (`EPIPE`, or any other write
/// error) the sink quietly stops writing and `isBroken` becomes true; the caller decides whether to stop. For
/// `EPIPE` to be reported rather than kill the process, `SIGPIPE` must be ignored (`ignoreBrokenPipeSignal()`).
/// The descriptor is not closed by the sink.
package final class FileDescriptorSink: TerminalSink {
    private struct State {
        var buffer: [UInt8] = []
        var isBroken = false
    }

    /// The descriptor written to.
    package let fileDescriptor: Int32
    /// The buffered size past which `write` flushes by itself.
    package let capacity: Int
    private let state = Mutex(State())

    /// Creates a sink for a descriptor.
    /// - Parameters:
    ///   - fileDescriptor: An open descriptor (1 for stdout, 2 for stderr).
    ///   - capacity: How many bytes to buffer before writing without waiting for `flush()`.
    package init(fileDescriptor: Int32, capacity: Int = 1 << 16) {
        self.fileDescriptor = fileDescriptor
        self.capacity = max(capacity, 1)
    }

    deinit {
        flush()
    }

    /// Whether a write failed (the reader went away); later writes are dropped.
    package var isBroken: Bool {
        state.withLock { $0.isBroken }
    }

    /// Queues bytes, writing them out if the buffer passes its capacity.
    /// - Parameter bytes: The bytes to write.
    package func write(_ bytes: some Collection<UInt8>) {
        state.withLock { state in
            guard !state.isBroken else { return }
            let appended: Void? = bytes.withContiguousStorageIfAvailable { state.buffer.append(contentsOf: $0) }
            if appended == nil {
                state.buffer.append(contentsOf: bytes)
            }
            if state.buffer.count >= capacity {
                drain(&state)
            }
        }
    }

    /// Writes out everything buffered, blocking until the descriptor took it or failed.
    package func flush() {
        state.withLock { drain(&$0) }
    }

    /// Sets `SIGPIPE` to be ignored for the whole process, so writing to a closed pipe fails with `EPIPE` instead
    /// of killing it. Call once at start-up.
    package static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    private func drain(_ state: inout State) {
        defer { state.buffer.removeAll(keepingCapacity: state.buffer.capacity <= capacity * 2) }
        guard !state.isBroken, !state.buffer.isEmpty else { return }
        let fileDescriptor = self.fileDescriptor
        let ok = state.buffer.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let written = Glibc.write(fileDescriptor, base + offset, raw.count - offset)
                #else
                let written = Darwin.write(fileDescriptor, base + offset, raw.count - offset)
                #endif
                if written > 0 {
                    offset += written
                    continue
                }
                guard written < 0 else { return false }
                switch errno {
                case EINTR:
                    continue
                case EAGAIN, EWOULDBLOCK:
                    var request = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&request, 1, -1)
                default:
                    return false  // EPIPE, EBADF, EIO, …: the output is gone
                }
            }
            return true
        }
        if !ok {
            state.isBroken = true
        }
    }
}
