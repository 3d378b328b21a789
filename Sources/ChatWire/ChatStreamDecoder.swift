import SSE

/// Turns the SSE events of one reply stream into provider-neutral chat events.
///
/// A decoder is a value with the little state one stream needs (Anthropic's prompt token count, plain SSE's "ended"
/// flag); use a fresh one, from `ChatWireFormat.makeDecoder()`, per reply.
package protocol ChatStreamDecoder: Sendable {
    /// Turns one SSE event into chat events, in order, through `emit` (no array per event).
    /// - Parameters:
    ///   - event: The next event of the stream.
    ///   - emit: Called for each chat event, in order.
    /// - Throws: `ChatWireError` for a malformed chunk or an error the server reported in the stream; rethrows
    ///   `emit`'s errors.
    mutating func decode(_ event: ServerSentEvent, emit: (ChatEvent) throws -> Void) throws

    /// The same for an event whose data the parser lends (`SSEParser.parse(_:lending:)`): a format that decodes
    /// from bytes makes no `String` of the data; by default the event is made a value and decoded as one.
    /// - Parameters:
    ///   - event: The next event of the stream, its data valid during the call.
    ///   - emit: Called for each chat event, in order.
    /// - Throws: As `decode(_:emit:)`.
    mutating func decode(lent event: SSELentEvent, emit: (ChatEvent) throws -> Void) throws

    /// Tells the decoder that the response ended cleanly (not dropped by a network error).
    ///
    /// Formats whose end marker is the end of the response (plain SSE) emit `.done` here unless it already came;
    /// the others emit nothing, so a reply without its marker stays incomplete.
    /// - Parameter emit: Called for each chat event, in order.
    /// - Throws: Rethrows `emit`'s errors.
    mutating func finishStream(emit: (ChatEvent) throws -> Void) throws

    /// The format's own resume position after the events decoded so far, when the server keeps the reply (a
    /// background Responses reply); `nil` for formats that resume only by SSE event id.
    var resumeCursor: ChatResumeCursor? { get }
}

extension ChatStreamDecoder {
    /// Decodes the event made into a value (`SSELentEvent.makeEvent()`).
    package mutating func decode(lent event: SSELentEvent, emit: (ChatEvent) throws -> Void) throws {
        try decode(event.makeEvent(), emit: emit)
    }

    /// Emits nothing: by default the end of the response is not an end marker.
    /// - Parameter emit: Not called.
    package mutating func finishStream(emit: (ChatEvent) throws -> Void) throws {}

    /// No cursor: by default a reply resumes only by SSE event id.
    package var resumeCursor: ChatResumeCursor? { nil }

    /// Decodes one event into an array; convenient in tests, avoid it on hot paths.
    /// - Parameter event: The next event of the stream.
    /// - Returns: The chat events it produced, in order.
    /// - Throws: `ChatWireError`, as `decode(_:emit:)`.
    package mutating func decode(_ event: ServerSentEvent) throws -> [ChatEvent] {
        var events: [ChatEvent] = []
        try decode(event) { events.append($0) }
        return events
    }
}
