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

    // The known names packed as `lineStart(_:_:)` packs a line's first bytes, the first byte lowest.
    private static let packedData: UInt64 = 0x6174_6164  // "data"
    private static let packedEvent: UInt64 = 0x74_6E65_7665  // "event"
    private static let packedID: UInt64 = 0x6469  // "id"
    private static let packedRetry: UInt64 = 0x79_7274_6572  // "retry"
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
        if head.isEmpty, tail.count >= 5, tail[4] == ASCII.colon, tail[0] == 0x64, tail[1] == 0x61, tail[2] == 0x74,
            tail[3] == 0x61
        {
            return .kept  // "data:", by far the most common line
        }
        // The name's bytes packed into an integer, the first byte lowest, up to the colon or six bytes.
        var name: UInt64 = 0
        var length = 0
        var sawColon = false
        let available = min(head.count + tail.count, longestKnown + 1)
        while length < available {
            let byte = length < head.count ? head[length] : tail[length - head.count]
            if byte == ASCII.colon {
                sawColon = true
                break
            }
            name |= UInt64(byte) << (8 * length)
            length += 1
        }
        if sawColon {
            switch length {
            case 0: return .ignored  // a comment
            case 2: return name == packedID ? .kept : .ignored
            case 4: return name == packedData ? .kept : .ignored
            case 5: return name == packedEvent || name == packedRetry ? .kept : .ignored
            default: return .ignored
            }
        }
        if length > longestKnown { return .ignored }
        if length == 0 { return .undecided }
        // No colon yet: still undecided while the bytes so far begin a known name.
        let mask: UInt64 = (1 << (8 * length)) - 1
        let begins =
            packedEvent & mask == name || packedRetry & mask == name
            || (length <= 4 && packedData & mask == name) || (length <= 2 && packedID & mask == name)
        return begins ? .undecided : .ignored
    }
}
