import Foundation
import SSE
import TestSupport
import Testing

@Suite("SSEParser: long lines, the line limit, and lines it skips unbuffered")
struct SSELongLineTests {
    /// Ignored lines of every kind, each far longer than the limit the tests set (16 bytes), between short events;
    /// the first starts with two bytes of a byte order mark (so it is no BOM, and its name is no known one).
    private static let ignoredLines: [UInt8] = {
        let long = String(repeating: "z", count: 120)
        let lines = [
            "data: first", "", ": \(long)", ":\(long)", "x-pad: \(long)", "events: \(long)", "ide: \(long)",
            "dat: \(long)", "retryy: \(long)", "Data: \(long)", "dataa\(long)", "e\(long)", "idx\(long)",
            "event: t", "id: 5", "data: second", "",
        ]
        // Mixed line ends: LF, CR and CRLF.
        let ends = ["\n", "\r", "\r\n"]
        var text = ""
        for (index, line) in lines.enumerated() { text += line + ends[index % ends.count] }
        return [0xEF, 0xBB] + Array("\(long)\n\(text)data: third\n\n".utf8)
    }()

    @Test("comment and ignored-field lines far over the limit are skipped, however the input is split")
    func ignoredLinesAnySplit() throws {
        let expected = [ev("first"), ev("second", type: "t", id: "5"), ev("third", id: "5")]
        for chunks in splits(of: Self.ignoredLines) {
            let (events, parser) = try parseAll(chunks, maxLineLength: 16)
            #expect(events == expected, "split into \(chunks.map(\.count))")
            #expect(parser.lastEventID == "5", "split into \(chunks.map(\.count))")
        }
    }

    @Test(
        "a data, event, id or retry line over the limit still fails, however the input is split",
        arguments: ["data", "event", "id", "retry"]
    )
    func keptLineOverLimit(field: String) throws {
        let input = Array("data: ok\n\n\(field): \(String(repeating: "9", count: 40))\n\ndata: never\n\n".utf8)
        for chunks in splits(of: input) {
            #expect(throws: SSEParserError.lineTooLong(limit: 16), "split into \(chunks.map(\.count))") {
                try parseAll(chunks, maxLineLength: 16)
            }
        }
    }

    @Test("a 100 MB comment line and a 100 MB unknown-field line pass a 1 KiB limit; the events after them arrive")
    func hugeIgnoredLines() throws {
        let size = 100_000_000
        var input: [UInt8] = []
        input.reserveCapacity(2 * size + 100)
        input += Array("data: before\n\n:".utf8)
        input += filled(size, with: Array("comment ".utf8))
        input += Array("\ndata: between\n\nx-partial-image: ".utf8)
        input += filled(size, with: Array("iVBORw0KGgo".utf8))
        input += Array("\r\nid: 9\ndata: after\n\n".utf8)
        for pieces in [Pieces.whole, .fixed(16 * 1024), .random(seed: 11, upTo: 256 * 1024)] {
            var parser = SSEParser(maxLineLength: 1024)
            let events = try parse(input, in: pieces, with: &parser)
            #expect(events == [ev("before"), ev("between"), ev("after", id: "9")], "\(pieces)")
        }
    }

    @Test("the default limits admit a data line over 64 MiB, whole or in pieces")
    func hugeDataLineByDefault() throws {
        #expect(SSEParser.defaultMaxLineLength >= 64 << 20)
        #expect(SSEParser.defaultMaxEventDataLength >= SSEParser.defaultMaxLineLength)
        let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let value = filled((64 << 20) + 3, with: base64)
        let expected = String(decoding: value, as: UTF8.self)
        let input = Array("event: image\ndata: ".utf8) + value + Array("\n\ndata: next\n\n".utf8)
        for pieces in [Pieces.whole, .fixed(16 * 1024), .random(seed: 5, upTo: 256 * 1024)] {
            var parser = SSEParser()
            let events = try parse(input, in: pieces, with: &parser)
            try #require(events.count == 2, "\(pieces)")
            #expect(events[0].type == "image", "\(pieces)")
            let whole = events[0].data == expected  // not in #expect: a failure would print 64 MiB
            #expect(whole, "\(pieces): \(events[0].data.utf8.count) bytes of data")
            #expect(events[1] == ev("next"), "\(pieces)")
        }
    }

    @Test("a data line one byte over a small limit fails, in pieces of any size", arguments: [1, 3, 7, 1000, 5000])
    func dataLineOverSmallLimit(pieceSize: Int) throws {
        let input = Array("data: ".utf8) + filled(4096 - 6 + 1, with: [0x61]) + Array("\n\n".utf8)
        var parser = SSEParser(maxLineLength: 4096)
        #expect(throws: SSEParserError.lineTooLong(limit: 4096)) {
            try parse(input, in: .fixed(pieceSize), with: &parser)
        }
        var atLimit = SSEParser(maxLineLength: 4097)
        #expect(try parse(input, in: .fixed(pieceSize), with: &atLimit).map(\.data.utf8.count) == [4091])
    }
}

/// How a test feeds a large input to the parser.
enum Pieces: CustomStringConvertible {
    /// All at once.
    case whole
    /// In pieces of this many bytes (the last may be shorter).
    case fixed(Int)
    /// In pieces of 1 to `upTo` bytes, drawn from a seeded generator.
    case random(seed: UInt64, upTo: Int)

    var description: String {
        switch self {
        case .whole: "whole"
        case .fixed(let size): "pieces of \(size) bytes"
        case .random(let seed, let upTo): "random pieces of 1…\(upTo) bytes (seed \(seed))"
        }
    }
}

/// Parses `input` in `pieces` through the callback API, which borrows each piece (no copy of the input), then ends
/// the stream.
func parse(_ input: [UInt8], in pieces: Pieces, with parser: inout SSEParser) throws -> [ServerSentEvent] {
    var events: [ServerSentEvent] = []
    var generator: SeededGenerator
    if case .random(let seed, _) = pieces {
        generator = SeededGenerator(seed: seed)
    } else {
        generator = SeededGenerator(seed: 0)
    }
    try input.withUnsafeBytes { all in
        var start = 0
        while start < all.count {
            let size =
                switch pieces {
                case .whole: all.count
                case .fixed(let size): size
                case .random(_, let upTo): Int.random(in: 1...upTo, using: &generator)
                }
            let end = min(all.count, start + size)
            try parser.parse(UnsafeRawBufferPointer(rebasing: all[start..<end])) { events.append($0) }
            start = end
        }
    }
    parser.finishStream()
    return events
}

/// `count` bytes repeating `pattern`, written by doubling copies (quick even in a debug build).
func filled(_ count: Int, with pattern: [UInt8]) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        guard let base = buffer.baseAddress, count > 0 else { return }
        let first = min(count, pattern.count)
        for offset in 0..<first { (base + offset).initialize(to: pattern[offset]) }
        var done = first
        while done < count {
            let next = min(done, count - done)
            (base + done).initialize(from: base, count: next)
            done += next
        }
        initialized = count
    }
}
