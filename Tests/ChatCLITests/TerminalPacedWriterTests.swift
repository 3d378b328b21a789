@testable import ChatCLI
import Synchronization
import TerminalUI
import Testing
import TestSupport

/// `PacedWriter` on a manual clock: what it writes, and when.
@Suite("Terminal: PacedWriter", .timeLimit(.minutes(1)))
struct TerminalPacedWriterTests {
    /// Collects what the writer writes.
    final class Recorder: Sendable {
        private let bytes = Mutex<[UInt8]>([])
        func write(_ chunk: [UInt8]) { bytes.withLock { $0 += chunk } }
        var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }
    }

    static func makeWriter(
        _ mode: Typewriter.Mode,
        rate: Double,
        color: Bool = false
    ) -> (PacedWriter, ManualClock, Recorder) {
        let clock = ManualClock()
        let recorder = Recorder()
        let writer = PacedWriter(
            typewriter: Typewriter(mode: mode, width: 80, color: color),
            charactersPerSecond: rate,
            clock: clock,
            write: { recorder.write($0) }
        )
        writer.start()
        return (writer, clock, recorder)
    }

    /// Advances the clock in steps while the writer sleeps on it, until `done` holds.
    /// - Returns: How much clock time passed.
    @discardableResult
    static func advance(
        _ clock: ManualClock,
        by step: Duration,
        until done: @escaping @Sendable () -> Bool
    ) async throws -> Duration {
        var elapsed = Duration.zero
        while true {
            try await waitUntil { clock.sleeperCount >= 1 || done() }
            if done() { return elapsed }
            clock.advance(by: step)
            elapsed += step
        }
    }

    @Test("The first character goes out at once, then one every 1/rate seconds")
    func steadyRate() async throws {
        let (writer, clock, recorder) = Self.makeWriter(.plain(sanitized: false), rate: 10)
        writer.enqueue("abcdef", kind: .answer)
        try await waitUntil { recorder.text == "a" }
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(50))
        #expect(recorder.text == "a")
        for expected in ["ab", "abc", "abcd", "abcde", "abcdef"] {
            await clock.waitForSleepers()
            clock.advance(by: .milliseconds(100))
            try await waitUntil { recorder.text.count >= expected.count }
            #expect(recorder.text == expected)
        }
        writer.finishNow()
        #expect(recorder.text == "abcdef")
    }

    @Test("A burst far above the rate is spread over at most two seconds (the pacer's maximum lag)")
    func boundedLag() async throws {
        let (writer, clock, recorder) = Self.makeWriter(.plain(sanitized: false), rate: 10)
        let text = String(repeating: "x", count: 400)
        writer.enqueue(text, kind: .answer)
        try await Self.advance(clock, by: .milliseconds(100)) { clock.now.offset >= .milliseconds(100) }
        try await waitUntil { clock.sleeperCount >= 1 }
        let afterFirstStep = recorder.text.count
        #expect(afterFirstStep > 1 && afterFirstStep < 100, "\(afterFirstStep) of 400 after 100 ms")
        let took = try await Self.advance(clock, by: .milliseconds(100)) { recorder.text.count == 400 }
        #expect(took + .milliseconds(100) <= .milliseconds(2100), "400 characters took \(took)")
        writer.finishNow()
        #expect(recorder.text == text)
    }

    @Test("Paced output is byte-identical to unpaced output, reasoning and answer alike")
    func sameBytes() async throws {
        let deltas: [(String, Typewriter.DeltaKind)] = [
            ("Let me ", .reasoning), ("think \u{1B}[31mhard. ", .reasoning),
            ("The answer ", .answer), ("is 42, e\u{301}", .answer), ("\u{301}t 🙂 done.", .answer),
        ]
        var typewriter = Typewriter(mode: .terminal, width: 80, color: true)
        var expected: [UInt8] = []
        for (text, kind) in deltas { typewriter.render(text, kind: kind, into: &expected) }
        typewriter.finish(into: &expected)

        let (writer, clock, recorder) = Self.makeWriter(.terminal, rate: 50, color: true)
        for (text, kind) in deltas { writer.enqueue(text, kind: kind) }
        let finished = Task { await writer.finish() }
        try await Self.advance(clock, by: .milliseconds(20)) { recorder.text.hasSuffix("\n") }
        await finished.value
        #expect(recorder.text == String(decoding: expected, as: UTF8.self))
    }

    @Test("finish() waits for the backlog; finishNow() writes it at once; nothing is written afterwards")
    func finishing() async throws {
        let (writer, clock, recorder) = Self.makeWriter(.terminal, rate: 10)
        writer.enqueue("one two three", kind: .answer)
        try await waitUntil { !recorder.text.isEmpty }
        let waiting = Task { await writer.finish() }
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(100))
        waiting.cancel()
        await waiting.value  // cancelled: returns with text still queued, and writes nothing more
        #expect(!recorder.text.hasSuffix("\n"))
        writer.finishNow()
        #expect(recorder.text == "one two three\n")
        writer.enqueue("late", kind: .answer)
        writer.finishNow()
        #expect(recorder.text == "one two three\n")
    }
}
