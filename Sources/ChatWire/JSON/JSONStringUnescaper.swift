#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes of a validated JSON string literal into its `String`, allocating only the result.
///
/// Escapes decode as RFC 8259 says; a surrogate pair `\uD83D\uDE00` becomes one scalar. Foundation refuses a lone
/// surrogate outright; ssechat instead makes each lone one U+FFFD (the full decoder repairs the text the same way
/// before handing it to Foundation, see `LoneSurrogateRepair`), so one odd escape does not lose a whole reply.
enum JSONStringUnescaper {
    /// The value of the literal at `span`, which `JSONFastScanner.scanString()` validated.
    /// - Parameters:
    ///   - bytes: The scanned bytes.
    ///   - span: Where the literal's contents lie.
    /// - Returns: The string's value.
    static func string(from bytes: UnsafeRawBufferPointer, span: JSONStringSpan) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.end])
        guard span.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        // Every escape is at least as long as its UTF-8 (`\uD83D\uDE00` is 12 bytes for 4), so `raw.count` is enough.
        return String(unsafeUninitializedCapacity: raw.count) { output in
            unescape(raw, into: output)
        }
    }

    /// Writes the unescaped bytes of `input` to `output`; returns how many were written.
    private static func unescape(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return 0 }
        var read = 0
        var written = 0
        let count = input.count
        while read < count {
            // Copy the run up to the next backslash in one go.
            let runEnd: Int
            if let hit = memchr(inBase + read, 0x5C, count - read) {
                runEnd = inBase.distance(to: UnsafeRawPointer(hit))
            } else {
                runEnd = count
            }
            if runEnd > read {
                (outBase + written).initialize(
                    from: (inBase + read).assumingMemoryBound(to: UInt8.self),
                    count: runEnd - read
                )
                written += runEnd - read
                read = runEnd
            }
            guard read < count else { break }
            let escape = input[read + 1]
            read += 2
            switch escape {
            case UInt8(ascii: "b"): output[written] = 0x08
            case UInt8(ascii: "f"): output[written] = 0x0C
            case UInt8(ascii: "n"): output[written] = 0x0A
            case UInt8(ascii: "r"): output[written] = 0x0D
            case UInt8(ascii: "t"): output[written] = 0x09
            case UInt8(ascii: "u"):
                let scalar = decodeUnicodeEscape(input, at: &read)
                written += writeUTF8(scalar, to: output, at: written)
                continue
            default: output[written] = escape  // " \ /
            }
            written += 1
        }
        return written
    }

    /// Decodes the `XXXX` of a `\uXXXX` at `offset` (just past the `u`) and, for a high surrogate, the low one that
    /// should follow; a surrogate without its partner is U+FFFD. Advances `offset` past what it used.
    @inline(__always)
    private static func decodeUnicodeEscape(_ input: UnsafeRawBufferPointer, at offset: inout Int) -> UInt32 {
        let unit = JSONFastScanner.hex4(input, at: offset) ?? 0xFFFD
        offset += 4
        switch unit {
        case 0xD800...0xDBFF:
            guard offset + 6 <= input.count, input[offset] == 0x5C, input[offset + 1] == UInt8(ascii: "u"),
                let low = JSONFastScanner.hex4(input, at: offset + 2), (0xDC00...0xDFFF).contains(low)
            else { return 0xFFFD }
            offset += 6
            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            return 0xFFFD
        default:
            return unit
        }
    }

    @inline(__always)
    private static func writeUTF8(_ scalar: UInt32, to output: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int
    {
        switch scalar {
        case 0..<0x80:
            output[index] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            output[index] = UInt8(0xC0 | scalar >> 6)
            output[index + 1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            output[index] = UInt8(0xE0 | scalar >> 12)
            output[index + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[index + 2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            output[index] = UInt8(0xF0 | scalar >> 18)
            output[index + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            output[index + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[index + 3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
