import TestSupport

/// Generates JSON chunk texts for the fast-path/full-decoder equivalence tests: mostly the shapes servers send,
/// with random strings (escapes, surrogates, CJK, emoji, controls), key orders and whitespace, and a share of odd
/// or broken ones (nested values, duplicates, wrong types, truncation, invalid escapes).
struct ChunkGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    // MARK: Strings

    /// The contents of a JSON string literal (between its quotes); `invalid` allows pieces JSON forbids.
    mutating func stringContents(invalid: Bool = false) -> String {
        if random.chance(8) { return "" }
        var text = ""
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            text += piece(invalid: invalid && random.chance(15))
        }
        return text
    }

    private mutating func piece(invalid: Bool) -> String {
        if invalid {
            return random.pick(["\u{1}", "\t", "\n", "\\x", "\\u12G4", "\\U0041", "\\'", "\\ ", "\u{0}"])
        }
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1, 2:
            let letters = Array("abcdefXYZ 0189,.!?-_:;'<>{}[]#%&*+=|~`@^$()")
            return String((0..<Int.random(in: 1...12, using: &random)).map { _ in random.pick(letters) })
        case 3:
            return random.pick([#"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#])
        case 4:
            let value =
                random.chance(30)
                ? UInt32.random(in: 0...0xFF, using: &random) : UInt32.random(in: 0...0xFFFF, using: &random)
            let unit = (0xD800...0xDFFF).contains(value) ? value - 0x1000 : value
            return unicodeEscape(unit)
        case 5:
            let scalar = UInt32.random(in: 0x10000...0x10FFFF, using: &random)
            let high = 0xD800 + ((scalar - 0x10000) >> 10)
            let low = 0xDC00 + ((scalar - 0x10000) & 0x3FF)
            return unicodeEscape(high) + unicodeEscape(low)
        case 6:
            let high = UInt32.random(in: 0xD800...0xDBFF, using: &random)
            let low = UInt32.random(in: 0xDC00...0xDFFF, using: &random)
            return random.pick([
                unicodeEscape(high), unicodeEscape(low), unicodeEscape(high) + "\\u0041",
                unicodeEscape(high) + unicodeEscape(high) + unicodeEscape(low),
                unicodeEscape(low) + unicodeEscape(high),
                unicodeEscape(high) + "x",
            ])
        case 7:
            return random.pick(["中文", "日本語のテキスト", "한국어", "你好，世界"])
        case 8:
            return random.pick(["😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "e\u{301}", "ﬀ", "Ω"])
        default:
            return random.pick(["\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{FFFD}", "é"])
        }
    }

    private mutating func unicodeEscape(_ unit: UInt32) -> String {
        var hex = String(unit, radix: 16)
        hex = String(repeating: "0", count: 4 - hex.count) + hex
        let mixed = hex.map { random.chance(50) ? $0.uppercased() : String($0) }.joined()
        return "\\u" + mixed
    }

    mutating func string(invalid: Bool = false) -> String {
        "\"" + stringContents(invalid: invalid) + "\""
    }

    // MARK: Values and objects

    /// A value for a field the decoders skip.
    mutating func scalar() -> String {
        random.pick([
            string(), "null", "true", "false", "0", "-1", "1730000000", "3.25", "-0.5e-3", "1E+10",
            "12345678901234567890",
        ])
    }

    /// Whitespace, per the chunk's style.
    mutating func space(_ style: Int) -> String {
        switch style {
        case 0: ""
        case 1: random.chance(50) ? " " : ""
        default: random.pick(["", "", " ", "  ", "\n", "\t", "\r\n", " \n "])
        }
    }

    /// An object from members, in the given order or shuffled, with the chunk's whitespace style.
    mutating func object(_ members: [(String, String)], style: Int) -> String {
        var members = members
        if random.chance(25) { members.shuffle(using: &random) }
        let body = members.map { key, value in
            space(style) + "\"\(key)\"" + space(style) + ":" + (style == 1 ? " " : space(style)) + value + space(style)
        }
        return "{" + body.joined(separator: style == 1 ? ", " : ",") + (members.isEmpty ? space(style) : "") + "}"
    }

    // MARK: OpenAI

    /// A `chat.completion.chunk`, usually well formed.
    mutating func openAIChunk() -> String {
        let style = random.pick([0, 0, 0, 1, 2])
        var delta: [(String, String)] = []
        if random.chance(20) { delta.append(("role", random.pick(["\"assistant\"", "null"]))) }
        if random.chance(80) {
            delta.append(("content", random.chance(10) ? "null" : string(invalid: random.chance(3))))
        }
        if random.chance(25) { delta.append(("reasoning_content", random.chance(40) ? "null" : string())) }
        if random.chance(20) { delta.append(("reasoning", random.chance(40) ? "null" : string())) }
        if random.chance(5) { delta.append(("refusal", "null")) }
        if random.chance(3) {
            delta.append(("tool_calls", #"[{"index":0,"id":"call_1","function":{"arguments":""}}]"#))
        }
        if random.chance(2) { delta.append(("content", random.pick(["5", "[]", "{}"]))) }
        if random.chance(4), let first = delta.first { delta.append((first.0, string())) }

        var choice: [(String, String)] = []
        if random.chance(90) {
            choice.append(("index", random.chance(95) ? "0" : random.pick(["1", "0.0", "-0", "null", "\"0\""])))
        }
        choice.append(("delta", random.chance(3) ? random.pick(["null", "{}", "[]"]) : object(delta, style: style)))
        if random.chance(60) { choice.append(("logprobs", random.chance(95) ? "null" : #"{"content":[]}"#)) }
        if random.chance(80) {
            choice.append(
                (
                    "finish_reason",
                    random.chance(80) ? "null" : random.pick(["\"stop\"", "\"length\"", "\"\"", string()])
                )
            )
        }
        if random.chance(5) { choice.append(("native_finish_reason", random.pick(["null", "\"STOP\""]))) }

        let choiceText = object(choice, style: style)
        let choices: String
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<8: choices = "[" + space(style) + "]"
        case 8..<12: choices = "[" + choiceText + "," + openAIChoiceWithIndex(1) + "]"
        case 12..<14: choices = "null"
        default: choices = "[" + space(style) + choiceText + space(style) + "]"
        }

        var top: [(String, String)] = [
            ("id", "\"chatcmpl-" + stringContents() + "\""),
            ("object", random.chance(97) ? "\"chat.completion.chunk\"" : random.pick(["\"error\"", "5", "null"])),
            ("created", scalar()),
            ("model", string()),
        ]
        if random.chance(50) { top.append(("system_fingerprint", random.chance(80) ? string() : "null")) }
        top.append(("choices", choices))
        if random.chance(40) { top.append(("usage", "null")) }
        if random.chance(6) { top.append(("usage", #"{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}"#)) }
        if random.chance(3) { top.append(("error", #"{"message":"boom","type":"server_error","code":null}"#)) }
        if random.chance(2) { top.append(("error", "null")) }
        if random.chance(2) { top.append(("message", string())) }
        if random.chance(3) { top.append(("timings", #"{"predicted_n":3}"#)) }
        if random.chance(10) { top.append(("obfuscation", string())) }
        if random.chance(2) { top.append(("\\u0063hoices", "[]")) }
        var text = space(style) + object(top, style: style) + space(style)
        corrupt(&text)
        return text
    }

    private mutating func openAIChoiceWithIndex(_ index: Int) -> String {
        #"{"index":\#(index),"delta":{"content":\#(string())},"finish_reason":null}"#
    }

    // MARK: Anthropic

    /// A `content_block_delta` event's data, usually well formed.
    mutating func anthropicDelta() -> String {
        let style = random.pick([0, 0, 1, 2])
        var delta: [(String, String)] = []
        let type = random.pick([
            "\"text_delta\"", "\"text_delta\"", "\"thinking_delta\"", "\"signature_delta\"", "\"input_json_delta\"",
            "null",
            "\"text\\u005fdelta\"", "\"citations_delta\"",
        ])
        if random.chance(95) { delta.append(("type", type)) }
        if random.chance(70) { delta.append(("text", random.chance(10) ? "null" : string(invalid: random.chance(3)))) }
        if random.chance(30) { delta.append(("thinking", random.chance(10) ? "null" : string())) }
        if random.chance(10) { delta.append(("signature", string())) }
        if random.chance(10) { delta.append(("partial_json", string())) }
        if random.chance(3) { delta.append(("stop_reason", "\"end_turn\"")) }
        if random.chance(2) { delta.append(("citation", #"{"type":"x"}"#)) }
        if random.chance(4), let first = delta.first { delta.append((first.0, string())) }

        var top: [(String, String)] = [
            (
                "type",
                random.chance(95) ? "\"content_block_delta\"" : random.pick(["\"message_delta\"", "\"ping\"", "null"])
            ),
            ("index", random.pick(["0", "1", "2"])),
            ("delta", random.chance(3) ? random.pick(["null", "{}", "[]"]) : object(delta, style: style)),
        ]
        if random.chance(3) { top.append(("usage", #"{"output_tokens":3}"#)) }
        if random.chance(2) { top.append(("message", "null")) }
        var text = object(top, style: style)
        corrupt(&text)
        return text
    }

    // MARK: Responses

    /// A `response.output_text.delta` event's data, usually well formed.
    mutating func responsesTextDelta() -> String {
        let style = random.pick([0, 0, 0, 1, 2])
        var top: [(String, String)] = []
        if random.chance(97) {
            let odd = random.pick([
                "\"response.completed\"", "\"response.output_text.done\"", "null",
                "\"response.output_text\\u002edelta\"",
            ])
            top.append(("type", random.chance(93) ? "\"response.output_text.delta\"" : odd))
        }
        top.append(("item_id", "\"msg_" + stringContents() + "\""))
        top.append(("output_index", random.pick(["0", "1", "null"])))
        top.append(("content_index", random.pick(["0", "2"])))
        if random.chance(95) {
            let odd = random.pick(["null", "5", "[]", "{}"])
            top.append(("delta", random.chance(5) ? odd : string(invalid: random.chance(3))))
        }
        if random.chance(60) {
            let odd = random.pick(["null", #"[{"token":"a","logprob":-0.1,"top_logprobs":[]}]"#, "[ ]", "{}"])
            top.append(("logprobs", random.chance(80) ? "[]" : odd))
        }
        if random.chance(95) {
            let odd = random.pick(["-1", "4.0", "1e3", "null", "\"7\"", "12345678901234567890", "0"])
            top.append(
                ("sequence_number", random.chance(90) ? String(Int.random(in: 1...100_000, using: &random)) : odd)
            )
        }
        if random.chance(3) { top.append(("response", random.pick(["null", "{}", "5"]))) }
        if random.chance(3) { top.append(("obfuscation", string())) }
        if random.chance(3), let first = top.first { top.append((first.0, string())) }
        var text = space(style) + object(top, style: style) + space(style)
        corrupt(&text)
        return text
    }

    // MARK: Breakage

    /// Breaks the text now and then: truncation, garbage after it, a trailing comma, a flipped byte.
    mutating func corrupt(_ text: inout String) {
        guard random.chance(8) else { return }
        var bytes = Array(text.utf8)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: bytes.removeLast(Int.random(in: 1...min(bytes.count, 20), using: &random))
        case 1: bytes += Array(random.pick(["x", "}", ",", " [", "\u{FEFF}"]).utf8)
        case 2: if let close = bytes.lastIndex(of: UInt8(ascii: "}")) { bytes.insert(UInt8(ascii: ","), at: close) }
        case 3:
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] = random.pick(Array("{}[]\":,\\ n0".utf8))
        default: bytes = Array(random.pick(["", "[]", "\"text\"", "null", "42", "[{}]"]).utf8)
        }
        text = String(decoding: bytes, as: UTF8.self)
    }
}
