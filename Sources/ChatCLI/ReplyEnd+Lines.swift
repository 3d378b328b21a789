import ChatClient

extension ReplyEnd {
    /// The last `--json` line of a reply: `done`, or `error` with the exit code.
    var jsonLine: [UInt8] {
        if case .failed(let error) = self {
            return ChatJSONLine.error(error.message, exitCode: ExitStatus(self).rawValue)
        }
        let reason = self == .interrupted ? "interrupted" : self.reason
        return ChatJSONLine.done(complete: self == .complete, reason: reason)
    }

    /// The line that marks a reply that did not complete, or that completed at the token limit; a failure's own
    /// line is printed by the caller.
    /// - Parameter reason: The finish reason that says the reply reached the token limit, if one did.
    func mark(truncatedBy reason: String? = nil) -> String? {
        switch self {
        case .interrupted: "[interrupted]"
        case .incomplete(let reason), .stalled(let reason): "[reply incomplete: \(reason)]"
        case .complete: reason.map { "[reply cut at the token limit (\($0))]" }
        case .failed: nil
        }
    }
}
