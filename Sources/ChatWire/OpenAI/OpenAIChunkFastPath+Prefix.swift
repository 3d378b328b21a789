#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension OpenAIChunkFastPath {
    /// What the last accepted chunk held before its `choices` value, and the walk's state there; and, when one string
    /// of that chunk alone decided what it said (its answer text, or its reasoning), the chunk around that string (its
    /// template).
    ///
    /// The chunks of one stream repeat their `id`, `object`, `created` and `model` byte for byte (about half of a
    /// typical chunk), so a chunk that starts with the same bytes resumes the walk there instead of scanning them
    /// again: the scan of those bytes depends on nothing else, and before `choices` no field is set.
    ///
    /// Most chunks of a reply are also the same bytes after their text (`"},"finish_reason":null}]}`): they differ
    /// only in the `content` string (or, while a model reasons, its `reasoning_content` or `reasoning` string). A
    /// chunk that matches the template's bytes before and after that string, with a valid string literal between, is
    /// the template's JSON with one string value replaced, so it decodes to that string alone, with no walk at all. Some servers vary the bytes after the text too (OpenAI's random
    /// `obfuscation` field): once a chunk matches the template up to its tail and then differs, no template is tried
    /// or kept again for chunks with this prefix, so such a stream pays one miss, not one per chunk.
    ///
    /// ```
    ///  {"id":"…","object":"…","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}
    ///  └──────────────── prefix: bytes[..<choicesEnd] ────────┘
    ///  └──────────────── template head: bytes[..<templateSplit] ─────────────────────────┘  └── template tail ───────────┘
    /// ```
    /// Kept small (one array and four 32-bit fields) so the decoder holding it still fits in an existential's inline
    /// buffer (three words): the reply driver's `any ChatStreamDecoder` then needs no heap box.
    struct Prefix {
        /// The bytes up to and including `"choices":`; with a template, the template's head then its tail instead.
        private(set) var bytes: [UInt8]
        /// The `choices` key's offset (a key with escapes is never accepted, so it ends 7 bytes later).
        private var keyStart: UInt32
        /// Where the `choices` value begins (after the `:`).
        private var choicesEnd: UInt32
        /// The template's head length, up to and including its string's opening quote, with `reasoningBit` set when
        /// that string is reasoning; 0 when there is no template, `templatesOff` when the stream's tails vary.
        private var templateSplit: UInt32 = 0
        private static let templatesOff = UInt32.max
        private static let reasoningBit: UInt32 = 1 << 31
        /// The top-level keys seen before `choices`.
        var seen: SeenKeys

        init?(bytes: [UInt8], key: JSONStringSpan, seen: SeenKeys) {
            guard let start = UInt32(exactly: key.start), let end = UInt32(exactly: bytes.count),
                key.end - key.start == 7
            else { return nil }
            self.bytes = bytes
            self.keyStart = start
            self.choicesEnd = end
            self.seen = seen
        }

        /// The `choices` key.
        var key: JSONStringSpan {
            JSONStringSpan(start: Int(keyStart), end: Int(keyStart) + 7, hasEscapes: false)
        }

        /// How many bytes the prefix holds: where the walk resumes.
        var count: Int { Int(choicesEnd) }

        /// Whether the prefix has a template.
        var hasTemplate: Bool { templateSplit != 0 && templateSplit != Self.templatesOff }

        /// What a chunk is to the template.
        enum TemplateMatch: Equatable {
            /// The template's bytes around this string, the answer text.
            case text(JSONStringSpan)
            /// The template's bytes around this string, the model's reasoning.
            case reasoning(JSONStringSpan)
            /// The template's bytes and a valid string, then other bytes: the stream's tails vary.
            case otherTail
            /// Anything else (or no template).
            case noMatch
        }

        /// Whether `chunk` starts with the prefix's bytes (and goes on after them).
        func starts(_ chunk: UnsafeRawBufferPointer) -> Bool {
            let count = self.count
            guard chunk.count > count, let base = chunk.baseAddress else { return false }
            return bytes.withUnsafeBytes { memcmp(base, $0.baseAddress!, count) == 0 }
        }

        /// Whether a chunk is the template with another string in its place.
        /// - Parameter scanner: A scanner at the chunk's start; moved on.
        /// - Returns: `.text` or `.reasoning` with the string's span when the chunk is the template's bytes around one
        ///   valid string literal; `.otherTail` when it is up to the string's end.
        func matchTemplate(_ scanner: inout JSONFastScanner) -> TemplateMatch {
            guard hasTemplate else { return .noMatch }
            let head = Int(templateSplit & ~Self.reasoningBit)
            let tail = bytes.count - head
            let chunk = scanner.bytes
            guard chunk.count > head, let base = chunk.baseAddress else { return .noMatch }
            let headMatches = bytes.withUnsafeBytes { memcmp(base, $0.baseAddress!, head) == 0 }
            guard headMatches else { return .noMatch }
            scanner.skip(to: head - 1)
            guard let span = scanner.scanString() else { return .noMatch }
            guard chunk.count - span.end == tail,
                bytes.withUnsafeBytes({ memcmp(base + span.end, $0.baseAddress! + head, tail) == 0 })
            else { return .otherTail }
            return templateSplit & Self.reasoningBit == 0 ? .text(span) : .reasoning(span)
        }

        /// Drops the template and keeps none for chunks with this prefix: their tails vary.
        mutating func stopTemplates() {
            bytes.removeSubrange(count...)
            templateSplit = Self.templatesOff
        }

        /// Makes `chunk` the template, around `string`, unless templates were stopped. The chunk must start with the
        /// prefix's bytes and have been accepted with that string alone deciding what it said.
        /// - Parameters:
        ///   - chunk: The chunk.
        ///   - string: The span of the string.
        ///   - isReasoning: Whether the string is reasoning (else the answer text).
        mutating func learnTemplate(_ chunk: UnsafeRawBufferPointer, string: JSONStringSpan, isReasoning: Bool) {
            guard templateSplit != Self.templatesOff, let split = UInt32(exactly: string.start),
                split < Self.reasoningBit, string.start > count
            else { return }
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<string.start]))
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[string.end...]))
            templateSplit = isReasoning ? split | Self.reasoningBit : split
        }
    }
}
