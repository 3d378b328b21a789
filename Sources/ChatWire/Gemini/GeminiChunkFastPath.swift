/// Reads the common Gemini stream chunk straight from its bytes, with no JSON tree and no allocation but the output
/// strings.
///
/// ```
///  {"candidates":[{"content":{"parts":[{"text":"Hel"}],"role":"model"},"index":0}],
///   "usageMetadata":{"promptTokenCount":9,"totalTokenCount":9},"modelVersion":"gemini-2.5-flash"}
///     top level:  candidates → [] or [candidate]   usageMetadata → object|null
///                 error, promptFeedback → give up   anything else → a skipped scalar
///     candidate:  content → {parts: [1 or 2 parts], other scalars}   index → 0|null   finishReason → string|null
///                 anything else → a skipped scalar
///     part:       text → string|null   thought → true|false|null   anything else → a skipped scalar
///     usage:      promptTokenCount, candidatesTokenCount, thoughtsTokenCount, totalTokenCount → 0…(10^18-1)|null
///                 anything else → a skipped scalar, or an array of objects of scalars (promptTokensDetails)
/// ```
/// Keys in any order, any JSON whitespace. Anything else (several candidates, more parts, a nested value in a
/// skipped place such as `safetyRatings` or `functionCall`, escaped or duplicate keys, invalid JSON) returns `false`,
/// and the caller uses the full decoder, whose result this path must always equal.
enum GeminiChunkFastPath {
    /// One part: where its text lies, and whether it is a thought.
    private struct Part {
        var text: JSONStringSpan?
        var thought = false
    }

    /// Where the strings and counts of one chunk lie.
    private struct Fields {
        var first = Part()
        var second = Part()
        var partCount = 0
        var finishReason: JSONStringSpan?
        var prompt: Int?
        var candidates: Int?
        var thoughts: Int?
        var total: Int?
    }

    /// Decodes a chunk if its shape is certain.
    /// - Parameters:
    ///   - bytes: The chunk's JSON text as UTF-8.
    ///   - usage: The stream's latest usage report; replaced by the chunk's, if it has one.
    ///   - emit: Called for each event, only once the whole chunk was validated.
    /// - Returns: Whether the chunk was decoded; `false` means "use the full decoder": nothing was emitted and
    ///   `usage` is unchanged.
    /// - Throws: Rethrows `emit`'s errors.
    static func decode(
        _ bytes: UnsafeRawBufferPointer,
        usage: inout ChatUsage?,
        emit: (ChatEvent) throws -> Void
    ) rethrows -> Bool {
        var scanner = JSONFastScanner(bytes)
        var fields = Fields()
        guard scan(&scanner, into: &fields) else { return false }
        GeminiChunk.update(
            &usage,
            prompt: fields.prompt,
            candidates: fields.candidates,
            thoughts: fields.thoughts,
            total: fields.total
        )
        if fields.partCount > 0 { try emitPart(fields.first, scanner, emit) }
        if fields.partCount > 1 { try emitPart(fields.second, scanner, emit) }
        if let span = fields.finishReason, !span.isEmpty {
            try GeminiChunk.finish(reason: scanner.string(span), usage: usage, emit: emit)
        }
        return true
    }

    @inline(__always)
    private static func emitPart(
        _ part: Part,
        _ scanner: JSONFastScanner,
        _ emit: (ChatEvent) throws -> Void
    ) rethrows {
        guard let span = part.text, !span.isEmpty else { return }
        let text = scanner.string(span)
        try emit(part.thought ? .reasoning(text) : .text(text))
    }

    private static func scan(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        var seen = SeenKeys()
        let scanned = scanner.scanObject { scanner, key in
            if scanner.span(key, is: "candidates") {
                return seen.insert(.candidates) && scanCandidates(&scanner, into: &fields)
            } else if scanner.span(key, is: "usageMetadata") {
                return seen.insert(.usageMetadata) && scanUsage(&scanner, into: &fields)
            } else if scanner.span(key, is: "error") || scanner.span(key, is: "promptFeedback") {
                return false
            }
            return scanner.skipScalar()
        }
        return scanned && scanner.isAtEnd()
    }

    /// `[]` or `[{candidate}]`.
    private static func scanCandidates(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        guard scanner.consume(UInt8(ascii: "[")) else { return false }
        if scanner.consume(UInt8(ascii: "]")) { return true }
        var seen = SeenKeys()
        let scanned = scanner.scanObject { scanner, key in
            if scanner.span(key, is: "content") {
                return seen.insert(.content) && scanContent(&scanner, into: &fields)
            } else if scanner.span(key, is: "finishReason") {
                guard seen.insert(.finishReason), let value = scanner.scanStringOrNull() else { return false }
                fields.finishReason = value
                return true
            } else if scanner.span(key, is: "index") {
                guard seen.insert(.index) else { return false }
                if scanner.scanLiteral("null") { return true }
                guard let number = scanner.scanNumber() else { return false }
                return scanner.range(number, is: "0")
            }
            return scanner.skipScalar()
        }
        return scanned && scanner.consume(UInt8(ascii: "]"))
    }

    /// `{"parts":[…], other scalars}`.
    private static func scanContent(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        var seen = SeenKeys()
        return scanner.scanObject { scanner, key in
            guard scanner.span(key, is: "parts") else { return scanner.skipScalar() }
            return seen.insert(.parts) && scanParts(&scanner, into: &fields)
        }
    }

    /// `[]`, `[{part}]` or `[{part},{part}]`.
    private static func scanParts(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        guard scanner.consume(UInt8(ascii: "[")) else { return false }
        if scanner.consume(UInt8(ascii: "]")) { return true }
        repeat {
            guard fields.partCount < 2, let part = scanPart(&scanner) else { return false }
            if fields.partCount == 0 { fields.first = part } else { fields.second = part }
            fields.partCount += 1
        } while scanner.consume(UInt8(ascii: ","))
        return scanner.consume(UInt8(ascii: "]"))
    }

    /// `{"text":…,"thought":…, other scalars}`.
    private static func scanPart(_ scanner: inout JSONFastScanner) -> Part? {
        var part = Part()
        var seen = SeenKeys()
        let scanned = scanner.scanObject { scanner, key in
            if scanner.span(key, is: "text") {
                guard seen.insert(.text), let value = scanner.scanStringOrNull() else { return false }
                part.text = value
                return true
            } else if scanner.span(key, is: "thought") {
                guard seen.insert(.thought) else { return false }
                if scanner.scanLiteral("true") {
                    part.thought = true
                    return true
                }
                return scanner.scanLiteral("false") || scanner.scanLiteral("null")
            }
            return scanner.skipScalar()
        }
        return scanned ? part : nil
    }

    /// `null` or `{"promptTokenCount":…, …}`.
    private static func scanUsage(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        if scanner.scanLiteral("null") { return true }
        var seen = SeenKeys()
        return scanner.scanObject { scanner, key in
            let slot: WritableKeyPath<Fields, Int?>
            let name: SeenKeys.Key
            if scanner.span(key, is: "promptTokenCount") {
                (slot, name) = (\.prompt, .promptTokenCount)
            } else if scanner.span(key, is: "candidatesTokenCount") {
                (slot, name) = (\.candidates, .candidatesTokenCount)
            } else if scanner.span(key, is: "thoughtsTokenCount") {
                (slot, name) = (\.thoughts, .thoughtsTokenCount)
            } else if scanner.span(key, is: "totalTokenCount") {
                (slot, name) = (\.total, .totalTokenCount)
            } else {
                return scanner.peek() == UInt8(ascii: "[") ? skipFlatObjects(&scanner) : scanner.skipScalar()
            }
            guard seen.insert(name) else { return false }
            if scanner.scanLiteral("null") { return true }
            guard let count = scanCount(&scanner) else { return false }
            fields[keyPath: slot] = count
            return true
        }
    }

    /// Skips `[{"modality":"TEXT","tokenCount":8},…]`: an array of objects whose members are all scalars (the
    /// usage's `promptTokensDetails` and the like, which the full decoder ignores).
    private static func skipFlatObjects(_ scanner: inout JSONFastScanner) -> Bool {
        guard scanner.consume(UInt8(ascii: "[")) else { return false }
        if scanner.consume(UInt8(ascii: "]")) { return true }
        repeat {
            guard scanner.consume(UInt8(ascii: "{")) else { return false }
            if scanner.consume(UInt8(ascii: "}")) { continue }
            repeat {
                guard scanner.scanString() != nil, scanner.consume(UInt8(ascii: ":")), scanner.skipScalar() else {
                    return false
                }
            } while scanner.consume(UInt8(ascii: ","))
            guard scanner.consume(UInt8(ascii: "}")) else { return false }
        } while scanner.consume(UInt8(ascii: ","))
        return scanner.consume(UInt8(ascii: "]"))
    }

    /// A token count: 1 to 18 plain digits, no sign, fraction or exponent (whatever else is left to Foundation).
    private static func scanCount(_ scanner: inout JSONFastScanner) -> Int? {
        guard let range = scanner.scanNumber(), range.count <= 18 else { return nil }
        var value = 0
        for offset in range {
            let digit = scanner.bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
