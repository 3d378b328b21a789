/// Why the SSE parser refused a stream.
package enum SSEParserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A single line grew past the configured limit.
    case lineTooLong(limit: Int)
    /// The data of one event grew past the configured limit.
    case eventTooLarge(limit: Int)

    package var description: String {
        switch self {
        case .lineTooLong(let limit):
            "event stream line longer than \(limit) bytes; refusing to buffer more"
        case .eventTooLarge(let limit):
            "event stream event larger than \(limit) bytes; refusing to buffer more"
        }
    }
}
