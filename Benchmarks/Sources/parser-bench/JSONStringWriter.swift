/// Appends strings as JSON string literals, the way servers write them.
enum JSONStringWriter {
    /// How non-ASCII characters are written.
    enum NonASCII: String, Sendable {
        /// As raw UTF-8 (OpenAI, vLLM, llama.cpp, Ollama).
        case raw
        /// As `\uXXXX` escapes, astral characters as surrogate pairs (Python's `json.dumps` default, `ensure_ascii`).
        case escaped
    }

    /// Appends `text` as a quoted JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, `\r` or
    /// `\u00XX`, non-ASCII as `nonASCII` says.
    /// - Parameters:
    ///   - text: The string's value.
    ///   - bytes: The buffer to append to.
    ///   - nonASCII: How to write non-ASCII characters.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8], nonASCII: NonASCII) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: bytes.append(contentsOf: #"\""#.utf8)
            case 0x5C: bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20: appendEscape(UInt16(scalar.value), to: &bytes)
            case 0x20..<0x80: bytes.append(UInt8(scalar.value))
            default:
                if nonASCII == .raw {
                    bytes.append(contentsOf: String(scalar).utf8)
                } else {
                    for unit in String(scalar).utf16 { appendEscape(unit, to: &bytes) }
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ unit: UInt16, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: #"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}
