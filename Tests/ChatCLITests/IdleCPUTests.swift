import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A reply that pauses costs no CPU while it waits: the request goes out on a connection opened ahead (URLSession on
/// Linux spins on a new connection's socket for as long as its response lasts).
@Suite("Idle CPU while a reply waits", .timeLimit(.minutes(1)))
struct IdleCPUTests {
    /// The process's user + system CPU time so far, from `/proc/PID/stat`, or `nil` once it has gone.
    private static func cpuSeconds(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, utime 14 and stime 15 (1-based, in the whole line).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The child's CPU time, sampled until its stdout contains `text` (or it exits).
    private static func cpuUntilStdout(of child: CLIProcess, contains text: String) async throws -> Double {
        var cpu = 0.0
        while let sample = cpuSeconds(of: child.processID) {
            cpu = sample
            if String(decoding: child.stdoutSoFar, as: UTF8.self).contains(text) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return cpu
    }

    @Test(
        "A reply that stalls 2 s mid-stream: the client uses well under a second of CPU, and the server was preconnected"
    )
    func stalledReplyIsCheap() async throws {
        let events = Transcript.openAI(["Hello", " after", " a pause"])
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write(events[0...1].joined())
                Thread.sleep(forTimeInterval: 2)
                writer.write(events[2...].joined())
            }
        )
        let runner = try SSEChatRunner()
        let child = try runner.start(["--no-log", "--once", "hi"], environment: openAIEnvironment(server))
        let cpu = try await Self.cpuUntilStdout(of: child, contains: "pause")
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "Hello after a pause\n")
        #expect(server.http.preconnects == 1)
        #expect(server.requests.count == 1)
        // Spinning costs about a core for the whole pause (≈ 2 s); a quiet wait costs a few hundredths.
        #expect(cpu < 0.6, "the client used \(cpu) s of CPU during a 2 s pause")
    }

    @Test("ssechat events on a stream idle for 2 s: well under a second of CPU")
    func idleEventStreamIsCheap() async throws {
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write("data: first\n\n")
                Thread.sleep(forTimeInterval: 2)
                writer.write("data: second\n\n")
            }
        )
        let runner = try SSEChatRunner()
        let child = try runner.start(["events", "--max-reconnects", "0", server.url("/stream")])
        let cpu = try await Self.cpuUntilStdout(of: child, contains: "second")
        _ = await child.waitForExit(timeout: .seconds(10))
        #expect(server.http.preconnects == 1)
        #expect(cpu < 0.6, "the client used \(cpu) s of CPU during a 2 s pause")
    }

    @Test("--no-preconnect (and preconnect = false in the config file) sends the request alone, no OPTIONS")
    func preconnectOff() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["ok"])))
        let runner = try SSEChatRunner()
        let flag = try await runner.run(["--no-preconnect", "--once", "hi"], environment: openAIEnvironment(server))
        #expect(flag.exitCode == 0, "\(flag.stderrText)")
        try runner.writeConfig("[defaults]\npreconnect = false\n")
        let file = try await runner.run(["--once", "hi"], environment: openAIEnvironment(server))
        #expect(file.exitCode == 0, "\(file.stderrText)")
        let events = try await runner.run(["events", "--no-preconnect", "--max-reconnects", "0", server.url("/s")])
        #expect(events.exitCode == 0, "\(events.stderrText)")
        #expect(server.http.preconnects == 0)
        #expect(server.requests.count == 3)
    }
}
