/// The answer's deltas given since the renderer last typeset, kept to be typeset as one: a network read's worth of
/// token-sized deltas then costs one typesetting entry, not one per delta (the output does not depend on how the text
/// is cut).
struct DeltaBatch: Sendable {
    /// The deltas' UTF-8: the first `count` bytes; the rest is room (kept from batch to batch).
    private var bytes: [UInt8] = []
    private var count = 0
    /// Whether a delta, even an empty one, was added since the batch was last emptied.
    private(set) var hasDeltas = false

    /// Adds a delta, its UTF-8 read in place (a small `String`'s bytes on the stack).
    @inline(__always)
    mutating func append(_ delta: String) {
        hasDeltas = true
        if delta.utf8.withContiguousStorageIfAvailable({ append(utf8: $0) }) == nil {
            var delta = delta
            delta.withUTF8 { append(utf8: $0) }
        }
    }

    /// Calls `body` with the UTF-8 of the batch's deltas (valid: from `String`s).
    func withUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Empties the batch.
    mutating func removeAll() {
        hasDeltas = false
        count = 0
    }

    /// Appends bytes into the room kept after the batch's: a token-sized delta with a few word-sized moves
    /// (`initialize(shortCopyOf:)`), not `Array.append(contentsOf:)` and a `memmove` call, which cost a third more per
    /// delta.
    @inline(__always)
    private mutating func append(utf8 source: UnsafeBufferPointer<UInt8>) {
        let start = count
        let end = start + source.count
        if bytes.count < end {
            bytes.append(contentsOf: repeatElement(0, count: max(end, 2 * bytes.count) - bytes.count))
        }
        bytes.withUnsafeMutableBufferPointer { room in (room.baseAddress! + start).initialize(shortCopyOf: source) }
        count = end
    }
}
