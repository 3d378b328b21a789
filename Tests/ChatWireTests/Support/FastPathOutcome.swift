@testable import ChatWire

/// What decoding one chunk came to: its events, or the wire error (the fast-path tests compare these).
enum FastPathOutcome: Equatable {
    case events([ChatEvent])
    case failed(ChatWireError)

    /// Runs a decoder and collects what it emits or throws.
    static func of(_ body: ((ChatEvent) throws -> Void) throws -> Void) -> FastPathOutcome {
        var events: [ChatEvent] = []
        do {
            try body { events.append($0) }
            return .events(events)
        } catch let error as ChatWireError {
            return .failed(error)
        } catch {
            return .failed(.serverError(message: "unexpected \(error)"))
        }
    }
}
