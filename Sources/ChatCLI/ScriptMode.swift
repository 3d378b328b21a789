import Foundation
import LineEditor

/// One turn per line of piped stdin (a line ending in `\` continues; `"""` opens a block), one conversation.
/// Stops at the first failure with its status; an incomplete reply lets the script go on but ends it with 6.
/// Files attached with `-f` go with the first turn, as in the REPL; with no lines at all they make a turn alone.
enum ScriptMode {
    static func run(session: ChatSession, attachments: [FileAttachment] = []) async -> ExitStatus {
        var attachments = attachments
        let reader = PlainLineReader()
        var assembler = MultilineAssembler()
        let runner = session.runner
        let trap = SignalTrap { _ in runner.cancelCurrentTurn() }
        defer { trap.cancel() }
        var status = ExitStatus.ok
        while trap.lastSignal == nil {
            let message: String?
            switch await reader.readLine(prompt: "") {
            case .line(let line), .editRequested(let line):
                message = assembler.feed(line)
            case .endOfInput, .interrupted:
                message = assembler.finish()
                if let message, !message.isEmpty {
                    return combine(status, await turn(session, message, with: &attachments, trap))
                }
                // Files are never dropped unsent.
                if !attachments.isEmpty { return combine(status, await turn(session, "", with: &attachments, trap)) }
                return status
            }
            guard let message, !message.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            status = combine(status, await turn(session, message, with: &attachments, trap))
            if status != .ok && status != .incomplete { return status }
        }
        return trap.exitStatus
    }

    private static func turn(
        _ session: ChatSession,
        _ message: String,
        with attachments: inout [FileAttachment],
        _ trap: SignalTrap
    ) async -> ExitStatus {
        let text = FileAttachment.compose(prompt: message, attachments: attachments)
        attachments = []
        return OnceMode.report(await session.send(text), trap: trap)
    }

    private static func combine(_ current: ExitStatus, _ next: ExitStatus) -> ExitStatus {
        next == .ok ? current : next
    }
}
