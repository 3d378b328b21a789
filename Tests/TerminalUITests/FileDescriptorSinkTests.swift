#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import Testing

@testable import TerminalUI

@Suite("FileDescriptorSink")
struct FileDescriptorSinkTests {
    /// A pipe whose ends are closed when the test is done.
    final class Pipe: Sendable {
        let readEnd: Int32
        let writeEnd: Int32

        init() throws {
            var fds: [Int32] = [0, 0]
            try #require(pipe(&fds) == 0)
            readEnd = fds[0]
            writeEnd = fds[1]
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }

        /// Whether bytes are waiting on the read end right now.
        var hasData: Bool {
            var request = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            return poll(&request, 1, 0) == 1
        }

        /// Reads what is waiting (the caller knows something is).
        func readAvailable() -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            return count > 0 ? Array(buffer[..<count]) : []
        }

        /// Starts reading on a thread of its own (not the cooperative pool, which the blocking writer may hold)
        /// until `count` bytes arrived or the pipe closed.
        func startReader(count: Int) -> Reader {
            let reader = Reader()
            let readEnd = self.readEnd
            Thread.detachNewThread {
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while received.count < count {
                    let got = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                    if got < 0 && errno == EINTR {
                        continue
                    }
                    if got <= 0 {
                        break
                    }
                    received += buffer[..<got]
                }
                reader.finish(received)
            }
            return reader
        }
    }

    /// The bytes a reader thread received, handed over when it is done.
    final class Reader: Sendable {
        private let received = Mutex<[UInt8]>([])
        private let done = DispatchSemaphore(value: 0)

        func finish(_ bytes: [UInt8]) {
            received.withLock { $0 = bytes }
            done.signal()
        }

        /// Waits for the reader thread, which runs independently of the caller, so this cannot deadlock.
        func wait() -> [UInt8] {
            done.wait()
            return received.withLock { $0 }
        }
    }

    @Test("bytes reach the descriptor on flush, not before")
    func flushes() throws {
        let pipe = try Pipe()
        let sink = FileDescriptorSink(fileDescriptor: pipe.writeEnd)
        sink.write("héllo ")
        sink.write([0x77, 0x6F, 0x72, 0x6C, 0x64][...])
        #expect(!pipe.hasData)
        sink.flush()
        #expect(pipe.hasData)
        #expect(String(decoding: pipe.readAvailable(), as: UTF8.self) == "héllo world")
        sink.flush()
        #expect(!pipe.hasData)
        #expect(!sink.isBroken)
    }

    @Test("a full buffer is written without waiting for flush")
    func capacity() throws {
        let pipe = try Pipe()
        let sink = FileDescriptorSink(fileDescriptor: pipe.writeEnd, capacity: 4)
        sink.write("abc")
        #expect(!pipe.hasData)
        sink.write("def")
        #expect(pipe.readAvailable() == Array("abcdef".utf8))
    }

    @Test("a large write to a slow reader arrives whole, also on a non-blocking descriptor", arguments: [false, true])
    func largeWrite(nonBlocking: Bool) throws {
        let pipe = try Pipe()
        if nonBlocking {
            #expect(fcntl(pipe.writeEnd, F_SETFL, O_NONBLOCK) == 0)
        }
        let payload = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let reader = pipe.startReader(count: payload.count)
        let sink = FileDescriptorSink(fileDescriptor: pipe.writeEnd)
        sink.write(payload)
        sink.flush()
        #expect(reader.wait() == payload)
        #expect(!sink.isBroken)
    }

    @Test("writing to a pipe nobody reads ends quietly")
    func brokenPipe() throws {
        FileDescriptorSink.ignoreBrokenPipeSignal()
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[1]) }
        close(fds[0])
        let sink = FileDescriptorSink(fileDescriptor: fds[1])
        sink.write("nobody is listening")
        sink.flush()
        #expect(sink.isBroken)
        sink.write("still nobody")
        sink.flush()
        #expect(sink.isBroken)
    }
}
