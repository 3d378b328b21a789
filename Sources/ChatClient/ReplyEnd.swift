/// How a reply ended: the one answer to that question, from the reply stream to the conversation, the output's
/// mark and the exit code (`ChatCLI` maps it, in one place).
package enum ReplyEnd: Sendable, Equatable {
    /// The format's end marker arrived.
    case complete
    /// The response ended, or dropped and could not be resumed, before the end marker; the text so far stands.
    case incomplete(String)
    /// The stream went silent for longer than the idle timeout; the text so far stands.
    case stalled(String)
    /// The user stopped it (Ctrl-C); the text so far stands.
    case interrupted
    /// It failed: a refused or impossible request, or an error the server reported in the stream.
    case failed(ChatClientError)

    /// Whether the reply stopped short of its end marker in any way.
    package var isUnfinished: Bool { self != .complete }

    /// Why the reply stopped short, for its mark; `nil` when complete or interrupted.
    package var reason: String? {
        switch self {
        case .complete, .interrupted: nil
        case .incomplete(let reason), .stalled(let reason): reason
        case .failed(let error): error.message
        }
    }
}

extension ReplyEnd: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, reason, errorKind
    }

    /// Written as `{"status":"complete"}`, `{"status":"incomplete","reason":…}`, `{"status":"error",…}`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .complete: try container.encode("complete", forKey: .status)
        case .interrupted: try container.encode("interrupted", forKey: .status)
        case .incomplete(let reason):
            try container.encode("incomplete", forKey: .status)
            try container.encode(reason, forKey: .reason)
        case .stalled(let reason):
            try container.encode("stalled", forKey: .status)
            try container.encode(reason, forKey: .reason)
        case .failed(let error):
            try container.encode("error", forKey: .status)
            try container.encode(error.message, forKey: .reason)
            try container.encode(error.kind, forKey: .errorKind)
        }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let status = try container.decode(String.self, forKey: .status)
        let reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
        switch status {
        case "complete": self = .complete
        case "interrupted": self = .interrupted
        case "incomplete": self = .incomplete(reason)
        case "stalled": self = .stalled(reason)
        case "error":
            let kind = try container.decodeIfPresent(ChatClientError.Kind.self, forKey: .errorKind) ?? .server
            self = .failed(ChatClientError(kind, reason))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .status,
                in: container,
                debugDescription: "unknown reply status \(status)"
            )
        }
    }
}
