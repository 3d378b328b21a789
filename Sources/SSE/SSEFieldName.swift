/// The field names the standard defines (`data`, `event`, `id`, `retry`); any other name is ignored.
///
/// A line's field name runs up to its first colon, or to the line end when there is none; a line that starts with
/// a colon is a comment. `lineStart(_:_:)` decides from the first bytes of a line alone whether the parser will
/// ignore it, which lets the line splitter drop the rest of such a line as it streams:
///
/// ```
///  first bytes     verdict     why
///  ":…"            ignored     a comment
///  "data:…"        kept        a known name, complete (likewise "event:", "id:", "retry:")
///  "foo:…"         ignored     a complete name that is not a known one
///  "dat", "data"   undecided   a known name, or the start of one, and no colon yet (the line may still end here)
///  "x", "ide"      ignored     no known name starts like this, whatever follows
///  "events…"       ignored     six bytes with no colon: longer than any known name
/// ```
enum SSEFieldName {
    case data, event, id, retry, unknown

    /// What the first bytes of a line say about the whole line.
    enum LineStart {
        /// The parser needs the line: a known field name.
        case kept
        /// The parser ignores the line: a comment, or a field name it does not know.
        case ignored
        /// Too few bytes to tell: no colon yet, and what there is could still be a known name.
        case undecided
    }

    private static let known: [[UInt8]] = ["data", "event", "id", "retry"].map { Array($0.utf8) }
    private static let longestKnown = 5

    /// The field that `name` (the bytes before a line's first colon, or the whole line) names.
    /// - Parameter name: The field name's bytes.
    init(_ name: UnsafeRawBufferPointer) {
        switch name.count {
        case 4 where name[0] == 0x64 && name[1] == 0x61 && name[2] == 0x74 && name[3] == 0x61:
            self = .data
        case 2 where name[0] == 0x69 && name[1] == 0x64:
            self = .id
        case 5 where name.elementsEqual("event".utf8):
            self = .event
        case 5 where name.elementsEqual("retry".utf8):
            self = .retry
        default:
            self = .unknown
        }
    }

    /// Classifies a line from its first bytes, given in two pieces (the bytes already held, then the new ones) so
    /// that nothing has to be copied to look at them. Reads at most six bytes.
    /// - Parameters:
    ///   - head: The line's first bytes.
    ///   - tail: The bytes that follow `head` (the line's end is not among them).
    /// - Returns: Whether the line is needed, ignored, or not yet known to be either.
    static func lineStart(_ head: UnsafeRawBufferPointer, _ tail: UnsafeRawBufferPointer) -> LineStart {
        let count = min(head.count + tail.count, longestKnown + 1)
        if count == 0 { return .undecided }
        func byte(_ offset: Int) -> UInt8 { offset < head.count ? head[offset] : tail[offset - head.count] }
        var nameLength = 0
        while nameLength < count, byte(nameLength) != ASCII.colon { nameLength += 1 }
        if nameLength == 0 { return .ignored }  // a comment
        if nameLength > longestKnown { return .ignored }
        let nameIsComplete = nameLength < count
        for name in known where name.count >= nameLength {
            var matches = true
            for offset in 0..<nameLength where name[offset] != byte(offset) {
                matches = false
                break
            }
            if matches, name.count == nameLength { return nameIsComplete ? .kept : .undecided }
            if matches, !nameIsComplete { return .undecided }
        }
        return .ignored
    }
}
