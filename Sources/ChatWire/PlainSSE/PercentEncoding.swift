/// RFC 3986 percent-encoding that keeps only the unreserved characters (`A–Z a–z 0–9 - . _ ~`).
enum PercentEncoding {
    /// `text` with every byte of its UTF-8 outside the unreserved set written as `%XX` (upper-case hex); a space
    /// is `%20`, never `+`.
    /// - Parameter text: Any text.
    /// - Returns: The encoded text, safe in a URL path, a query value or a form body.
    static func encodeUnreserved(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
