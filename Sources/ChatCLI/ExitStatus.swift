import SSEClient

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
    /// The exit status for an `EventSource` failure: 3 for 401/403, 4 for 429, 5 for network trouble, else 1.
    package static func of(_ error: EventSourceError) -> ExitStatus {
        switch error.code {
        case .badStatus(401), .badStatus(403): .auth
        case .badStatus(429): .rateLimited
        case .hostUnreachable, .idleTimeout, .network, .tls: .network
        default: .failure
        }
    }
}
