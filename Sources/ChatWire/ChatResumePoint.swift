import SSE

/// Where a dropped reply can be picked up again: what the shell hands the wire format to build a resume request.
///
/// Opaque to `ReplyStateMachine`, which only asks `isResumable`: a reply resumes either with the SSE last event ID
/// (any format, when the server gave ids) or with the format's own cursor (a stored Responses reply).
package struct ChatResumePoint: Sendable, Equatable {
    /// The stream's last event ID (`""` when the server gave none), sent as `Last-Event-ID` on the next connection.
    package var lastEventID: String {
        get { eventID.string }
        set { eventID = SSEEventID(newValue) }
    }
    /// The same id as the event carried it: a point is made for every event, and the id's `String` only when sent.
    package var eventID: SSEEventID
    /// The format's own cursor, when the server keeps the reply and can replay it from a position.
    package var cursor: ChatResumeCursor?

    /// Creates a resume point.
    /// - Parameters:
    ///   - lastEventID: The stream's last event ID.
    ///   - cursor: The format's own cursor.
    package init(lastEventID: String = "", cursor: ChatResumeCursor? = nil) {
        self.init(eventID: SSEEventID(lastEventID), cursor: cursor)
    }

    /// Creates a resume point after an event.
    /// - Parameters:
    ///   - eventID: The event's last event ID.
    ///   - cursor: The format's own cursor.
    package init(eventID: SSEEventID, cursor: ChatResumeCursor?) {
        self.eventID = eventID
        self.cursor = cursor
    }

    /// Whether the reply can be picked up from here: a cursor, or an event ID.
    package var isResumable: Bool { cursor != nil || !eventID.isEmpty }
}

/// A format's own position in a reply the server keeps (Responses: the response id and the last sequence number).
package struct ChatResumeCursor: Sendable, Equatable {
    /// The server's id of the reply (`resp_…`).
    package var replyID: String
    /// The position of the last event read; a resumed stream starts after it.
    package var position: Int

    /// Creates a cursor.
    /// - Parameters:
    ///   - replyID: The server's id of the reply.
    ///   - position: The position of the last event read.
    package init(replyID: String, position: Int) {
        self.replyID = replyID
        self.position = position
    }
}
