import SSE
import Testing

@Suite("SSEParser: the WHATWG event stream interpretation")
struct SSEParserTests {
    @Test("there are at least 60 vectors")
    func vectorCount() {
        #expect(SSEParserVectors.all.count >= 60)
    }

    @Test("each vector gives its events, however the input is split", arguments: SSEParserVectors.all)
    func vector(_ vector: SSEVector) throws {
        for chunks in splits(of: vector.input) {
            let (events, parser) = try parseAll(chunks)
            #expect(events == vector.events, "split into \(chunks.map(\.count))")
            #expect(parser.lastEventID == vector.lastEventID, "split into \(chunks.map(\.count))")
            #expect(parser.reconnectionTimeMilliseconds == vector.retry, "split into \(chunks.map(\.count))")
        }
    }

    @Test("the callback and array forms agree")
    func callbackForm() throws {
        let input = Array("event: a\ndata: 1\n\nid: 2\ndata: 2\n\n".utf8)
        var parser = SSEParser()
        var viaCallback: [ServerSentEvent] = []
        try input.withUnsafeBytes { try parser.parse($0) { viaCallback.append($0) } }
        var other = SSEParser()
        #expect(try other.parse(input) == viaCallback)
    }

    @Test("a lent event's data is the raw bytes, lines joined with LF; the event made of it repairs UTF-8")
    func lentData() throws {
        var parser = SSEParser()
        let stream: [UInt8] = Array("event: note\nid: 7\ndata: a".utf8) + [0xFF] + Array("\ndata: b\n\n".utf8)
        var lent: [(type: String, data: [UInt8], id: String, event: ServerSentEvent)] = []
        try stream.withUnsafeBytes { bytes in
            try parser.parse(
                bytes,
                lending: { event in
                    lent.append((event.type, Array(event.data), event.eventID.string, event.makeEvent()))
                }
            )
        }
        try #require(lent.count == 1)
        #expect(lent[0].type == "note")
        #expect(lent[0].id == "7")
        #expect(lent[0].data == Array("a".utf8) + [0xFF] + Array("\nb".utf8))
        #expect(lent[0].event == ServerSentEvent(type: "note", data: "a\u{FFFD}\nb", lastEventID: "7"))
    }

    @Test("lending and value events agree on every vector, however the input is split", arguments: SSEParserVectors.all)
    func lentVector(_ vector: SSEVector) throws {
        for chunks in splits(of: vector.input) {
            var parser = SSEParser()
            var events: [ServerSentEvent] = []
            for chunk in chunks {
                try chunk.withUnsafeBytes { try parser.parse($0, lending: { events.append($0.makeEvent()) }) }
            }
            #expect(events == vector.events, "split into \(chunks.map(\.count))")
        }
    }

    @Test("the last event ID and retry survive a new stream; a BOM is stripped again")
    func acrossConnections() throws {
        var parser = SSEParser(lastEventID: "start")
        #expect(try parser.parse(Array("data: a\n\nretry: 50\nid: 4\ndata: half".utf8)) == [ev("a", id: "start")])
        parser.finishStream()
        #expect(parser.lastEventID == "start")
        #expect(parser.reconnectionTimeMilliseconds == 50)
        let events = try parser.parse(Array("\u{FEFF}data: b\n\nid: 5\ndata: c\n\n".utf8))
        #expect(events == [ev("b", id: "start"), ev("c", id: "5")])
        #expect(parser.lastEventID == "5")
    }

    @Test("a caller-supplied last event ID applies until the stream changes it")
    func initialLastEventID() throws {
        var parser = SSEParser(lastEventID: "41")
        #expect(try parser.parse(Array("data: x\n\nid\ndata: y\n\n".utf8)) == [ev("x", id: "41"), ev("y")])
    }

    @Test("a line over the limit fails, whole or split", arguments: [1, 7, 4096])
    func lineLimit(chunkSize: Int) throws {
        var parser = SSEParser(maxLineLength: 1024)
        let input = Array("data: ".utf8) + [UInt8](repeating: 0x61, count: 2000) + [10, 10]
        #expect(throws: SSEParserError.lineTooLong(limit: 1024)) {
            var start = 0
            while start < input.count {
                let end = min(input.count, start + chunkSize)
                _ = try parser.parse(input[start..<end])
                start = end
            }
        }
    }

    @Test("a line just under the limit passes")
    func lineUnderLimit() throws {
        var parser = SSEParser(maxLineLength: 1024)
        let value = String(repeating: "b", count: 1024 - 6)
        #expect(try parser.parse(Array("data: \(value)\n\n".utf8)) == [ev(value)])
    }

    @Test("an event whose data passes the limit fails")
    func eventLimit() throws {
        var parser = SSEParser(maxLineLength: 1024, maxEventDataLength: 4096)
        let line = Array("data: ".utf8) + [UInt8](repeating: 0x61, count: 1000) + [10]
        #expect(throws: SSEParserError.eventTooLarge(limit: 4096)) {
            for _ in 0..<10 { _ = try parser.parse(line) }
        }
    }

    @Test("a multi-byte character split across chunks decodes once")
    func splitCharacter() throws {
        var parser = SSEParser()
        let bytes = Array("data: 😀\n\n".utf8)
        var events: [ServerSentEvent] = []
        for byte in bytes { events += try parser.parse([byte]) }
        #expect(events == [ev("😀")])
    }

    @Test("the errors read as one clear line")
    func errorText() {
        #expect(SSEParserError.lineTooLong(limit: 10).description.contains("longer than 10 bytes"))
    }
}
