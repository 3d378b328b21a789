import SSE

/// Writes a reply's events, numbered from 0: with SSE ids (`<generation>-<sequence>`), or, in the Responses format,
/// with a `sequence_number` member closing each event's open JSON data (and no ids, as OpenAI sends them).
struct EventWriter: Sendable {
    /// How events are numbered.
    enum Numbering: Sendable {
        /// An SSE `id:` per event, which `Last-Event-ID` resumes after.
        case eventIDs
        /// `,"sequence_number":N}` appended to each event's data, written without its closing brace.
        case sequenceNumbers
    }

    /// The reply's generation id.
    let generationID: String
    /// The wire encoder (its line ending follows the server's chunking fault).
    let encoder: SSEEncoder
    /// How events are numbered.
    let numbering: Numbering
    /// The sequence number the next event gets.
    private(set) var nextSequence = 0

    /// Creates a writer for a reply.
    init(generationID: String, encoder: SSEEncoder, numbering: Numbering = .eventIDs) {
        self.generationID = generationID
        self.encoder = encoder
        self.numbering = numbering
    }

    /// Appends one event with the next id.
    /// - Parameters:
    ///   - data: The event's data.
    ///   - event: The event type, `nil` for `message`.
    ///   - batch: The batch to append to.
    mutating func append(data: String, event: String? = nil, to batch: inout EventBatch) {
        let sequence = nextSequence
        nextSequence += 1
        switch numbering {
        case .eventIDs:
            let id = DemoEventID(generation: generationID, sequence: sequence).description
            batch.appendEvent { encoder.append(data: data, event: event, id: id, to: &$0) }
        case .sequenceNumbers:
            let closed = data + #","sequence_number":"# + String(sequence) + "}"
            batch.appendEvent { encoder.append(data: closed, event: event, to: &$0) }
        }
    }
}
