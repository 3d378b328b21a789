/// An in-memory OpenAI Responses stream: named events whose JSON ends with its `sequence_number`, one token per
/// `response.output_text.delta`, as the Responses API sends them.
///
/// ```
///  event: response.created            data: {"type":"response.created","response":{…},"sequence_number":0}
///  event: response.in_progress, response.output_item.added, response.content_part.added
///  event: response.output_text.delta  data: {"type":"response.output_text.delta","item_id":"msg_…",
///                                            "output_index":0,"content_index":0,"delta":" the","logprobs":[],
///                                            "sequence_number":4}                                       × N
///  event: response.output_text.done   data: {…,"text":"<the whole reply>",…}
///  event: response.completed          data: {…,"usage":{…},"sequence_number":N+5}
/// ```
/// Built deterministically from the same seed and token generator as `ChunkCorpus`.
struct ResponsesCorpus {
    /// The stream's bytes.
    var bytes: [UInt8] = []
    /// The number of SSE events in the stream.
    var eventCount = 0
    /// The reply text: every delta joined.
    var text = ""
    /// The number of deltas.
    var tokenCount = 0

    private static let itemID = "msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654"
    private static let response =
        #""response":{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","#
        + #""created_at":1741290958,"model":"gpt-4.1-2025-04-14","output":[],"#

    /// Generates a stream of about `targetBytes` bytes.
    /// - Parameters:
    ///   - targetBytes: The approximate stream size; the deltas stop at the first one past it.
    ///   - seed: The reply text's seed.
    init(targetBytes: Int, seed: UInt64 = 0x5353_4543_6861_7421) {
        bytes.reserveCapacity(targetBytes + 4096)
        var generator = ReplyTextGenerator(seed: seed)
        for (type, status) in [("response.created", "in_progress"), ("response.in_progress", "in_progress")] {
            append(type, #"{"type":"\#(type)",\#(Self.response)"status":"\#(status)","usage":null}"#)
        }
        append(
            "response.output_item.added",
            #"{"type":"response.output_item.added","output_index":0,"item":{"id":"\#(Self.itemID)","type":"message","#
                + #""status":"in_progress","role":"assistant","content":[]}"#
        )
        append(
            "response.content_part.added",
            #"{"type":"response.content_part.added","item_id":"\#(Self.itemID)","output_index":0,"content_index":0,"#
                + #""part":{"type":"output_text","annotations":[],"text":""}"#
        )
        let deltaPrefix = Array(
            #"{"type":"response.output_text.delta","item_id":"\#(Self.itemID)","output_index":0,"content_index":0,"#
                .utf8
        )
        while bytes.count < targetBytes {
            let token = generator.nextToken()
            var json = deltaPrefix + Array(#""delta":"#.utf8)
            JSONStringWriter.appendQuoted(token, to: &json, nonASCII: .raw)
            json += #","logprobs":[]"#.utf8
            append("response.output_text.delta", json)
            text += token
            tokenCount += 1
        }
        var done = Array(#"{"type":"response.output_text.done","item_id":"\#(Self.itemID)","text":"#.utf8)
        JSONStringWriter.appendQuoted(text, to: &done, nonASCII: .raw)
        append("response.output_text.done", done)
        append(
            "response.completed",
            #"{"type":"response.completed",\#(Self.response)"status":"completed","usage":{"input_tokens":37,"#
                + #""output_tokens":\#(tokenCount),"total_tokens":\#(tokenCount + 37)}}"#
        )
    }

    private mutating func append(_ type: String, _ open: String) {
        append(type, Array(open.utf8))
    }

    /// Appends one event: its name, then its open JSON closed with the next sequence number.
    private mutating func append(_ type: String, _ open: [UInt8]) {
        bytes += "event: \(type)\ndata: ".utf8
        bytes += open
        bytes += #","sequence_number":\#(eventCount)}"#.utf8
        bytes += "\n\n".utf8
        eventCount += 1
    }
}
