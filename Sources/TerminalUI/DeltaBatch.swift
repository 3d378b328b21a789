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
    /// (`SmallCopy`), not `Array.append(contentsOf:)` and a `memmove` call, which cost a third more per delta.
    @inline(__always)
    private mutating func append(utf8 source: UnsafeBufferPointer<UInt8>) {
        let start = count
        let end = start + source.count
        if bytes.count < end {
            bytes.append(contentsOf: repeatElement(0, count: max(end, 2 * bytes.count) - bytes.count))
        }
        bytes.withUnsafeMutableBufferPointer { room in SmallCopy.copy(source, to: room.baseAddress! + start) }
        count = end
    }
}

/// Copies of a few bytes without a call to `memmove`: up to `width` bytes as two overlapping loads and stores of a
/// word, a half-word or a byte, whatever the count.
private enum SmallCopy {
    /// The most bytes the word-sized moves copy; longer sources go through `update(from:count:)`.
    static let width = 16

    /// Copies `source` to `destination` (which has room for it).
    @inline(__always)
    static func copy(_ source: UnsafeBufferPointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>) {
        let count = source.count
        guard count > 0, let base = source.baseAddress else { return }
        let from = UnsafeRawPointer(base)
        let to = UnsafeMutableRawPointer(destination)
        switch count {
        case 8...width:
            move(UInt64.self, from, to, count)
        case 4..<8:
            move(UInt32.self, from, to, count)
        case 2..<4:
            move(UInt16.self, from, to, count)
        case 1:
            to.storeBytes(of: from.load(as: UInt8.self), as: UInt8.self)
        default:
            destination.update(from: base, count: count)
        }
    }

    /// The first and the last `Word` of `count` bytes (`Word`'s size ≤ `count` ≤ twice that), which overlap unless
    /// `count` is twice the size: all `count` bytes.
    @inline(__always)
    private static func move<Word: FixedWidthInteger>(
        _: Word.Type,
        _ from: UnsafeRawPointer,
        _ to: UnsafeMutableRawPointer,
        _ count: Int
    ) {
        let last = count - MemoryLayout<Word>.size
        let head = from.loadUnaligned(as: Word.self)
        let tail = from.loadUnaligned(fromByteOffset: last, as: Word.self)
        to.storeBytes(of: head, as: Word.self)
        to.storeBytes(of: tail, toByteOffset: last, as: Word.self)
    }
}
