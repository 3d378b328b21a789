/// Rewrites lone-surrogate escapes in JSON text as `\ufffd`, which Foundation's decoders otherwise refuse.
///
/// A `\uD800`–`\uDBFF` escape not followed by a `\uDC00`–`\uDFFF` escape, and a `\uDC00`–`\uDFFF` escape not preceded
/// by a high one, each become one `\ufffd`: the same result as `JSONStringUnescaper`, so the fast and full decoders
/// agree. Backslashes only occur inside JSON strings, so no string tracking is needed.
enum LoneSurrogateRepair {
    /// The repaired text, or `nil` when `json` holds no lone surrogate escape.
    /// - Parameter json: JSON text.
    /// - Returns: The text with each lone surrogate escape replaced, or `nil` when nothing changed.
    static func repair(_ json: String) -> String? {
        var bytes = Array(json.utf8)
        var changed = false
        var index = 0
        bytes.withUnsafeMutableBytes { buffer in
            let count = buffer.count
            while index < count {
                guard buffer[index] == 0x5C, index + 1 < count else {
                    index += 1
                    continue
                }
                guard buffer[index + 1] == UInt8(ascii: "u"), index + 6 <= count,
                    let unit = JSONFastScanner.hex4(UnsafeRawBufferPointer(buffer), at: index + 2)
                else {
                    index += 2
                    continue
                }
                switch unit {
                case 0xD800...0xDBFF:
                    if index + 12 <= count, buffer[index + 6] == 0x5C, buffer[index + 7] == UInt8(ascii: "u"),
                        let low = JSONFastScanner.hex4(UnsafeRawBufferPointer(buffer), at: index + 8),
                        (0xDC00...0xDFFF).contains(low)
                    {
                        index += 12
                    } else {
                        replacementCharacter(in: buffer, at: index)
                        changed = true
                        index += 6
                    }
                case 0xDC00...0xDFFF:
                    replacementCharacter(in: buffer, at: index)
                    changed = true
                    index += 6
                default:
                    index += 6
                }
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Overwrites the six bytes of the `\uXXXX` escape at `index` with `\ufffd`.
    private static func replacementCharacter(in buffer: UnsafeMutableRawBufferPointer, at index: Int) {
        for (offset, byte) in "\\ufffd".utf8.enumerated() {
            buffer[index + offset] = byte
        }
    }
}
