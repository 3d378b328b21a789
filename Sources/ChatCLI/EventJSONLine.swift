import SSE

/// Encodes a dispatched event as the one-line JSON object `ssechat events` prints:
/// `{"type":"message","data":"…","id":"…"}` (keys in that order, UTF-8, control characters escaped).
package enum EventJSONLine {
    /// The JSON line for `event`, ending in a newline.
    package static func encode(_ event: ServerSentEvent) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(event.data.utf8.count + event.type.utf8.count + event.lastEventID.utf8.count + 32)
        out.append(contentsOf: #"{"type":"#.utf8)
        appendString(event.type, to: &out)
        out.append(contentsOf: #","data":"#.utf8)
        appendString(event.data, to: &out)
        out.append(contentsOf: #","id":"#.utf8)
        appendString(event.lastEventID, to: &out)
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// Appends `text` as a JSON string literal.
    package static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
