import ChatWire
import Foundation
import SSE
import TestSupport
import Testing

/// Runs recorded SSE transcripts through `SSEParser` and a wire format's decoder.
enum Transcript {
    /// How the transcript's bytes are cut into chunks before parsing.
    enum Split: String, CaseIterable, CustomTestStringConvertible {
        case whole, byteByByte, random

        var testDescription: String { rawValue }
    }

    /// What a stream decoded to: its events, and the error that stopped it, if any.
    struct Outcome: Equatable {
        var events: [ChatEvent]
        var error: ChatWireError?
    }

    /// The bytes of `Fixtures/<name>`.
    static func fixture(_ name: String) throws -> [UInt8] {
        let base = (name as NSString).deletingPathExtension
        let url = try #require(
            Bundle.module.url(forResource: base, withExtension: "sse", subdirectory: "Fixtures"),
            "missing fixture \(name)"
        )
        return Array(try Data(contentsOf: url))
    }

    /// Parses and decodes `bytes` as one response that ended cleanly.
    static func decode(_ bytes: [UInt8], with format: any ChatWireFormat, split: Split) throws -> Outcome {
        var generator = SeededGenerator(seed: UInt64(bytes.count))
        var chunks: [ArraySlice<UInt8>] = []
        var offset = 0
        while offset < bytes.count {
            let size: Int
            switch split {
            case .whole: size = bytes.count
            case .byteByByte: size = 1
            case .random: size = Int.random(in: 1...64, using: &generator)
            }
            let end = min(offset + size, bytes.count)
            chunks.append(bytes[offset..<end])
            offset = end
        }
        return try decode(chunks, with: format)
    }

    /// Parses and decodes `bytes` cut in two at `offset`, as one response that ended cleanly.
    static func decode(_ bytes: [UInt8], with format: any ChatWireFormat, splitAt offset: Int) throws -> Outcome {
        try decode([bytes[..<offset], bytes[offset...]], with: format)
    }

    /// Parses and decodes the chunks of one response that ended cleanly.
    static func decode(_ chunks: [ArraySlice<UInt8>], with format: any ChatWireFormat) throws -> Outcome {
        var parser = SSEParser()
        var decoder = format.makeDecoder()
        var outcome = Outcome(events: [])
        do {
            for chunk in chunks {
                try chunk.withUnsafeBytes { chunk in
                    try parser.parse(chunk) { event in
                        try decoder.decode(event) { outcome.events.append($0) }
                    }
                }
            }
            parser.finishStream()
            try decoder.finishStream { outcome.events.append($0) }
        } catch let error as ChatWireError {
            outcome.error = error
        }
        return outcome
    }

    /// Decodes a single event with a fresh decoder.
    static func decode(_ event: ServerSentEvent, with format: any ChatWireFormat) -> Result<[ChatEvent], ChatWireError>
    {
        var decoder = format.makeDecoder()
        do {
            return .success(try decoder.decode(event))
        } catch let error as ChatWireError {
            return .failure(error)
        } catch {
            return .failure(.serverError(message: "unexpected error \(error)"))
        }
    }
}
