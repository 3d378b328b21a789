import Testing

@testable import SSE

/// Event ids are kept in place when short and ASCII, as a `String` otherwise; either way they must read, compare and
/// hash as the `String` they stand for, and the parser must hand out the same ids as before.
@Suite("SSEEventID: ids kept in place or as strings")
struct SSEEventIDTests {
    private static let ids = [
        "", "1", "dea4703c360f21a2-12345", String(repeating: "x", count: 15), String(repeating: "y", count: 31),
        String(repeating: "z", count: 32), "reply-é", "🙂", "K", "\u{212A}", "e\u{301}", "é",
        String(repeating: "é", count: 10),
    ]

    @Test("every id reads back as its string, and compares and hashes as its string does")
    func roundTrip() {
        for a in Self.ids {
            #expect(SSEEventID(a).string == a)
            #expect(SSEEventID(a).isEmpty == a.isEmpty)
            for b in Self.ids {
                #expect((SSEEventID(a) == SSEEventID(b)) == (a == b), "\(a.debugDescription) vs \(b.debugDescription)")
                if a == b { #expect(SSEEventID(a).hashValue == SSEEventID(b).hashValue) }
            }
        }
        #expect(SSEEventID() == SSEEventID(""))
    }

    @Test("the parser's ids: in place up to 31 ASCII bytes, strings beyond, invalid UTF-8 replaced, kept across events")
    func parsedIDs() throws {
        var parser = SSEParser()
        var stream: [UInt8] = []
        for id in Self.ids { stream += Array("id: \(id)\ndata: x\n\n".utf8) }
        stream += [0x69, 0x64, 0x3A, 0x20, 0x61, 0xFF, 0x62, 0x0A] + Array("data: bad\n\n".utf8)  // id: a\xFFb
        stream += Array("data: kept\n\n".utf8)
        let events = try parser.parse(stream)
        #expect(events.map(\.lastEventID) == Self.ids + ["a\u{FFFD}b", "a\u{FFFD}b"])
        #expect(events.last == ServerSentEvent(data: "kept", lastEventID: "a\u{FFFD}b"))
        #expect(parser.lastEventID == "a\u{FFFD}b")
        parser.finishStream()
        #expect(try parser.parse(Array("data: next\n\n".utf8)).map(\.lastEventID) == ["a\u{FFFD}b"])
    }
}
