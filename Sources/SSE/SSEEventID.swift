/// A last event ID, as events and resume points carry it: held in place, with no heap allocation, when it is ASCII and
/// at most 31 bytes (what servers send: counters, hex digests, `reply-12345`), else as a `String`. A `String` is made
/// only when someone reads `string` — when it is sent as `Last-Event-ID`, or shown — not for every event, although
/// the id usually changes with every event.
///
/// Equal and hashed as its `string`.
package struct SSEEventID: Sendable, Hashable {
    /// The ASCII bytes in place, their count in the last byte; or any other id.
    private enum Storage: Sendable {
        case inline(UInt64, UInt64, UInt64, UInt64)
        case string(String)
    }

    /// The most bytes held in place.
    static let inlineCapacity = 31

    private var storage: Storage

    /// The empty id.
    package init() {
        storage = .inline(0, 0, 0, 0)
    }

    /// An id from its text.
    /// - Parameter string: The id.
    package init(_ string: String) {
        var string = string
        self = string.withUTF8 { SSEEventID(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// An id from the bytes of an `id:` field, decoded as UTF-8 with invalid bytes replaced (as `String(decoding:)`).
    /// - Parameter bytes: The field's value.
    init(utf8 bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= Self.inlineCapacity, Self.isASCII(bytes) else {
            storage = .string(String(decoding: bytes, as: UTF8.self))
            return
        }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            if let base = bytes.baseAddress { raw.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
            raw[Self.inlineCapacity] = UInt8(bytes.count)
        }
        storage = .inline(words.0, words.1, words.2, words.3)
    }

    /// The id's text.
    package var string: String {
        switch storage {
        case .string(let string):
            return string
        case .inline(let w0, let w1, let w2, let w3):
            return withUnsafeBytes(of: (w0, w1, w2, w3)) { raw in
                String(
                    decoding: UnsafeRawBufferPointer(rebasing: raw[0..<Int(raw[Self.inlineCapacity])]),
                    as: UTF8.self
                )
            }
        }
    }

    /// Whether the id is empty.
    package var isEmpty: Bool {
        switch storage {
        case .inline(let w0, let w1, let w2, let w3): w0 | w1 | w2 | w3 == 0  // no bytes, and a count of 0
        case .string(let string): string.isEmpty
        }
    }

    package static func == (lhs: SSEEventID, rhs: SSEEventID) -> Bool {
        // ASCII bytes in place are equal exactly when their strings are; anything else compares as `String` does.
        if case .inline(let a0, let a1, let a2, let a3) = lhs.storage,
            case .inline(let b0, let b1, let b2, let b3) = rhs.storage
        {
            return a0 == b0 && a1 == b1 && a2 == b2 && a3 == b3
        }
        return lhs.string == rhs.string
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }

    @inline(__always)
    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }
}
