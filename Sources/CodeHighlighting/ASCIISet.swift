/// A set of bytes, as two 64-bit masks for ASCII plus one flag for every byte from 0x80 up.
///
/// The lexers classify UTF-8 bytes; a non-ASCII byte is part of an identifier in every language that allows one,
/// so one flag covers the lead and continuation bytes of any non-ASCII character.
struct ASCIISet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var nonASCII = false

    /// A set of the given ASCII characters, plus every non-ASCII byte when `includingNonASCII`.
    init(_ characters: String, includingNonASCII: Bool = false) {
        nonASCII = includingNonASCII
        for byte in characters.utf8 { insert(byte) }
    }

    /// Letters and the underscore (and non-ASCII): where an identifier may start.
    static let identifierStart = ASCIISet(letters + "_", includingNonASCII: true)
    /// Letters, digits and the underscore (and non-ASCII): what an identifier may continue with.
    static let identifierContinue = ASCIISet(letters + digits + "_", includingNonASCII: true)
    /// ASCII letters and digits.
    static let alphanumerics = ASCIISet(letters + digits)

    static let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let digits = "0123456789"

    /// Whether `byte` is in the set.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return (low >> UInt64(byte)) & 1 == 1 }
        if byte < 128 { return (high >> UInt64(byte - 64)) & 1 == 1 }
        return nonASCII
    }

    /// The union of two sets.
    func union(_ other: ASCIISet) -> ASCIISet {
        var result = self
        result.low |= other.low
        result.high |= other.high
        result.nonASCII = result.nonASCII || other.nonASCII
        return result
    }

    private mutating func insert(_ byte: UInt8) {
        if byte < 64 {
            low |= 1 << UInt64(byte)
        } else if byte < 128 {
            high |= 1 << UInt64(byte - 64)
        }
    }
}
