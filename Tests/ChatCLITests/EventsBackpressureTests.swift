import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Backpressure is proved in a child process: holding URLSession's transfer thread pauses every session in a
/// process (swift-corelibs-foundation shares one work queue), so the slow consumer must not share the test runner.
@Suite("EventSource backpressure through `ssechat events`", .timeLimit(.minutes(1)))
struct EventsBackpressureTests {
    @Test("a fast server is held back while stdout is not read, and every event still arrives")
    func slowReaderHoldsServerBack() async throws {
        let eventCount = 200_000
        let event = Array("data: \(String(repeating: "x", count: 300))\n\n".utf8)
        let batch = Array([[UInt8]](repeating: event, count: 200).joined())
        let written = Atomic<Int>(0)
        let server = try LoopbackHTTPServer { _, writer in
            writer.writeEventStreamHead()
            for _ in 0..<(eventCount / 200) {
                guard writer.write(batch) else { return }
                written.add(batch.count, ordering: .relaxed)
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "ssechat"))
        process.arguments = ["events", server.url().absoluteString, "--max-reconnects", "0"]
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // Nobody reads stdout: wait until the pipe is full, so the client is stalled on its output. Without
        // backpressure it would go on reading the whole 61 MB into memory while the server raced ahead: give that
        // failure a window to show (the wait ends early if it does; it is not synchronisation).
        let readEnd = stdout.fileHandleForReading.fileDescriptor
        try await waitUntil { Self.bytesInPipe(readEnd) >= Self.pipeCapacity(readEnd) - Int(PIPE_BUF) }
        let bound = 24 << 20
        _ = try? await waitUntil(timeout: .milliseconds(800)) { written.load(ordering: .relaxed) >= bound }
        let writtenWhileStalled = written.load(ordering: .relaxed)
        let total = eventCount * event.count
        #expect(writtenWhileStalled < bound, "server wrote \(writtenWhileStalled) of \(total) bytes")
        let reader = Task.detached { () -> Int in
            var lines = 0
            while true {
                let data = stdout.fileHandleForReading.availableData
                if data.isEmpty { return lines }
                lines += data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
        }
        let lines = await reader.value
        process.waitUntilExit()
        #expect(lines == eventCount)
        #expect(process.terminationStatus == 0)
    }

    /// The bytes waiting in a pipe (`FIONREAD` on its read end).
    private static func bytesInPipe(_ readEnd: Int32) -> Int {
        var count: Int32 = 0
        return ioctl(readEnd, UInt(FIONREAD), &count) == 0 ? Int(count) : 0
    }

    /// A pipe's capacity (`F_GETPIPE_SZ`, Linux), or the usual 64 KiB when it cannot be read.
    private static func pipeCapacity(_ descriptor: Int32) -> Int {
        let size = fcntl(descriptor, 1032)  // F_GETPIPE_SZ
        return size > 0 ? Int(size) : 65_536
    }
}
