/// The wire formats ssechat speaks.
package enum ChatProviderKind: String, Sendable, CaseIterable {
    /// OpenAI-compatible chat completions (OpenAI, DeepSeek, Ollama `/v1`, llama.cpp, vLLM, LM Studio,
    /// OpenRouter, Groq).
    case openai
    /// OpenAI Responses (`POST …/responses`); inferred only from a URL that names the `/responses` endpoint.
    case responses
    /// Anthropic Messages.
    case anthropic
    /// Google Gemini (`streamGenerateContent?alt=sse`).
    case gemini
    /// Hand-written SSE endpoints: a URL (a template when it holds `{prompt}`), raw text tokens in `data:` lines.
    case sse

    /// The wire format that speaks this kind.
    package var wireFormat: any ChatWireFormat {
        switch self {
        case .openai: OpenAIWireFormat()
        case .responses: ResponsesWireFormat()
        case .anthropic: AnthropicWireFormat()
        case .gemini: GeminiWireFormat()
        case .sse: PlainSSEWireFormat()
        }
    }

    /// The kind to use when the user named none: `sse` when the URL holds a `{prompt}` placeholder, `anthropic` for
    /// an anthropic.com URL, `gemini` for a googleapis.com one, `responses` when the URL's path ends in `/responses`
    /// (it names that endpoint), else `openai` (an api.openai.com base URL stays chat completions).
    /// - Parameter url: The URL as the user typed it (or as `URL.absoluteString` encoded it).
    /// - Returns: The inferred kind.
    package static func inferred(fromURL url: String) -> ChatProviderKind {
        if PlainSSEWireFormat.containsPromptPlaceholder(url) { return .sse }
        if url.lowercased().contains("anthropic.com") { return .anthropic }
        if url.lowercased().contains("googleapis.com") { return .gemini }
        var path = url.prefix { $0 != "?" && $0 != "#" }
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/responses") { return .responses }
        return .openai
    }
}
