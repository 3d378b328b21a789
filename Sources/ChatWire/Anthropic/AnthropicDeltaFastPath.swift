/// Reads the common Anthropic `content_block_delta` event straight from its bytes.
///
/// ```
///  {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}       → .text("Hi")
///  {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"…"}} → .reasoning("…")
///     top level:  type → "content_block_delta" only   delta → object
///                 message, content_block, usage, error → give up   anything else → a skipped scalar
///     delta:      type → string   text, thinking → string|null   stop_reason → give up   else → a skipped scalar
/// ```
/// Any other shape returns `nil` and the caller uses the full decoder, whose result this path must always equal.
enum AnthropicDeltaFastPath {
    /// Decodes a `content_block_delta` event if its shape is certain.
    /// - Parameters:
    ///   - bytes: The event's JSON text as UTF-8.
    ///   - emit: Called for each event, only once the whole event was validated.
    /// - Returns: Whether the event was decoded; `false` means "use the full decoder", and nothing was emitted.
    /// - Throws: Rethrows `emit`'s errors.
    static func decode(_ bytes: UnsafeRawBufferPointer, emit: (ChatEvent) throws -> Void) rethrows -> Bool {
        var scanner = JSONFastScanner(bytes)
        guard let delta = scan(&scanner) else { return false }
        if let type = delta.type {
            if scanner.span(type, is: "text_delta"), let text = delta.text, !text.isEmpty {
                try emit(.text(scanner.string(text)))
            } else if scanner.span(type, is: "thinking_delta"), let thinking = delta.thinking, !thinking.isEmpty {
                try emit(.reasoning(scanner.string(thinking)))
            }
        }
        return true
    }

    /// Where the strings of one delta lie.
    private struct Fields {
        var type: JSONStringSpan?
        var text: JSONStringSpan?
        var thinking: JSONStringSpan?
    }

    private static func scan(_ scanner: inout JSONFastScanner) -> Fields? {
        var fields = Fields()
        var seen = SeenKeys()
        var isDelta = false
        let scanned = scanner.scanObject { scanner, key in
            if scanner.span(key, is: "type") {
                guard seen.insert(.type), let value = scanner.scanString(),
                    scanner.span(value, is: "content_block_delta")
                else { return false }
                isDelta = true
                return true
            } else if scanner.span(key, is: "delta") {
                return seen.insert(.delta) && scanDelta(&scanner, into: &fields)
            } else if scanner.span(key, is: "message") || scanner.span(key, is: "content_block")
                || scanner.span(key, is: "usage") || scanner.span(key, is: "error")
            {
                return false
            }
            return scanner.skipScalar()
        }
        // An empty object has no type, so it is no delta either.
        guard scanned, scanner.isAtEnd(), isDelta else { return nil }
        return fields
    }

    private static func scanDelta(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        var seen = SeenKeys()
        return scanner.scanObject { scanner, key in
            if scanner.span(key, is: "type") {
                guard seen.insert(.type), let value = scanner.scanStringOrNull(), value?.hasEscapes != true else {
                    return false
                }
                fields.type = value
            } else if scanner.span(key, is: "text") {
                guard seen.insert(.text), let value = scanner.scanStringOrNull() else { return false }
                fields.text = value
            } else if scanner.span(key, is: "thinking") {
                guard seen.insert(.thinking), let value = scanner.scanStringOrNull() else { return false }
                fields.thinking = value
            } else if scanner.span(key, is: "stop_reason") {
                return false
            } else {
                return scanner.skipScalar()
            }
            return true
        }
    }
}
