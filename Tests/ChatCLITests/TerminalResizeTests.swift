import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The wrap width follows the terminal: SIGWINCH is read while a reply streams.
@Suite("Terminal: resizing while a reply streams", .timeLimit(.minutes(1)))
struct TerminalResizeTests {
    static let words = (1...40).map { "word\($0) " }

    @Test("after the terminal shrinks from 80 to 30 columns, the reply wraps at 30")
    func followsResize() async throws {
        let gate = Gate()
        let reply = ScriptedReply(Self.words, gate: gate)
        let run = try await TerminalOnceRun.run(reply, columns: 80) { terminal, server in
            // The request is out, so the client watches the width; the reply has not started (the server waits on
            // the gate). Shrink the window, wait until the SIGWINCH is delivered, then let the reply stream.
            _ = try await server.waitForRequests(1)
            terminal.resize(rows: 24, columns: 30)
            try await PTYProcessTable.waitUntilDelivered(SIGWINCH, processID: terminal.processID)
            gate.open()
        }
        #expect(run.status == 0)
        let plain = PseudoTerminal.strippingEscapes(run.output)
        let lines = plain.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.joined(separator: " ") == Self.words.joined().trimmingCharacters(in: .whitespaces))
        #expect(lines.count >= 10)
        for line in lines {
            #expect(line.count <= 30, "a line of \(line.count) columns after the resize: \(line)")
        }
    }
}
