import Foundation

/// A JSON value to send, with object keys kept in the order given, so request bodies are stable and readable.
package enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    /// A finite number; a non-finite one (which JSON cannot carry) is written as `null`.
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([Member])

    /// One key/value pair of an object.
    package struct Member: Sendable, Equatable {
        package var key: String
        package var value: JSONValue

        /// Creates a member.
        /// - Parameters:
        ///   - key: The member's name.
        ///   - value: Its value.
        package init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The compact UTF-8 serialisation (no insignificant whitespace, `/` not escaped).
    package func serialized() -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        write(into: &bytes)
        return Data(bytes)
    }

    private func write(into bytes: inout [UInt8]) {
        switch self {
        case .string(let string):
            bytes.append(UInt8(ascii: "\""))
            Self.appendEscaped(string, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .int(let value):
            bytes.append(contentsOf: String(value).utf8)
        case .double(let value):
            bytes.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        case .bool(let value):
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                element.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.string(member.key).write(into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The contents of a JSON string literal for `string`, without the quotes.
    /// - Parameter string: Any text.
    /// - Returns: The text with `"`, `\` and control characters escaped.
    static func escapedContents(of string: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        appendEscaped(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendEscaped(_ string: String, to bytes: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in string.utf8 {
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
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }
}
