import ChatClient
import Foundation

/// One turn, then exit with the turn's status; Ctrl-C stops the reply (the partial text stays printed).
enum OnceMode {
    static func run(session: ChatSession, prompt: String) async -> ExitStatus {
        guard !prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            StandardStream.error.writeLine("ssechat: the prompt is empty (give one as an argument or on stdin)")
            return .usage
        }
        let runner = session.runner
        let trap = SignalTrap { _ in runner.cancelCurrentTurn() }
        defer { trap.cancel() }
        let result = await session.send(prompt)
        return report(result, trap: trap)
    }

    /// Prints a failure's line and maps the turn's end to an exit status.
    static func report(_ result: TurnResult, trap: SignalTrap?) -> ExitStatus {
        if case .failed(let error) = result.end {
            StandardStream.error.writeMessage(error.message)
        }
        if result.end == .interrupted, let trap { return trap.exitStatus }
        return ExitStatus(result.end)
    }
}
