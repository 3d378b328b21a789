/// The answer's deltas given since the renderer last typeset, kept to be typeset as one: a network read's worth of
/// token-sized deltas then costs one typesetting entry, not one per delta (the output does not depend on how the text
/// is cut). A delta alone, as a slow stream gives them, is kept as it came and never copied; more are joined as UTF-8.
struct DeltaBatch: Sendable {
    /// The first delta since the batch was last emptied, as it came.
    private var first: String?
    /// The deltas' UTF-8 once there are two or more (its capacity kept from batch to batch).
    private var joined: [UInt8] = []

    /// Whether no delta has been added since the batch was last emptied.
    var isEmpty: Bool { first == nil }

    /// Adds a delta.
    @inline(__always)
    mutating func append(_ delta: String) {
        guard let first else {
            first = delta
            return
        }
        if joined.isEmpty { Self.copy(first, into: &joined) }
        Self.copy(delta, into: &joined)
    }

    /// The batch's only delta, when it has one delta.
    var single: String? { joined.isEmpty ? first : nil }

    /// Calls `body` with the UTF-8 of the batch's deltas (valid: from `String`s) when it has more than one.
    func withJoinedUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !joined.isEmpty { joined.withUnsafeBufferPointer(body) }
    }

    /// Empties the batch.
    mutating func removeAll() {
        first = nil
        if !joined.isEmpty { joined.removeAll(keepingCapacity: true) }  // (on an empty array it allocates)
    }

    /// Appends a delta's UTF-8 in place (a small `String`'s bytes on the stack), not through the UTF-8 view's
    /// iterator, which costs half as much again per token-sized delta.
    private static func copy(_ delta: String, into bytes: inout [UInt8]) {
        if delta.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: delta.utf8)
        }
    }
}
