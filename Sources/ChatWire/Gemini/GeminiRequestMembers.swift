/// Where the request parameters go in a Gemini request body.
///
/// Gemini takes its sampling parameters inside `generationConfig`, under its own names; the other formats take them
/// at the top level. So the settings' parameters are renamed and moved there:
///
/// | setting (`extraBody` member) | Gemini |
/// |---|---|
/// | `maxTokens` (`max_tokens`) | `generationConfig.maxOutputTokens` |
/// | `temperature`, `seed` | `generationConfig.temperature`, `.seed` |
/// | `top_p`, `top_k` | `generationConfig.topP`, `.topK` |
/// | `frequency_penalty`, `presence_penalty` | `generationConfig.frequencyPenalty`, `.presencePenalty` |
/// | `stop` (a string or strings) | `generationConfig.stopSequences` (always an array) |
/// | `reasoning_effort` | `generationConfig.thinkingConfig.thinkingLevel` (Gemini 3 models) |
/// | `generationConfig` / `generation_config` (an object) | its members, into `generationConfig` |
/// | `safetySettings`, `tools`, `toolConfig`, `cachedContent`, `labels` (or their snake_case names) | top level |
/// | `contents`, `systemInstruction` (the format's own) | skipped |
/// | anything else (`thinkingConfig`, `responseMimeType`…) | `generationConfig`, as named |
///
/// A name already placed is skipped, so the format's own `maxOutputTokens` wins, then the first of the rest.
enum GeminiRequestMembers {
    /// The request's top-level members after `contents` and `systemInstruction`: `generationConfig` (when it has
    /// any member) first, then the top-level extras.
    /// - Parameters:
    ///   - maxTokens: The reply's token limit.
    ///   - extraBody: The settings' request parameters and `extra_body` members.
    /// - Returns: The members.
    static func placed(maxTokens: Int?, extraBody: [JSONValue.Member]) -> [JSONValue.Member] {
        var config: [JSONValue.Member] = []
        var topLevel: [JSONValue.Member] = []
        var taken: Set<String> = []
        func add(_ member: JSONValue.Member, to list: inout [JSONValue.Member]) {
            if taken.insert(member.key).inserted { list.append(member) }
        }
        if let maxTokens { add(.init("maxOutputTokens", .int(maxTokens)), to: &config) }
        for member in extraBody {
            switch member.key {
            case "contents", "systemInstruction", "system_instruction":
                continue
            case "generationConfig", "generation_config":
                if case .object(let members) = member.value {
                    for inner in members { add(inner, to: &config) }
                }
            case let key where topLevelNames[key] != nil:
                add(.init(topLevelNames[key] ?? key, member.value), to: &topLevel)
            case "stop":
                let value: JSONValue = if case .string = member.value { .array([member.value]) } else { member.value }
                add(.init("stopSequences", value), to: &config)
            case "reasoning_effort":
                add(.init("thinkingConfig", .object([.init("thinkingLevel", member.value)])), to: &config)
            default:
                add(.init(renamed[member.key] ?? member.key, member.value), to: &config)
            }
        }
        var members: [JSONValue.Member] = []
        if !config.isEmpty { members.append(.init("generationConfig", .object(config))) }
        return members + topLevel
    }

    /// The settings' names of sampling parameters, and Gemini's.
    private static let renamed = [
        "max_tokens": "maxOutputTokens", "top_p": "topP", "top_k": "topK", "frequency_penalty": "frequencyPenalty",
        "presence_penalty": "presencePenalty",
    ]

    /// The top-level members of a `GenerateContentRequest` besides the format's own, by either spelling.
    private static let topLevelNames = [
        "safetySettings": "safetySettings", "safety_settings": "safetySettings", "tools": "tools",
        "toolConfig": "toolConfig", "tool_config": "toolConfig", "cachedContent": "cachedContent",
        "cached_content": "cachedContent", "labels": "labels",
    ]
}
