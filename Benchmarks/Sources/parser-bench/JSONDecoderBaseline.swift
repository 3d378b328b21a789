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

    /// Parses and decodes the stream, one `JSONDecoder.decode` per event.
    /// - Parameters:
    ///   - stream: The stream's bytes.
    ///   - chunking: How to cut it into chunks.
    ///   - onText: Called with each non-empty text delta.
    /// - Returns: The tally of text deltas, as `DecodeBenchmark` counts them.
    /// - Throws: `SSEParserError` or a `DecodingError`.
    static func decode(
        _ stream: UnsafeRawBufferPointer,
        chunking: Chunking,
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
                let chunk = try decoder.decode(Chunk.self, from: Data(event.data.utf8))
                if let text = chunk.choices.first?.delta?.content, !text.isEmpty {
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
