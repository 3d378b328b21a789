/// Reads the common `chat.completion.chunk` shape straight from its bytes, with no JSON tree and no allocation but
/// the output strings (and the `Prefix` a stream's chunks share, which a chunk of another shape rebuilds).
///
/// ```
///  {"id":"…","object":"chat.completion.chunk",…,"choices":[{"index":0,"delta":{"content":"Hi"},
///   "logprobs":null,"finish_reason":null}],"usage":null}
///     top level:  choices → 0 or 1 choice   usage → null only   error, message → give up
///                 object → a string other than "error"          anything else → a skipped scalar
///     choice:     index → 0 only   delta → object   finish_reason → string|null   else → a skipped scalar
///     delta:      content, reasoning_content, reasoning → string|null               else → a skipped scalar
/// ```
/// Keys in any order, any JSON whitespace. Anything else (several choices, `tool_calls` or any nested container in
/// a skipped place, a usage object, an error, escaped or duplicate keys, trailing commas, invalid JSON) returns
/// `nil`, and the caller uses the full decoder, whose result this path must always equal.
enum OpenAIChunkFastPath {
    /// Where the strings of one chunk lie.
    struct Fields {
        var content: JSONStringSpan?
        var reasoningContent: JSONStringSpan?
        var reasoning: JSONStringSpan?
        var finishReason: JSONStringSpan?
    }

    /// Decodes a chunk if its shape is certain.
    /// - Parameters:
    ///   - bytes: The chunk's JSON text as UTF-8.
    ///   - prefix: The last accepted chunk's prefix: its template or its walk's state used when `bytes` starts with
    ///     it, replaced by this chunk's.
    ///   - emit: Called for each event, only once the whole chunk was validated.
    /// - Returns: Whether the chunk was decoded; `false` means "use the full decoder", and nothing was emitted.
    /// - Throws: Rethrows `emit`'s errors.
    static func decode(
        _ bytes: UnsafeRawBufferPointer,
        prefix: inout Prefix?,
        emit: (ChatEvent) throws -> Void
    ) rethrows -> Bool {
        var scanner = JSONFastScanner(bytes)
        switch prefix?.matchTemplate(&scanner) {
        case .text(let span):
            if !span.isEmpty { try emit(.text(scanner.string(span))) }
            return true
        case .reasoning(let span):
            if !span.isEmpty { try emit(.reasoning(scanner.string(span))) }
            return true
        case .otherTail:
            prefix?.stopTemplates()
        case .noMatch, nil:
            break
        }
        scanner = JSONFastScanner(bytes)
        guard let fields = scan(&scanner, prefix: &prefix) else { return false }
        let reasoning = nonEmpty(fields.reasoningContent) ?? nonEmpty(fields.reasoning)
        let finishReason = nonEmpty(fields.finishReason)
        if finishReason == nil, let (string, isReasoning) = soleString(fields), prefix?.starts(bytes) == true {
            // The next chunks most likely differ from this one in that string alone.
            prefix?.learnTemplate(bytes, string: string, isReasoning: isReasoning)
        }
        if let span = reasoning { try emit(.reasoning(scanner.string(span))) }
        if let span = nonEmpty(fields.content) { try emit(.text(scanner.string(span))) }
        if let span = finishReason { try emit(.finishReason(scanner.string(span))) }
        return true
    }

    /// Scans a whole chunk; `nil` when it is not of the certain shape.
    /// - Parameters:
    ///   - scanner: A scanner at the chunk's start.
    ///   - prefix: As for `decode`.
    static func scan(_ scanner: inout JSONFastScanner, prefix: inout Prefix?) -> Fields? {
        var walk = TopLevel()
        if prefix?.starts(scanner.bytes) == true, let (key, count, seen) = prefix.map({ ($0.key, $0.count, $0.seen) }) {
            walk.seen = seen
            walk.choices = (key, count, seen)  // the same prefix: nothing new to record
            scanner.skip(to: count)
            let scanned = scanner.scanObject(resumingAt: key) { scanner, key in walk.member(&scanner, key) }
            return scanned && scanner.isAtEnd() ? walk.fields : nil
        }
        let scanned = scanner.scanObject { scanner, key in walk.member(&scanner, key) }
        guard scanned, scanner.isAtEnd() else { return nil }
        if let choices = walk.choices {
            // Room for the whole chunk, so a template learnt from it needs no second allocation.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(scanner.bytes.count)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: scanner.bytes[..<choices.end]))
            prefix = Prefix(bytes: bytes, key: choices.key, seen: choices.seen) ?? prefix
        }
        return walk.fields
    }

    /// The walk of the top-level object: the keys seen, the fields found, and where `choices` began.
    private struct TopLevel {
        var fields = Fields()
        var seen = SeenKeys()
        var choices: (key: JSONStringSpan, end: Int, seen: SeenKeys)?

        /// Scans one member's value.
        @inline(__always)
        mutating func member(_ scanner: inout JSONFastScanner, _ key: JSONStringSpan) -> Bool {
            if scanner.span(key, is: "choices") {
                if choices == nil { choices = (key, scanner.position, seen) }
                return seen.insert(.choices) && scanChoices(&scanner, into: &fields)
            } else if scanner.span(key, is: "usage") {
                return seen.insert(.usage) && scanner.scanLiteral("null")
            } else if scanner.span(key, is: "object") {
                guard seen.insert(.object), let value = scanner.scanString() else { return false }
                return !value.hasEscapes && !scanner.span(value, is: "error")
            } else if scanner.span(key, is: "error") || scanner.span(key, is: "message") {
                return false
            }
            return scanner.skipScalar()
        }
    }

    /// `[]` or `[{choice}]`.
    fileprivate static func scanChoices(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        guard scanner.consume(UInt8(ascii: "[")) else { return false }
        if scanner.consume(UInt8(ascii: "]")) { return true }
        var seen = SeenKeys()
        let scanned = scanner.scanObject { scanner, key in
            if scanner.span(key, is: "delta") {
                return seen.insert(.delta) && scanDelta(&scanner, into: &fields)
            } else if scanner.span(key, is: "index") {
                guard seen.insert(.index), let number = scanner.scanNumber() else { return false }
                return scanner.range(number, is: "0")
            } else if scanner.span(key, is: "finish_reason") {
                guard seen.insert(.finishReason), let value = scanner.scanStringOrNull() else { return false }
                fields.finishReason = value
                return true
            }
            return scanner.skipScalar()
        }
        return scanned && scanner.consume(UInt8(ascii: "]"))
    }

    /// `{"content":…,"reasoning_content":…,"reasoning":…, other scalars}`.
    private static func scanDelta(_ scanner: inout JSONFastScanner, into fields: inout Fields) -> Bool {
        var seen = SeenKeys()
        return scanner.scanObject { scanner, key in
            if scanner.span(key, is: "content") {
                guard seen.insert(.content), let value = scanner.scanStringOrNull() else { return false }
                fields.content = value
            } else if scanner.span(key, is: "reasoning_content") {
                guard seen.insert(.reasoningContent), let value = scanner.scanStringOrNull() else { return false }
                fields.reasoningContent = value
            } else if scanner.span(key, is: "reasoning") {
                guard seen.insert(.reasoning), let value = scanner.scanStringOrNull() else { return false }
                fields.reasoning = value
            } else {
                return scanner.skipScalar()
            }
            return true
        }
    }

    /// The string that alone decides what a chunk says besides its finish reason, if one does: the text when no
    /// reasoning is said, or the one reasoning string when no text and no other reasoning is.
    private static func soleString(_ fields: Fields) -> (JSONStringSpan, isReasoning: Bool)? {
        let (content, reasoningContent, reasoning) = (fields.content, fields.reasoningContent, fields.reasoning)
        if let content, nonEmpty(reasoningContent) == nil, nonEmpty(reasoning) == nil { return (content, false) }
        guard nonEmpty(content) == nil else { return nil }
        if let reasoningContent, nonEmpty(reasoning) == nil { return (reasoningContent, true) }
        if let reasoning, nonEmpty(reasoningContent) == nil { return (reasoning, true) }
        return nil
    }

    @inline(__always)
    private static func nonEmpty(_ span: JSONStringSpan?) -> JSONStringSpan? {
        guard let span, !span.isEmpty else { return nil }
        return span
    }
}
