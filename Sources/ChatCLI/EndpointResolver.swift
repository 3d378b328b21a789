import ChatClient
import ChatWire
import Foundation

/// Works out where to send chats from the flags and the environment (a pure function of both).
///
/// Order: `--url`, then `OPENAI_BASE_URL` / `OPENAI_API_BASE` (OpenAI format) or `ANTHROPIC_BASE_URL`; the key from
/// `--api-key`, then `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`. With no URL and no key at all, the built-in demo
/// server is the default (`useDemo`), so a fresh machine works with no account and no network.
struct EndpointResolver {
    struct Flags {
        var url: String?
        var provider: ChatProviderKind?
        var model: String?
        var apiKey: String?
        var method: String?
        var data: String?
        var demo: Bool
        var headers: [ChatHTTPHeader] = []
        var maxTokens: Int?
        var extraBody: [JSONValue.Member] = []
        var background = false
    }

    enum Resolution {
        /// Start the built-in server and talk to it in `provider`'s format (chat completions, Responses or plain SSE).
        case demo(model: String?, provider: ChatProviderKind, background: Bool)
        /// Talk to this endpoint.
        case remote(ChatEndpoint)
    }

    let flags: Flags
    let environment: [String: String]

    func resolve() throws -> Resolution {
        if flags.demo { return try demo() }
        let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let urlText = flags.url ?? inferredBaseURL(env)
        let onlyAnthropicKey = env("ANTHROPIC_API_KEY") != nil && env("OPENAI_API_KEY") == nil
        let provider =
            flags.provider ?? urlText.map(ChatProviderKind.inferred(fromURL:))
            ?? (onlyAnthropicKey ? .anthropic : .openai)
        let key = flags.apiKey ?? (provider == .anthropic ? env("ANTHROPIC_API_KEY") : env("OPENAI_API_KEY"))
        guard let urlText else {
            guard key != nil else { return try demo() }
            let base = Self.defaultBaseURL(for: provider)
            return .remote(try endpoint(provider: provider, url: base, key: key))
        }
        return .remote(try endpoint(provider: provider, url: urlText, key: key))
    }

    /// The built-in server, which speaks OpenAI chat completions, Responses and plain SSE; any other format asked
    /// for is a usage error rather than a silent switch to chat completions.
    private func demo() throws -> Resolution {
        let provider = flags.provider ?? .openai
        switch provider {
        case .openai, .responses, .sse:
            return .demo(model: flags.model, provider: provider, background: flags.background)
        case .anthropic, .gemini:
            throw CLIFailure(
                "the built-in demo server speaks openai, responses and sse, not \(provider.rawValue): "
                    + "give --url, or an API key, to use \(provider.rawValue)",
                status: .usage
            )
        }
    }

    private func inferredBaseURL(_ env: (String) -> String?) -> String? {
        if flags.provider == .anthropic { return env("ANTHROPIC_BASE_URL") }
        return env("OPENAI_BASE_URL") ?? env("OPENAI_API_BASE")
    }

    private func endpoint(provider: ChatProviderKind, url: String, key: String?) throws -> ChatEndpoint {
        guard let parsed = URL(string: url) ?? URL(string: Self.escapingPlaceholder(url)),
            let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme), parsed.host != nil
        else { throw CLIFailure("not an http(s) URL: \(url)", status: .usage) }
        let model = flags.model ?? Self.defaultModel(for: provider)
        return ChatEndpoint(
            provider: provider,
            baseURL: parsed,
            apiKey: key,
            model: model,
            method: flags.method,
            bodyTemplate: flags.data,
            extraHeaders: flags.headers,
            maxTokens: flags.maxTokens,
            extraBody: flags.extraBody,
            background: flags.background
        )
    }

    static func defaultModel(for provider: ChatProviderKind) -> String? {
        switch provider {
        case .openai, .responses: "gpt-4o-mini"
        case .anthropic: "claude-sonnet-4-5"
        case .gemini: "gemini-2.5-flash"
        case .sse: nil
        }
    }

    /// The vendor's server, for a key with no URL.
    static func defaultBaseURL(for provider: ChatProviderKind) -> String {
        switch provider {
        case .anthropic: "https://api.anthropic.com"
        case .gemini: GeminiWireFormat.defaultBaseURL
        case .openai, .responses, .sse: "https://api.openai.com/v1"
        }
    }

    private static func escapingPlaceholder(_ url: String) -> String {
        url.replacingOccurrences(of: "{prompt}", with: "%7Bprompt%7D")
    }
}
