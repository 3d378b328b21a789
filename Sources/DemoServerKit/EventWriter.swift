import SSE

/// Writes a reply's events with their ids (`<generation>-<sequence>`, the sequence counting from 0).
struct EventWriter: Sendable {
    /// The reply's generation id.
    let generationID: String
    /// The wire encoder (its line ending follows the server's chunking fault).
    let encoder: SSEEncoder
    /// The sequence number the next event gets.
    private(set) var nextSequence = 0

    /// Creates a writer for a reply.
    init(generationID: String, encoder: SSEEncoder) {
        self.generationID = generationID
        self.encoder = encoder
    }

    /// Appends one event with the next id.
    /// - Parameters:
    ///   - data: The event's data.
    ///   - event: The event type, `nil` for `message`.
    ///   - batch: The batch to append to.
    mutating func append(data: String, event: String? = nil, to batch: inout EventBatch) {
        let id = DemoEventID(generation: generationID, sequence: nextSequence).description
        nextSequence += 1
        batch.appendEvent { encoder.append(data: data, event: event, id: id, to: &$0) }
    }
}
