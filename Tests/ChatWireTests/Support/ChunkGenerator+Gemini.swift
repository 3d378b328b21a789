import TestSupport

extension ChunkGenerator {
    /// A Gemini stream chunk, usually well formed: text and thought parts, usage counts, finish reasons, and now and
    /// then what the fast path must leave to the full decoder (safety ratings, function calls, several candidates or
    /// parts, errors, blocked prompts, odd types).
    mutating func geminiChunk() -> String {
        let style = random.pick([0, 0, 1, 2])
        var parts: [String] = []
        for _ in 0..<random.pick([1, 1, 1, 1, 1, 1, 2, 2, 0, 3]) {
            var part: [(String, String)] = []
            if random.chance(92) {
                part.append(("text", random.chance(5) ? "null" : string(invalid: random.chance(3))))
            }
            if random.chance(25) {
                let odd = random.pick(["1", "\"true\"", "{}"])
                part.append(("thought", random.chance(95) ? random.pick(["true", "true", "false", "null"]) : odd))
            }
            if random.chance(10) { part.append(("thoughtSignature", string())) }
            if random.chance(3) { part.append(("functionCall", #"{"name":"f","args":{}}"#)) }
            if random.chance(3), let first = part.first { part.append((first.0, string())) }
            parts.append(object(part, style: style))
        }
        var content: [(String, String)] = [("parts", "[" + parts.joined(separator: ",") + "]")]
        if random.chance(80) { content.append(("role", random.pick(["\"model\"", "null"]))) }
        var candidate: [(String, String)] = []
        if random.chance(95) {
            candidate.append(("content", random.chance(3) ? "null" : object(content, style: style)))
        }
        if random.chance(25) {
            let reasons = ["\"STOP\"", "\"MAX_TOKENS\"", "\"SAFETY\"", "\"\"", "null", "5", string()]
            candidate.append(("finishReason", random.pick(reasons)))
        }
        if random.chance(70) {
            candidate.append(("index", random.chance(90) ? "0" : random.pick(["1", "null", "0.0", "-0"])))
        }
        if random.chance(5) { candidate.append(("safetyRatings", #"[{"category":"X","probability":"LOW"}]"#)) }
        if random.chance(5) { candidate.append(("avgLogprobs", random.pick(["-0.25", "null"]))) }
        let candidates: String
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<5: candidates = "[]"
        case 5..<8: candidates = "[" + object(candidate, style: style) + "," + object(candidate, style: style) + "]"
        case 8..<10: candidates = "null"
        default: candidates = "[" + space(style) + object(candidate, style: style) + space(style) + "]"
        }
        var top: [(String, String)] = [("candidates", candidates)]
        if random.chance(70) {
            var usage: [(String, String)] = []
            for key in ["promptTokenCount", "candidatesTokenCount", "thoughtsTokenCount", "totalTokenCount"]
            where random.chance(60) {
                let odd = random.pick(["null", "1.5", "-3", "12345678901234567890", "\"7\"", "1e2"])
                usage.append((key, random.chance(95) ? random.pick(["0", "12", "4096", "1048576"]) : odd))
            }
            if random.chance(10) { usage.append(("cachedContentTokenCount", "3")) }
            if random.chance(20) {
                let details = [
                    #"[{"modality":"TEXT","tokenCount":8}]"#, "[]", #"[{"modality":"TEXT","tokenCount":8},{}]"#,
                    #"[{"modality":"TEXT","tokenCount":[8]}]"#, #"[{"modality":"TEXT",}]"#, #"[{"a":1},]"#, "[1]",
                    #"[{"modality":"IMAGE","tokenCount":null}, {"modality":"AUDIO","tokenCount":2.5}]"#,
                ]
                usage.append(("promptTokensDetails", random.pick(details)))
            }
            top.append(("usageMetadata", random.chance(5) ? "null" : object(usage, style: style)))
        }
        if random.chance(60) { top.append(("modelVersion", "\"gemini-2.5-flash\"")) }
        if random.chance(30) { top.append(("responseId", string())) }
        if random.chance(2) { top.append(("promptFeedback", #"{"blockReason":"SAFETY"}"#)) }
        if random.chance(2) {
            top.append(("error", #"{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED"}"#))
        }
        if random.chance(2) { top.append(("\\u0063andidates", "[]")) }
        var text = space(style) + object(top, style: style) + space(style)
        corrupt(&text)
        return text
    }
}
