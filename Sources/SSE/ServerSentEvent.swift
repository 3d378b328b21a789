/// One dispatched Server-Sent Event, as the WHATWG HTML standard defines it (§9.2.6).
///
/// `type` is the event type (`"message"` unless the stream named another), `data` the data buffer with its final
/// LF removed, and `lastEventID` the last event ID string in force when the event was dispatched (`""` when none).
package struct ServerSentEvent: Sendable, Hashable, CustomStringConvertible {
    /// The event type: the last `event:` field's value, or `"message"` when there was none.
    package var type: String
    /// The `data:` lines joined with LF.
    package var data: String
    /// The last event ID in force at dispatch; it persists across events and connections until changed.
    package var lastEventID: String {
        get { eventID.string }
        set { eventID = SSEEventID(newValue) }
    }
    /// The same id as the parser keeps it: reading it makes no `String` (see `SSEEventID`).
    package var eventID: SSEEventID

    /// Creates an event.
    /// - Parameters:
    ///   - type: The event type; defaults to `"message"`.
    ///   - data: The event's data.
    ///   - lastEventID: The last event ID in force; defaults to `""`.
    package init(type: String = "message", data: String, lastEventID: String = "") {
        self.type = type
        self.data = data
        self.eventID = SSEEventID(lastEventID)
    }

    /// Creates an event with its id as the parser keeps it.
    init(type: String, data: String, eventID: SSEEventID) {
        self.type = type
        self.data = data
        self.eventID = eventID
    }

    package var description: String {
        "ServerSentEvent(type: \(type), data: \(data.debugDescription), id: \(lastEventID.debugDescription))"
    }
}
