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
            JSONString.append(string, to: &bytes)
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
}
