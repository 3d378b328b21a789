/// Oracle: `SSEParser` gives the same events, errors, last event ID and reconnection time however the stream is
/// split (whole, byte by byte, random pieces, through either `parse` API), and all of them equal a plain
/// line-by-line reading of the WHATWG rules written here, caps included (the array-returning API may drop the
/// events of the chunk that fails, and only those).
///
/// Input layout:
///
/// ```
///  byte 0   seed for the random splittings
///  byte 1   bits 0-1: line cap (12, 64, 256, 768)   bits 2-3: event cap (8, 64, 256, 768)
///           bit 4: end the stream (`finishStream`) at the offset byte 2 names and go on as a new connection
///  byte 2   where that connection ends, as a fraction of the rest (byte / 256)
///  rest     the event stream
/// ```
///
/// After the last connection `finishStream()` is called and a probe connection `data:probe␤␤` must give exactly
/// one `message` event carrying the kept last event ID: an unfinished event must not leak into the next stream.
import SSE

/// The smallest caps still let the probe (`data:probe`, 10 bytes; data `probe␤`, 6) through.
private let lineCaps = [12, 64, 256, 768]
private let eventCaps = [8, 64, 256, 768]

/// What one connection produced.
private struct ConnectionOutcome: Equatable {
    var events: [ServerSentEvent] = []
    var error: SSEParserError?
    var lastEventID = ""
    var retry: Int?
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count >= 3 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let seed = input[0]
    let options = input[1]
    let maxLine = lineCaps[Int(options & 0x3)]
    let maxEvent = eventCaps[Int((options >> 2) & 0x3)]
    let stream = Array(input[3...])
    var connections: [ArraySlice<UInt8>] = [stream[...]]
    if options & 0x10 != 0 {
        let cut = stream.count * Int(input[2]) / 256
        connections = [stream[..<cut], stream[cut...]]
    }

    var reference = ReferenceReader(maxLine: maxLine, maxEvent: maxEvent)
    let expected = reference.read(connections)
    for mode in 0..<4 {
        var actual = parse(connections, mode: mode, seed: UInt64(seed) | UInt64(count) << 8, maxLine, maxEvent)
        if mode == 3 {
            // The array-returning `parse` cannot both return and throw: the events that the failing chunk
            // dispatched before its error are not returned. Those of earlier chunks must be.
            for (index, outcome) in actual.enumerated() where outcome.error != nil {
                let all = expected[index].events
                fuzzRequire(all.starts(with: outcome.events), "mode 3: \(outcome.events) not a prefix of \(all)")
                actual[index].events = all
            }
        }
        fuzzRequire(actual == expected, "mode \(mode): \(actual) ≠ reference \(expected)")
    }
    return 0
}

/// Parses the connections with chunks cut by `mode` (see `FuzzSplit`); mode 3 uses the array-returning API.
private func parse(
    _ connections: [ArraySlice<UInt8>],
    mode: Int,
    seed: UInt64,
    _ maxLine: Int,
    _ maxEvent: Int
) -> [ConnectionOutcome] {
    var generator = FuzzGenerator(seed: seed &+ UInt64(mode))
    var parser = SSEParser(maxLineLength: maxLine, maxEventDataLength: maxEvent)
    var outcomes: [ConnectionOutcome] = []
    for connection in connections {
        let bytes = Array(connection)
        var outcome = ConnectionOutcome()
        do {
            for range in FuzzSplit.ranges(count: bytes.count, mode: min(mode, 2), generator: &generator) {
                if mode == 3 {
                    outcome.events += try parser.parse(bytes[range])
                } else {
                    try bytes.withUnsafeBytes { buffer in
                        try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[range])) { outcome.events.append($0) }
                    }
                }
            }
        } catch let error as SSEParserError {
            outcome.error = error
        } catch {
            fuzzRequire(false, "unexpected error \(error)")
        }
        parser.finishStream()
        outcome.lastEventID = parser.lastEventID
        outcome.retry = parser.reconnectionTimeMilliseconds
        outcomes.append(outcome)
    }
    // The probe: a fresh connection after finishStream() starts from empty buffers.
    var probe = ConnectionOutcome()
    let keptID = parser.lastEventID
    probe.events = (try? parser.parse(Array("data:probe\n\n".utf8))) ?? []
    probe.lastEventID = parser.lastEventID
    probe.retry = parser.reconnectionTimeMilliseconds
    fuzzRequire(
        probe.events == [ServerSentEvent(type: "message", data: "probe", lastEventID: keptID)],
        "probe after finishStream gave \(probe.events)"
    )
    outcomes.append(probe)
    return outcomes
}

/// The standard's interpretation, read straight from the text of HTML §9.2.6 one whole line at a time, with the
/// parser's documented caps: a `data`, `event`, `id` or `retry` line (terminated or not) longer than `maxLine` bytes
/// fails the connection (comments and ignored fields are not capped), and so
/// does a `data` line that would make the data buffer (values plus their LFs) larger than `maxEvent` bytes.
private struct ReferenceReader {
    var maxLine: Int
    var maxEvent: Int
    var lastEventID = ""
    var retry: Int?

    init(maxLine: Int, maxEvent: Int) {
        self.maxLine = maxLine
        self.maxEvent = maxEvent
    }

    /// Whether the parser keeps a line: its field name (up to the first colon, or the whole line) is a known one.
    static func isKept(_ line: [UInt8]) -> Bool {
        let name = line.prefix { $0 != 0x3A }
        return ["data", "event", "id", "retry"].contains(String(decoding: name, as: UTF8.self))
    }

    mutating func read(_ connections: [ArraySlice<UInt8>]) -> [ConnectionOutcome] {
        var outcomes = connections.map { read(connection: Array($0)) }
        outcomes.append(
            ConnectionOutcome(
                events: [ServerSentEvent(type: "message", data: "probe", lastEventID: lastEventID)],
                lastEventID: lastEventID,
                retry: retry
            )
        )
        return outcomes
    }

    private mutating func read(connection bytes: [UInt8]) -> ConnectionOutcome {
        var outcome = ConnectionOutcome()
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var data: [UInt8] = []
        var type: [UInt8] = []
        var idBuffer = lastEventID
        var line: [UInt8] = []
        var index = body.startIndex
        while true {
            // Collect one line and learn whether a CR, LF or CRLF ended it.
            line.removeAll()
            var terminated = false
            while index < body.endIndex {
                let byte = body[index]
                index += 1
                if byte == 0x0A {
                    terminated = true
                    break
                }
                if byte == 0x0D {
                    if index < body.endIndex, body[index] == 0x0A { index += 1 }
                    terminated = true
                    break
                }
                line.append(byte)
            }
            // The cap holds for the lines the parser keeps: comments and fields it ignores are skipped whatever their
            // length (as they stream, never buffered).
            if line.count > maxLine, Self.isKept(line) {
                outcome.error = .lineTooLong(limit: maxLine)
                break
            }
            guard terminated else { break }  // an unfinished last line is dropped with the connection
            if line.isEmpty {
                lastEventID = idBuffer
                if !data.isEmpty {
                    data.removeLast()
                    outcome.events.append(
                        ServerSentEvent(
                            type: type.isEmpty ? "message" : String(decoding: type, as: UTF8.self),
                            data: String(decoding: data, as: UTF8.self),
                            lastEventID: lastEventID
                        )
                    )
                }
                data.removeAll()
                type.removeAll()
                continue
            }
            if line.first == 0x3A { continue }
            let name: ArraySlice<UInt8>
            var value: ArraySlice<UInt8>
            if let colon = line.firstIndex(of: 0x3A) {
                name = line[..<colon]
                value = line[(colon + 1)...]
                if value.first == 0x20 { value = value.dropFirst() }
            } else {
                name = line[...]
                value = []
            }
            switch String(decoding: name, as: UTF8.self) {
            case "data":
                if data.count + value.count + 1 > maxEvent {
                    outcome.error = .eventTooLarge(limit: maxEvent)
                    break
                }
                data += value
                data.append(0x0A)
            case "event":
                type = Array(value)
            case "id":
                if !value.contains(0) { idBuffer = String(decoding: value, as: UTF8.self) }
            case "retry":
                if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                    let number = Int(String(decoding: value, as: UTF8.self))
                {
                    retry = number
                }
            default:
                break
            }
            if outcome.error != nil { break }
        }
        outcome.lastEventID = lastEventID
        outcome.retry = retry
        return outcome
    }
}
