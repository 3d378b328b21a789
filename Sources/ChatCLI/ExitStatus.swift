import ChatClient

/// The exit codes ssechat promises scripts (DESIGN.md "Command line").
package enum ExitStatus: Int32, Sendable {
    case ok = 0
    case failure = 1
    case usage = 2
    case auth = 3
    case rateLimited = 4
    case network = 5
    case incomplete = 6
    case interrupted = 130
    case terminated = 143
}

/// An error that ends the program with one line on stderr and a given exit status.
package struct CLIFailure: Error, Sendable, CustomStringConvertible {
    /// The one line to print (without the program name).
    package var message: String
    /// The exit status.
    package var status: ExitStatus

    /// Creates a failure.
    package init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    package var description: String { message }
}

extension ExitStatus {
    /// The exit status for a class of failure: the one mapping from failures to exit codes.
    package init(_ kind: ChatClientError.Kind) {
        switch kind {
        case .authentication: self = .auth
        case .rateLimited: self = .rateLimited
        case .network, .timeout: self = .network
        case .invalidRequest: self = .usage
        case .server, .protocolViolation: self = .failure
        }
    }

    /// The exit status a one-shot run ends with after a reply ended this way (a stall counts as a network failure).
    package init(_ end: ReplyEnd) {
        switch end {
        case .complete: self = .ok
        case .incomplete: self = .incomplete
        case .stalled: self = .network
        case .interrupted: self = .interrupted
        case .failed(let error): self.init(error.kind)
        }
    }
}
