/// JSON string literals for JSON text built by hand (request bodies, the demo server's chunks, `--json` and
/// `ssechat events` lines), where a `JSONEncoder` run per value would cost too much or reorder keys.
///
/// ```
///  "  →  \"        \  →  \\        LF → \n   CR → \r   TAB → \t   BS → \b   FF → \f
///  other U+0000…U+001F  →  \u00XX (lowercase hex)       everything else, `/` and DEL included: as is (UTF-8)
/// ```
package enum JSONString {
    /// Appends `text` as a JSON string literal, quotes included.
    /// - Parameters:
    ///   - text: Any text.
    ///   - bytes: The UTF-8 buffer to append to.
    package static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, quotes included.
    /// - Parameter text: Any text.
    /// - Returns: The literal.
    package static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// The contents of a JSON string literal for `text`, without the quotes.
    /// - Parameter text: Any text.
    /// - Returns: The text with `"`, `\` and control characters escaped; `text` itself when nothing needs escaping.
    package static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the contents of a JSON string literal for `text`, without the quotes.
    /// - Parameters:
    ///   - text: Any text.
    ///   - bytes: The UTF-8 buffer to append to.
    package static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
