import Foundation
import Synchronization
import Testing
import TestSupport

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
        // Nobody reads stdout: the pipe fills, the client stops consuming, and without backpressure it would read
        // the whole 61 MB into memory while the server raced ahead.
        try await Task.sleep(for: .milliseconds(800))
        let writtenWhileStalled = written.load(ordering: .relaxed)
        let total = eventCount * event.count
        #expect(writtenWhileStalled < 24 << 20, "server wrote \(writtenWhileStalled) of \(total) bytes")
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
}
