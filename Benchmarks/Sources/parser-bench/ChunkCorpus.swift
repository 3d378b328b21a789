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
/// The Gemini shape (`Shape.gemini`) is `streamGenerateContent?alt=sse` as Google sends it, CRLF line ends:
///
/// ```
///  data: {"candidates": [{"content": {"parts": [{"text": " the"}],"role": "model"},"index": 0}],
///         "usageMetadata": {"promptTokenCount": 37,"totalTokenCount": 37},"modelVersion": "gemini-2.5-flash",
///         "responseId": "…"}                                                                          × N
///  data: {"candidates": [{"content": {"parts": [{"text": ""}],"role": "model"},"finishReason": "STOP",…}],…}
/// ```
/// Built deterministically from a seed, with the facts a benchmark checks its results against.
struct ChunkCorpus {
    /// The wire format of the events.
    enum Shape: String {
        case openAI = "OpenAI"
        case gemini = "Gemini"
    }

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
    /// The wire format of the events.
    var shape: Shape

    private static let chunkPrefix =
        Array(
            #"{"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk","created":1741570283,"#
                .utf8
        )
        + Array(
            #""model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306","#.utf8
        )

    /// Generates a stream of about `targetBytes` bytes.
    /// - Parameters:
    ///   - targetBytes: The approximate stream size; the stream stops at the first event past it.
    ///   - nonASCII: How the server writes non-ASCII characters.
    ///   - shape: The wire format.
    ///   - seed: The reply text's seed.
    init(
        targetBytes: Int,
        nonASCII: JSONStringWriter.NonASCII = .raw,
        shape: Shape = .openAI,
        seed: UInt64 = 0x5353_4543_6861_7421
    ) {
        self.nonASCII = nonASCII
        self.shape = shape
        bytes.reserveCapacity(targetBytes + 4096)
        var generator = ReplyTextGenerator(seed: seed)
        if shape == .gemini {
            appendGemini(targetBytes: targetBytes, generator: &generator)
            return
        }
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

    private mutating func appendGemini(targetBytes: Int, generator: inout ReplyTextGenerator) {
        let tail = Array(#""modelVersion": "gemini-2.5-flash","responseId": "Zl0haKfPIsCl1dkP4ZXQ-Ak"}"#.utf8)
        func chunk(_ text: [UInt8], finish: String, usage: String) -> [UInt8] {
            Array(#"{"candidates": [{"content": {"parts": [{"text": "#.utf8) + text
                + Array(#"}],"role": "model"}\#(finish),"index": 0}],"usageMetadata": {\#(usage)},"#.utf8) + tail
        }
        let usage = #""promptTokenCount": 37,"totalTokenCount": 37"#
        while bytes.count < targetBytes {
            let token = generator.nextToken()
            var quoted: [UInt8] = []
            JSONStringWriter.appendQuoted(token, to: &quoted, nonASCII: nonASCII)
            appendEvent(chunk(quoted, finish: "", usage: usage), lineEnd: "\r\n")
            text += token
            tokenCount += 1
        }
        let final =
            #""promptTokenCount": 37,"candidatesTokenCount": \#(tokenCount),"totalTokenCount": \#(tokenCount + 37)"#
        appendEvent(chunk(Array("\"\"".utf8), finish: #","finishReason": "STOP""#, usage: final), lineEnd: "\r\n")
    }

    private mutating func appendEvent(_ data: [UInt8], lineEnd: String = "\n") {
        bytes += "data: ".utf8
        bytes += data
        bytes += (lineEnd + lineEnd).utf8
        eventCount += 1
        dataByteCount += data.count
        lineFeedCount += 2
    }
}
