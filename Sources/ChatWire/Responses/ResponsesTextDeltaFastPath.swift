/// Reads the hot Responses event, `response.output_text.delta`, straight from its bytes.
///
/// ```
///  {"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi",
///   "logprobs":[],"sequence_number":4}
///     type → "response.output_text.delta" only      delta → string|null
///     sequence_number → digits only (no sign, fraction or exponent; at most 18)
///     logprobs → [] or null      response → give up      anything else → a skipped scalar
/// ```
/// Keys in any order, any JSON whitespace. Any other shape (a nested container, escaped or duplicate keys, another
/// type, invalid JSON) returns `nil`, and the caller uses the full decoder, whose result this path must equal.
enum ResponsesTextDeltaFastPath {
    /// What one delta event says.
    struct Delta: Equatable {
        /// The text (empty when the event carries none).
        var text: String
        /// The event's `sequence_number`, when it has one.
        var sequenceNumber: Int?
    }

    /// Reads a `response.output_text.delta` event if its shape is certain.
    /// - Parameter bytes: The event's JSON text as UTF-8.
    /// - Returns: The delta, or `nil` for "use the full decoder".
    static func scan(_ bytes: UnsafeRawBufferPointer) -> Delta? {
        var scanner = JSONFastScanner(bytes)
        var seen = SeenKeys()
        var text: JSONStringSpan?
        var sequenceNumber: Int?
        let scanned = scanner.scanObject { scanner, key in
            if scanner.span(key, is: "type") {
                guard seen.insert(.type), let value = scanner.scanString() else { return false }
                return scanner.span(value, is: "response.output_text.delta")
            } else if scanner.span(key, is: "delta") {
                guard seen.insert(.delta), let value = scanner.scanStringOrNull() else { return false }
                text = value
                return true
            } else if scanner.span(key, is: "sequence_number") {
                guard seen.insert(.sequenceNumber), let range = scanner.scanNumber(),
                    let number = integer(range, in: bytes)
                else { return false }
                sequenceNumber = number
                return true
            } else if scanner.span(key, is: "response") {
                return false
            } else if scanner.span(key, is: "logprobs") {
                return seen.insert(.logprobs) && scanEmptyArrayOrNull(&scanner)
            }
            return scanner.skipScalar()
        }
        // `type` must have been there (an empty object has none).
        guard scanned, scanner.isAtEnd(), !seen.insert(.type) else { return nil }
        return Delta(text: text.map { scanner.string($0) } ?? "", sequenceNumber: sequenceNumber)
    }

    /// `[]` or `null`.
    private static func scanEmptyArrayOrNull(_ scanner: inout JSONFastScanner) -> Bool {
        if scanner.scanLiteral("null") { return true }
        return scanner.consume(UInt8(ascii: "[")) && scanner.consume(UInt8(ascii: "]"))
    }

    /// The value of a number made of digits only, short enough never to overflow.
    private static func integer(_ range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Int? {
        guard range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
