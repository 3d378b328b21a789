/// What a decoder made of one input, compared the way `FastPathEquivalenceTests` compares it: the events, or the
/// error. Standard library only, so every target can compile it.
enum FuzzOutcome<Event: Equatable, Failure: Equatable>: Equatable {
    case events([Event])
    case failed(Failure)
}

/// Runs a decoding step and records what it emitted or threw.
/// - Parameters:
///   - failure: The one error type the step may throw; any other error fails the oracle.
///   - body: The step, given the function that collects its events.
/// - Returns: The events, or the error.
func fuzzOutcome<Event: Equatable, Failure: Error & Equatable>(
    _ failure: Failure.Type,
    _ body: ((Event) throws -> Void) throws -> Void
) -> FuzzOutcome<Event, Failure> {
    var events: [Event] = []
    do {
        try body { events.append($0) }
        return .events(events)
    } catch let error as Failure {
        return .failed(error)
    } catch {
        fatalError("oracle failed: unexpected error \(error)")
    }
}

/// Whether the text is blank the way the decoders skip it (JSON whitespace only), so no JSON is read.
func isJSONBlank(_ text: String) -> Bool {
    text.utf8.allSatisfy(isJSONWhitespace)
}

/// The bytes without leading and trailing JSON whitespace.
func trimmingJSONBlank(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    guard let first = bytes.firstIndex(where: { !isJSONWhitespace($0) }),
        let last = bytes.lastIndex(where: { !isJSONWhitespace($0) })
    else { return [] }
    return bytes[first...last]
}

/// Space, LF, CR or TAB.
func isJSONWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
}
