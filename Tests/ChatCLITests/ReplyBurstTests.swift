import ChatClient
import ChatWire
import Foundation
import TestSupport
import Testing

@testable import ChatCLI

#if canImport(Glibc)
    import Glibc
#endif

/// The driver presents the updates of one burst (what arrived in one network read) together and drains the renderer
/// once, so the renderer typesets the burst's answer deltas together (`DeltaBatch`): what reaches the terminal, and
/// the text kept for the conversation, must be the same as when every update arrives on its own.
@Suite("ReplyDriver: a burst's answer deltas typeset together", .timeLimit(.minutes(1)))
struct ReplyBurstTests {
    /// Answer text, reasoning, a status and a resume notice interleaved, as a model may send them.
    static let updates: [ChatReplyUpdate] = [
        .event(.text("")), .event(.reasoning("Thinking about **it**")), .event(.text("## Title\n\nSome ")),
        .event(.text("**bold")), .event(.text("** words, `code`")), .event(.reasoning(" more thought")),
        .event(.text(" and a [link](https://example.com).\n\n- one\n")), .event(.status("searching")),
        .resuming(reason: "connection reset"), .event(.text("- two\n\n```swift\nlet x = 1\n")),
        .event(.text("```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")), .event(.text("\nEnd.")),
        .finished(.complete),
    ]

    @Test("one burst of everything writes what one update per read writes", arguments: [1, 2, 3, 5, 13])
    func burstMatchesSingleUpdates(burst: Int) async throws {
        let apart = try await played(Self.updates, burst: 1)
        let together = try await played(Self.updates, burst: burst)
        #expect(together.stdout == apart.stdout)
        #expect(together.stderr == apart.stderr)
        let answer = Self.updates.map { update in
            if case .event(.text(let delta)) = update { return delta }
            return ""
        }
        #expect(together.text == answer.joined(), "the kept text is the answer's deltas, in order")
        let shown = PseudoTerminal.strippingEscapes(String(decoding: apart.stdout, as: UTF8.self))
        for part in ["Thinking about", "Title", "bold words", "let x = 1", "more thought", "End."] {
            #expect(shown.contains(part), "\(part) in \(shown)")
        }
    }

    /// Plays `updates` through a terminal-style driver (Markdown and colour on, a terminal stderr), `burst` at a
    /// time: the first of each burst through `next`, the rest through `nextBuffered`.
    private func played(
        _ updates: [ChatReplyUpdate],
        burst: Int
    ) async throws -> (stdout: [UInt8], stderr: [UInt8], text: String) {
        let style = ChatOutputStyle(
            kind: .terminal,
            color: true,
            stderrIsTerminal: true,
            stderrColor: true,
            verbose: true,
            markdown: true,
            stdoutIsTerminal: true
        )
        let stdout = try CapturedDescriptor()
        let stderr = try CapturedDescriptor()
        let driver = ReplyDriver(
            style: style,
            columns: 40,
            keeping: .whole,
            output: StandardStream(fd: stdout.writeEnd),
            errorOutput: StandardStream(fd: stderr.writeEnd)
        )
        var index = 0
        var inBurst = 0
        let result = await driver.play(
            next: {
                guard index < updates.count else { return nil }
                defer { index += 1 }
                inBurst = 1
                return updates[index]
            },
            nextBuffered: {
                guard index < updates.count, inBurst < burst else { return nil }
                defer { index += 1 }
                inBurst += 1
                return updates[index]
            }
        )
        #expect(result.end == .complete)
        return (stdout.finish(), stderr.finish(), result.text)
    }
}

/// A pipe whose read end is drained into memory on a thread of its own (so a large write cannot block).
private final class CapturedDescriptor: @unchecked Sendable {
    let writeEnd: Int32
    private let readEnd: Int32
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        readEnd = fds[0]
        writeEnd = fds[1]
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count <= 0 { break }
                bytes += buffer[..<count]
            }
            done.signal()
        }
    }

    /// Closes the write end and returns everything written.
    func finish() -> [UInt8] {
        close(writeEnd)
        done.wait()
        close(readEnd)
        return bytes
    }
}
