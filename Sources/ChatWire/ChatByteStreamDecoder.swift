import SSE

/// A decoder that reads an event's data as bytes (its fast path), and makes the event a value only when it falls
/// back to the full decoder or reports an error: both entries, an event as a value and one the parser lends, come to
/// its one `decode(type:data:event:emit:)`.
///
/// The lent data is not validated as UTF-8 first. That gives what the value's repaired text gives: inside a JSON
/// string the fast paths repair invalid bytes as `String(decoding:)` does, and anything else invalid goes to the full
/// decoder, which reads `event()`, the repaired text (`LentEventTests` and the decoders' fuzz targets check it).
package protocol ChatByteStreamDecoder: ChatStreamDecoder {
    /// Turns one event into chat events.
    /// - Parameters:
    ///   - type: The event type.
    ///   - data: The event's data as UTF-8, as received.
    ///   - event: The event as a value, made when called.
    ///   - emit: Called for each chat event, in order.
    /// - Throws: As `decode(_:emit:)`.
    mutating func decode(
        type: String,
        data: UnsafeRawBufferPointer,
        event: () -> ServerSentEvent,
        emit: (ChatEvent) throws -> Void
    ) throws
}

extension ChatByteStreamDecoder {
    /// Decodes the value's text as bytes.
    package mutating func decode(_ event: ServerSentEvent, emit: (ChatEvent) throws -> Void) throws {
        var data = event.data
        try data.withUTF8 {
            try decode(type: event.type, data: UnsafeRawBufferPointer($0), event: { event }, emit: emit)
        }
    }

    /// Decodes the lent bytes; the event is made a value only if `decode(type:data:event:emit:)` asks for it.
    package mutating func decode(lent event: SSELentEvent, emit: (ChatEvent) throws -> Void) throws {
        try decode(type: event.type, data: event.data, event: { event.makeEvent() }, emit: emit)
    }
}
