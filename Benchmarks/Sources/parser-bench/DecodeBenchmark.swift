import ChatWire
import SSE

/// Issue 5's reply-decoding benchmark: `SSEParser` then a ChatWire decoder (OpenAI chat completions by default,
/// Gemini's or Responses' for issue 11), bytes in, text deltas out.
enum DecodeBenchmark {
    /// What a decode produced, checked against the corpus.
    struct Tally: Equatable {
        /// `.text` events.
        var textEvents = 0
        /// Total UTF-8 bytes of the text.
        var textBytes = 0
        /// Whether `.done` arrived.
        var done = false
    }

    /// Parses and decodes the whole stream once.
    /// - Parameters:
    ///   - stream: The stream's bytes.
    ///   - chunking: How to cut it into chunks.
    ///   - format: The wire format whose decoder reads the events.
    ///   - onText: Called with each text delta (a real client appends it to its output).
    /// - Returns: The tally of the chat events.
    /// - Throws: `SSEParserError` or `ChatWireError` if the stream is rejected.
    static func decode(
        _ stream: UnsafeRawBufferPointer,
        chunking: Chunking,
        format: any ChatWireFormat = OpenAIWireFormat(),
        onText: (String) -> Void = { _ in }
    ) throws -> Tally {
        var parser = SSEParser()
        var decoder = format.makeDecoder()
        var tally = Tally()
        try chunking.forEachChunk(of: stream) { chunk throws(any Error) in
            try parser.parse(chunk) { event in
                try decoder.decode(event) { chatEvent in
                    switch chatEvent {
                    case .text(let text):
                        tally.textEvents += 1
                        tally.textBytes += text.utf8.count
                        onText(text)
                    case .done:
                        tally.done = true
                    case .reasoning, .status, .usage, .finishReason, .incomplete:
                        break
                    }
                }
            }
        }
        parser.finishStream()
        try decoder.finishStream { _ in }
        return tally
    }
}
