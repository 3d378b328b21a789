/// A dispatched event with its data lent, not copied into a `String`: what `SSEParser.parse(_:lending:)` hands its
/// callback, so a consumer that decodes the data at once (the chat client) makes no allocation per event.
///
/// `data` points into the parser's buffer: it is valid only during the callback that received the event. Keep the
/// event with `makeEvent()`.
package struct SSELentEvent {
    /// The event type: the last `event:` field's value, or `"message"` when there was none.
    package let type: String
    /// The `data:` lines joined with LF, as UTF-8 (not validated), lent for the callback's duration.
    package let data: UnsafeRawBufferPointer
    /// The last event ID in force at dispatch.
    package let eventID: SSEEventID

    /// Creates a lent event (the parser makes them; so may a test).
    /// - Parameters:
    ///   - type: The event type.
    ///   - data: The data's bytes, valid for as long as the event is used.
    ///   - eventID: The last event ID in force.
    package init(type: String, data: UnsafeRawBufferPointer, eventID: SSEEventID) {
        self.type = type
        self.data = data
        self.eventID = eventID
    }

    /// The event as a value to keep: its data decoded as UTF-8, invalid bytes replaced by U+FFFD.
    package func makeEvent() -> ServerSentEvent {
        ServerSentEvent(type: type, data: String(decoding: data, as: UTF8.self), eventID: eventID)
    }
}
