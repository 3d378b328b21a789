/// Hand-built JSON text: string escaping, for the chunks the server builds by concatenation instead of
/// `JSONEncoder` (one chunk per token must be cheap).
enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// `text` escaped for use inside a JSON string literal (no quotes added): `"`, `\` and control characters.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An OpenAI-style error body: `{"error":{"message":…,"type":…,"param":null,"code":…}}`.
    /// - Parameters:
    ///   - message: One readable sentence.
    ///   - type: The error type, e.g. `invalid_request_error`.
    ///   - code: A machine-readable code, or `nil`.
    static func errorBody(message: String, type: String, code: String? = nil) -> String {
        let code = code.map(quoted) ?? "null"
        return #"{"error":{"message":\#(quoted(message)),"type":\#(quoted(type)),"param":null,"code":\#(code)}}"#
    }
}
