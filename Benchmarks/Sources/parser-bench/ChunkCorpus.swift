/// An in-memory OpenAI-style reply stream: `data: {chat.completion.chunk}` events, one token each, as OpenAI sends
/// them with `stream_options.include_usage` (so every chunk carries `"usage":null`).
///
/// ```
///  data: {"id":"chatcmpl-…","object":"chat.completion.chunk",…,"choices":[{"index":0,
///         "delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}
///  data: {…"delta":{"content":" the"},"logprobs":null,"finish_reason":null}],"usage":null}     × N
///  data: {…"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}
///  data: {…"choices":[],"usage":{"prompt_tokens":…}}
///  data: [DONE]
/// ```
/// Built deterministically from a seed, with the facts a benchmark checks its results against.
struct ChunkCorpus {
    /// The stream's bytes.
    var bytes: [UInt8] = []
    /// The number of SSE events in the stream (`[DONE]` included).
    var eventCount = 0
    /// The total length in bytes of the events' data.
    var dataByteCount = 0
    /// The number of LF bytes, the memchr baseline's answer.
    var lineFeedCount = 0
    /// The reply text: every content delta joined.
    var text = ""
    /// The number of content tokens.
    var tokenCount = 0
    /// How non-ASCII characters are written in the JSON.
    var nonASCII: JSONStringWriter.NonASCII

    private static let chunkPrefix = Array(
        #"{"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk","created":1741570283,"#
            .utf8
    ) + Array(#""model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306","#.utf8)

    /// Generates a stream of about `targetBytes` bytes.
    /// - Parameters:
    ///   - targetBytes: The approximate stream size; the stream stops at the first event past it.
    ///   - nonASCII: How the server writes non-ASCII characters.
    ///   - seed: The reply text's seed.
    init(targetBytes: Int, nonASCII: JSONStringWriter.NonASCII = .raw, seed: UInt64 = 0x5353_4543_6861_7421) {
        self.nonASCII = nonASCII
        bytes.reserveCapacity(targetBytes + 4096)
        var generator = ReplyTextGenerator(seed: seed)
        appendChunk(delta: #"{"role":"assistant","content":"","refusal":null}"#, finishReason: "null")
        while bytes.count < targetBytes {
            let token = generator.nextToken()
            var delta = Array(#"{"content":"#.utf8)
            JSONStringWriter.appendQuoted(token, to: &delta, nonASCII: nonASCII)
            delta.append(UInt8(ascii: "}"))
            appendChunk(delta: delta, finishReason: "null")
            text += token
            tokenCount += 1
        }
        appendChunk(delta: "{}", finishReason: #""stop""#)
        appendEvent(
            Self.chunkPrefix
                + Array(#""choices":[],"usage":{"prompt_tokens":37,"completion_tokens":\#(tokenCount),"#.utf8)
                + Array(#""total_tokens":\#(tokenCount + 37)}}"#.utf8)
        )
        appendEvent(Array("[DONE]".utf8))
    }

    /// The share of the reply text's UTF-8 bytes that are not ASCII.
    var nonASCIITextShare: Double {
        var nonASCIIBytes = 0
        var total = 0
        for byte in text.utf8 {
            total += 1
            if byte >= 0x80 { nonASCIIBytes += 1 }
        }
        return total == 0 ? 0 : Double(nonASCIIBytes) / Double(total)
    }

    private mutating func appendChunk(delta: String, finishReason: String) {
        appendChunk(delta: Array(delta.utf8), finishReason: finishReason)
    }

    private mutating func appendChunk(delta: [UInt8], finishReason: String) {
        var json = Self.chunkPrefix
        json += #""choices":[{"index":0,"delta":"#.utf8
        json += delta
        json += #","logprobs":null,"finish_reason":\#(finishReason)}],"usage":null}"#.utf8
        appendEvent(json)
    }

    private mutating func appendEvent(_ data: [UInt8]) {
        bytes += "data: ".utf8
        bytes += data
        bytes += "\n\n".utf8
        eventCount += 1
        dataByteCount += data.count
        lineFeedCount += 2
    }
}
