import Foundation
import SSE

/// The straightforward client's decoding: `SSEParser`, then Foundation's `JSONDecoder` on every chunk.
enum JSONDecoderBaseline {
    private struct Chunk: Decodable {
        struct Choice: Decodable {
            struct Delta: Decodable {
                var content: String?
            }

            var delta: Delta?
        }

        var choices: [Choice]
    }

    private struct GeminiChunk: Decodable {
        struct Candidate: Decodable {
            struct Content: Decodable {
                struct Part: Decodable {
                    var text: String?
                }

                var parts: [Part]?
            }

            var content: Content?
            var finishReason: String?
        }

        var candidates: [Candidate]
    }

    /// Parses and decodes the stream, one `JSONDecoder.decode` per event.
    /// - Parameters:
    ///   - stream: The stream's bytes.
    ///   - chunking: How to cut it into chunks.
    ///   - shape: The events' wire format.
    ///   - onText: Called with each non-empty text delta.
    /// - Returns: The tally of text deltas, as `DecodeBenchmark` counts them.
    /// - Throws: `SSEParserError` or a `DecodingError`.
    static func decode(
        _ stream: UnsafeRawBufferPointer,
        chunking: Chunking,
        shape: ChunkCorpus.Shape = .openAI,
        onText: (String) -> Void = { _ in }
    ) throws -> DecodeBenchmark.Tally {
        var parser = SSEParser()
        let decoder = JSONDecoder()
        var tally = DecodeBenchmark.Tally()
        try chunking.forEachChunk(of: stream) { chunk throws(any Error) in
            try parser.parse(chunk) { event in
                if event.data == "[DONE]" {
                    tally.done = true
                    return
                }
                let text: String?
                if shape == .gemini {
                    let chunk = try decoder.decode(GeminiChunk.self, from: Data(event.data.utf8))
                    text = chunk.candidates.first?.content?.parts?.first?.text
                    if chunk.candidates.first?.finishReason != nil { tally.done = true }
                } else {
                    text = try decoder.decode(Chunk.self, from: Data(event.data.utf8)).choices.first?.delta?.content
                }
                if let text, !text.isEmpty {
                    tally.textEvents += 1
                    tally.textBytes += text.utf8.count
                    onText(text)
                }
            }
        }
        return tally
    }

    private struct ResponsesEvent: Decodable {
        var type: String
        var delta: String?
    }

    /// The same for a Responses stream: one `JSONDecoder.decode` per event, the text from
    /// `response.output_text.delta`, done at `response.completed`.
    /// - Parameters:
    ///   - stream: The stream's bytes.
    ///   - chunking: How to cut it into chunks.
    ///   - onText: Called with each non-empty text delta.
    /// - Returns: The tally of text deltas.
    /// - Throws: `SSEParserError` or a `DecodingError`.
    static func decodeResponses(
        _ stream: UnsafeRawBufferPointer,
        chunking: Chunking,
        onText: (String) -> Void = { _ in }
    ) throws -> DecodeBenchmark.Tally {
        var parser = SSEParser()
        let decoder = JSONDecoder()
        var tally = DecodeBenchmark.Tally()
        try chunking.forEachChunk(of: stream) { chunk throws(any Error) in
            try parser.parse(chunk) { event in
                let parsed = try decoder.decode(ResponsesEvent.self, from: Data(event.data.utf8))
                if parsed.type == "response.completed" { tally.done = true }
                if parsed.type == "response.output_text.delta", let text = parsed.delta, !text.isEmpty {
                    tally.textEvents += 1
                    tally.textBytes += text.utf8.count
                    onText(text)
                }
            }
        }
        return tally
    }
}
