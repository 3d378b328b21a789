import ChatWire
import Foundation

/// A value read from the config file, independent of the TOML library that parsed it.
package indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])
    /// A table, its keys in the parser's order.
    case table([(key: String, value: ConfigValue)])
    /// A date, time or date-time, kept as its TOML text; no setting takes one.
    case dateTime(String)

    package static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.float(let a), .float(let b)): a == b || (a.isNaN && b.isNaN)
        case (.bool(let a), .bool(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.table(let a), .table(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        case (.dateTime(let a), .dateTime(let b)): a == b
        default: false
        }
    }

    /// The TOML type's name, for "expected a string, found an integer" messages.
    package var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .bool: "a boolean"
        case .array: "an array"
        case .table: "a table"
        case .dateTime: "a date or time"
        }
    }

    /// A number as a `Double`: a float, or an integer.
    package var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    /// The JSON value for a request body; `nil` for a date or time, which JSON has no type for, and for a float
    /// that is not finite.
    package var json: JSONValue? {
        switch self {
        case .string(let value): return .string(value)
        case .integer(let value): return .int(value)
        case .float(let value): return value.isFinite ? .double(value) : nil
        case .bool(let value): return .bool(value)
        case .array(let values):
            var elements: [JSONValue] = []
            for value in values {
                guard let element = value.json else { return nil }
                elements.append(element)
            }
            return .array(elements)
        case .table(let members):
            var object: [JSONValue.Member] = []
            for member in members {
                guard let value = member.value.json else { return nil }
                object.append(.init(member.key, value))
            }
            return .object(object)
        case .dateTime: return nil
        }
    }

    /// A short rendering for `config show`: strings quoted, tables and arrays in TOML's inline form.
    package var displayText: String {
        switch self {
        case .string(let value): return "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .integer(let value): return String(value)
        case .float(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .array(let values): return "[" + values.map(\.displayText).joined(separator: ", ") + "]"
        case .table(let members):
            return "{ " + members.map { "\($0.key) = \($0.value.displayText)" }.joined(separator: ", ") + " }"
        case .dateTime(let text): return text
        }
    }
}
