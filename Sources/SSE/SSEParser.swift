/// The WHATWG "event stream interpretation" (HTML §9.2.6) as a value type: bytes in, events out.
///
/// ```
///  bytes ─► SSELineSplitter ─► lines ─► fields ─► ServerSentEvent
///              │                         data:  append value + LF to the data buffer
///              │                         event: set the event type buffer
///              │                         id:    set the last event ID buffer (ignored if it contains NUL)
///              │                         retry: set the reconnection time (ASCII digits only)
///              │                         ":…", other names: ignored
///              │                         ""     dispatch (nothing if the data buffer is empty)
///              └─► dropped as they stream, whatever their length: comment and ignored-field lines that run on
///                  past the end of a chunk
/// ```
///
/// Feed chunks of any size with `parse(_:onEvent:)`; the output is the same however the stream is split. At the end
/// of a stream call `finishStream()`: an incomplete event is discarded, and the parser is ready for the next
/// connection with its last event ID and reconnection time kept. Lines are decoded as UTF-8 with invalid bytes
/// replaced by U+FFFD. No method allocates per byte; a dispatched event costs one `String` for its data (its id is
/// kept as an `SSEEventID`, in place when short), or nothing with `parse(_:lending:)`, which lends the data.
///
/// Limits: a `data`, `event`, `id` or `retry` line longer than `maxLineLength`, or an event whose data passes
/// `maxEventDataLength`, fails the stream. Comments and ignored fields have no limit: they are never buffered.
package struct SSEParser: Sendable {
    /// The default line limit: 128 MiB, room for the single multi-megabyte `data:` lines real servers send
    /// (base64 partial images, long tool-call arguments).
    package static let defaultMaxLineLength = 128 << 20
    /// The default limit on one event's data: 128 MiB.
    package static let defaultMaxEventDataLength = 128 << 20

    /// The last event ID string: set at each dispatch from the last event ID buffer, and kept across events and
    /// connections until the stream changes it. Sent as `Last-Event-ID` on reconnection when non-empty.
    package var lastEventID: String { lastEventIDValue.string }
    /// The same, as kept: a `String` is made only when `lastEventID` is read.
    private var lastEventIDValue: SSEEventID
    /// The most recent valid `retry:` value in milliseconds, or `nil` when the stream never sent one.
    package private(set) var reconnectionTimeMilliseconds: Int?
    /// The largest event data, in bytes, the parser buffers before failing.
    package let maxEventDataLength: Int

    private var splitter: SSELineSplitter
    private var dataBuffer: [UInt8] = []
    private var eventTypeBuffer: [UInt8] = []
    private var lastEventIDBuffer: SSEEventID
    private var cachedEventType: (bytes: [UInt8], string: String) = ([], "message")

    /// Creates a parser.
    /// - Parameters:
    ///   - lastEventID: A last event ID to start from (the caller's, or one kept from an earlier connection).
    ///   - maxLineLength: The longest line, in bytes, to buffer; a longer line fails the stream unless the parser
    ///     ignores it (a comment or an unknown field, which is skipped whatever its length).
    ///   - maxEventDataLength: The most data, in bytes, one event may accumulate; more fails the stream.
    package init(
        lastEventID: String = "",
        maxLineLength: Int = defaultMaxLineLength,
        maxEventDataLength: Int = defaultMaxEventDataLength
    ) {
        self.lastEventIDValue = SSEEventID(lastEventID)
        self.lastEventIDBuffer = lastEventIDValue
        self.maxEventDataLength = maxEventDataLength
        self.splitter = SSELineSplitter(maxLineLength: maxLineLength)
    }

    /// Parses the next chunk of the stream.
    /// - Parameters:
    ///   - chunk: The next bytes, of any length.
    ///   - onEvent: Called for each event the chunk completes, in order; it owns the event, so it can keep it with
    ///     no copy.
    /// - Throws: `SSEParserError` when a line or an event passes its limit; rethrows `onEvent`'s errors.
    package mutating func parse(
        _ chunk: UnsafeRawBufferPointer,
        onEvent: (consuming ServerSentEvent) throws -> Void
    ) throws {
        try parse(chunk, lending: { try onEvent($0.makeEvent()) })
    }

    /// Parses the next chunk, lending each event's data to `onEvent` instead of copying it into a `String`.
    /// - Parameters:
    ///   - chunk: The next bytes, of any length.
    ///   - onEvent: Called for each event the chunk completes, in order; the event's `data` is valid only during
    ///     the call.
    /// - Throws: `SSEParserError` when a line or an event passes its limit; rethrows `onEvent`'s errors.
    package mutating func parse(
        _ chunk: UnsafeRawBufferPointer,
        lending onEvent: (SSELentEvent) throws -> Void
    ) throws {
        // Move the splitter out (not copy it): a copy would share its pending-line buffer and force a
        // copy-on-write of that buffer for every chunk that ends mid-line.
        var splitter = self.splitter
        self.splitter = SSELineSplitter(maxLineLength: splitter.maxLineLength)
        defer { self.splitter = splitter }
        try splitter.split(chunk) { line in
            if line.isEmpty {
                try dispatch(onEvent)
            } else {
                try interpret(line)
            }
        }
    }

    /// Parses the next chunk and returns the events it completes.
    /// - Parameter chunk: The next bytes, of any length.
    /// - Returns: The dispatched events, in order.
    /// - Throws: `SSEParserError` when a line or an event passes its limit.
    package mutating func parse(_ chunk: some Sequence<UInt8>) throws -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        let handled: Void? = try chunk.withContiguousStorageIfAvailable { buffer in
            try parse(UnsafeRawBufferPointer(buffer)) { events.append($0) }
        }
        if handled == nil {
            let bytes = Array(chunk)
            try bytes.withUnsafeBytes { try parse($0) { events.append($0) } }
        }
        return events
    }

    /// Ends the current stream: an event still incomplete is discarded, as the standard requires. The last event
    /// ID and the reconnection time are kept, so the same parser can read the next connection's stream.
    package mutating func finishStream() {
        splitter.reset()
        dataBuffer.removeAll(keepingCapacity: false)
        eventTypeBuffer.removeAll()
        lastEventIDBuffer = lastEventIDValue
    }

    /// Applies one field line (not the blank line that dispatches).
    private mutating func interpret(_ line: UnsafeRawBufferPointer) throws {
        if line[0] == ASCII.colon { return }
        let colon = line.firstOffset(of: ASCII.colon, in: 0..<line.count)
        var valueStart = colon + 1
        if valueStart < line.count, line[valueStart] == ASCII.space { valueStart += 1 }
        let name = UnsafeRawBufferPointer(rebasing: line[0..<colon])
        let value = UnsafeRawBufferPointer(rebasing: line[min(valueStart, line.count)...])
        switch SSEFieldName(name) {
        case .data:
            guard dataBuffer.count + value.count < maxEventDataLength else {
                throw SSEParserError.eventTooLarge(limit: maxEventDataLength)
            }
            dataBuffer.append(contentsOf: value)
            dataBuffer.append(ASCII.lf)
        case .event:
            eventTypeBuffer.removeAll(keepingCapacity: true)
            eventTypeBuffer.append(contentsOf: value)
        case .id:
            if value.firstOffset(of: ASCII.nul, in: 0..<value.count) == value.count {
                lastEventIDBuffer = SSEEventID(utf8: value)
            }
        case .retry:
            if let milliseconds = Self.parseDigits(value) { reconnectionTimeMilliseconds = milliseconds }
        case .unknown:
            break
        }
    }

    /// The blank line: hands the event the buffers hold to `onEvent` (none when the data buffer is empty), its data
    /// lent from the data buffer without its final LF, then empties the buffers.
    private mutating func dispatch(_ onEvent: (SSELentEvent) throws -> Void) throws {
        lastEventIDValue = lastEventIDBuffer
        defer { eventTypeBuffer.removeAll(keepingCapacity: true) }
        guard !dataBuffer.isEmpty else { return }
        defer { dataBuffer.removeAll(keepingCapacity: dataBuffer.capacity <= 64 * 1024) }
        let type = eventType()
        try dataBuffer.withUnsafeBytes { bytes in
            try onEvent(
                SSELentEvent(
                    type: type,
                    data: UnsafeRawBufferPointer(rebasing: bytes.dropLast()),
                    eventID: lastEventIDValue
                )
            )
        }
    }

    /// The event type buffer as a string, `"message"` when empty; reuses the last string for a repeated type.
    private mutating func eventType() -> String {
        if eventTypeBuffer.isEmpty { return "message" }
        if eventTypeBuffer != cachedEventType.bytes {
            cachedEventType = (eventTypeBuffer, String(decoding: eventTypeBuffer, as: UTF8.self))
        }
        return cachedEventType.string
    }

    /// A `retry` value: one or more ASCII digits and nothing else (so not "+5", " 5" or "5ms"). Values too large for
    /// `Int` are ignored.
    static func parseDigits(_ value: UnsafeRawBufferPointer) -> Int? {
        guard !value.isEmpty else { return nil }
        var result = 0
        for byte in value {
            guard byte >= ASCII.zero, byte <= ASCII.nine else { return nil }
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - ASCII.zero))
            if overflow1 || overflow2 { return nil }
            result = sum
        }
        return result
    }
}
