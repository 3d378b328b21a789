import SSE

/// The WHATWG HTML §9.2.6 rules, one vector per rule or corner.
enum SSEParserVectors {
    static let lineEnds: [SSEVector] = [
        SSEVector("LF line ends", "data: a\n\n", [ev("a")]),
        SSEVector("CR line ends", "data: a\r\r", [ev("a")]),
        SSEVector("CRLF line ends", "data: a\r\n\r\n", [ev("a")]),
        SSEVector("mixed line ends in one event", "data: a\r\ndata: b\rdata: c\n\r\n", [ev("a\nb\nc")]),
        SSEVector("LF then CRLF", "data: a\n\r\n", [ev("a")]),
        SSEVector("CRLF then LF", "data: a\r\n\n", [ev("a")]),
        SSEVector("a stray CR is one more blank line", "data: a\n\n\rdata: b\n\n", [ev("a"), ev("b")]),
        SSEVector("leading blank lines dispatch nothing", "\r\n\r\n\n\rdata: x\n\n", [ev("x")]),
        SSEVector("three CRs", "data: a\r\r\r", [ev("a")]),
        SSEVector("LF CR is two line ends", "data: a\n\rdata: b\n\n", [ev("a"), ev("b")]),
    ]

    static let byteOrderMark: [SSEVector] = [
        SSEVector("one leading BOM is stripped", "\u{FEFF}data: a\n\n", [ev("a")]),
        SSEVector("only one BOM is stripped", "\u{FEFF}\u{FEFF}data: a\n\n", []),
        SSEVector("a BOM later in the stream is content", "data: a\n\n\u{FEFF}data: b\n\n", [ev("a")]),
        SSEVector("a partial BOM is content", [0xEF, 0xBB] + Array("data: a\n\n".utf8), []),
        SSEVector("a BOM then a blank line", "\u{FEFF}\ndata: a\n\n", [ev("a")]),
        SSEVector("a BOM inside a value is kept", "data: \u{FEFF}x\n\n", [ev("\u{FEFF}x")]),
    ]

    static let comments: [SSEVector] = [
        SSEVector("a comment line is ignored", ": comment\ndata: a\n\n", [ev("a")]),
        SSEVector("a bare colon is a comment", ":\n\n", []),
        SSEVector("a comment that looks like a field", ":data: x\n\n", []),
        SSEVector("a comment between data lines", "data: a\n: keep-alive\ndata: b\n\n", [ev("a\nb")]),
        SSEVector("a leading space is not a comment", " : x\ndata: a\n\n", [ev("a")]),
    ]

    static let fields: [SSEVector] = [
        SSEVector("a field with no colon has an empty value", "data\n\n", [ev("")]),
        SSEVector("two empty data fields", "data\ndata\n\n", [ev("\n")]),
        SSEVector("data with an empty value", "data:\n\n", [ev("")]),
        SSEVector("one leading space is removed", "data: \n\n", [ev("")]),
        SSEVector("only one leading space is removed", "data:  two\n\n", [ev(" two")]),
        SSEVector("no space after the colon", "data:tight\n\n", [ev("tight")]),
        SSEVector("a tab is not removed", "data:\tx\n\n", [ev("\tx")]),
        SSEVector("trailing spaces are kept", "data: x  \n\n", [ev("x  ")]),
        SSEVector("colons inside the value", "data: a:b: c\n\n", [ev("a:b: c")]),
        SSEVector("field names are case-sensitive", "Data: x\n\nDATA: y\n\n", []),
        SSEVector("unknown fields are ignored", "foo: bar\ndata: a\nbaz\n\n", [ev("a")]),
        SSEVector("a space before the colon makes another name", "data : x\n\n", []),
    ]

    static let data: [SSEVector] = [
        SSEVector("data lines join with LF", "data: a\ndata: b\n\n", [ev("a\nb")]),
        SSEVector("an empty data line in the middle", "data: a\ndata:\ndata: b\n\n", [ev("a\n\nb")]),
        SSEVector("two empty data lines", "data:\ndata:\n\n", [ev("\n")]),
        SSEVector("two events", "data: a\n\ndata: b\n\n", [ev("a"), ev("b")]),
        SSEVector("an event without data is not dispatched", "event: x\n\n", []),
        SSEVector("only an id dispatches nothing but sets the id", "id: 1\n\n", [], lastEventID: "1"),
        SSEVector("a CR inside a value ends the line", "data: a\rb\n\n", [ev("a")]),
        SSEVector("NUL in data is kept", "data: a\u{0}b\n\n", [ev("a\u{0}b")]),
        SSEVector("JSON data", "data: {\"a\": [1, 2]}\n\n", [ev("{\"a\": [1, 2]}")]),
    ]

    static let eventTypes: [SSEVector] = [
        SSEVector("a named event", "event: add\ndata: 1\n\n", [ev("1", type: "add")]),
        SSEVector(
            "the type resets after dispatch",
            "event: add\ndata: 1\n\ndata: 2\n\n",
            [ev("1", type: "add"), ev("2")]
        ),
        SSEVector("the last event field wins", "event: a\nevent: b\ndata: x\n\n", [ev("x", type: "b")]),
        SSEVector("an empty event field means message", "event:\ndata: x\n\n", [ev("x")]),
        SSEVector("a type without data is dropped with it", "event: a\n\ndata: x\n\n", [ev("x")]),
        SSEVector("an explicit message type", "event: message\ndata: x\n\n", [ev("x")]),
        SSEVector("event after data in the same block", "data: x\nevent: late\n\n", [ev("x", type: "late")]),
        SSEVector("a Unicode event type", "event: ünï\ndata: x\n\n", [ev("x", type: "ünï")]),
    ]

    static let ids: [SSEVector] = [
        SSEVector(
            "the id persists across events",
            "id: 1\ndata: a\n\ndata: b\n\n",
            [ev("a", id: "1"), ev("b", id: "1")],
            lastEventID: "1"
        ),
        SSEVector(
            "an id field with no value clears it",
            "id: 1\ndata: a\n\nid\ndata: b\n\n",
            [ev("a", id: "1"), ev("b")]
        ),
        SSEVector("an empty id value clears it", "id: 1\ndata: a\n\nid: \ndata: b\n\n", [ev("a", id: "1"), ev("b")]),
        SSEVector(
            "an id containing NUL is ignored",
            "id: 1\ndata: a\n\nid: 2\u{0}x\ndata: b\n\n",
            [ev("a", id: "1"), ev("b", id: "1")],
            lastEventID: "1"
        ),
        SSEVector("an id after data applies to that event", "data: a\nid: 5\n\n", [ev("a", id: "5")], lastEventID: "5"),
        SSEVector(
            "only one space is removed from an id",
            "id:  7\ndata: a\n\n",
            [ev("a", id: " 7")],
            lastEventID: " 7"
        ),
        SSEVector("an id without a blank line is not committed", "data: a\n\nid: 9\ndata: b", [ev("a")]),
        SSEVector("a Unicode id", "id: ünï-✓\ndata: a\n\n", [ev("a", id: "ünï-✓")], lastEventID: "ünï-✓"),
        SSEVector(
            "an id set by a blank line without data",
            "id: 3\n\ndata: a\n\n",
            [ev("a", id: "3")],
            lastEventID: "3"
        ),
        SSEVector(
            "the last id field in a block wins",
            "id: 1\nid: 2\ndata: a\n\n",
            [ev("a", id: "2")],
            lastEventID: "2"
        ),
    ]

    static let retries: [SSEVector] = [
        SSEVector("retry sets the reconnection time", "retry: 1000\n", [], retry: 1000),
        SSEVector("retry with a plus sign is ignored", "retry: +5\n", []),
        SSEVector("retry with a unit is ignored", "retry: 5ms\n", []),
        SSEVector("retry with an extra space is ignored", "retry:  5\n", []),
        SSEVector("an empty retry is ignored", "retry: \n", []),
        SSEVector("a bad retry keeps the earlier value", "retry: 10\nretry: x\n", [], retry: 10),
        SSEVector("retry with leading zeros", "retry: 007\n", [], retry: 7),
        SSEVector("a retry too large for Int is ignored", "retry: 99999999999999999999999\n", []),
        SSEVector("retry with no colon is ignored", "retry\n", []),
        SSEVector("a negative retry is ignored", "retry: -1\n", []),
        SSEVector("retry does not dispatch", "retry: 5\n\ndata: a\n\n", [ev("a")], retry: 5),
    ]

    static let endOfStream: [SSEVector] = [
        SSEVector("an unterminated event is discarded", "data: a\n\ndata: b\n", [ev("a")]),
        SSEVector("an unterminated line is discarded", "data: a\n\ndata: b", [ev("a")]),
        SSEVector("a lone unterminated line", "data: a", []),
        SSEVector(
            "a partial event's id is not committed",
            "id: 1\ndata: a\n\nevent: x\ndata: b\nid: 3",
            [ev("a", id: "1")],
            lastEventID: "1"
        ),
        SSEVector("a final CR completes the blank line", "data: a\n\r", [ev("a")]),
    ]

    static let utf8: [SSEVector] = [
        SSEVector("an invalid byte becomes U+FFFD", Array("data: ".utf8) + [0xFF] + [10, 10], [ev("\u{FFFD}")]),
        SSEVector("a truncated sequence before LF", Array("data: ".utf8) + [0xE2, 0x82] + [10, 10], [ev("\u{FFFD}")]),
        SSEVector("an overlong encoding", Array("data: ".utf8) + [0xC0, 0xAF] + [10, 10], [ev("\u{FFFD}\u{FFFD}")]),
        SSEVector(
            "an encoded surrogate",
            Array("data: ".utf8) + [0xED, 0xA0, 0x80] + [10, 10],
            [ev("\u{FFFD}\u{FFFD}\u{FFFD}")]
        ),
        SSEVector("CJK and emoji", "data: 你好，世界 👋🏽 🇯🇵\n\n", [ev("你好，世界 👋🏽 🇯🇵")]),
        SSEVector("a lone continuation byte", Array("data: a".utf8) + [0x80] + Array("b\n\n".utf8), [ev("a\u{FFFD}b")]),
    ]

    static var all: [SSEVector] {
        lineEnds + byteOrderMark + comments + fields + data + eventTypes + ids + retries + endOfStream + utf8
    }
}
