import ChatWire

/// Every setting after precedence was applied, each with its source (`config show` lists them all).
package struct ResolvedSettings: Sendable, Equatable {
    /// The config file that was looked for, and whether it was there.
    package var configPath: Sourced<String>
    /// Whether the config file exists.
    package var configExists: Bool
    /// The selected profile, if any.
    package var profile: Sourced<String>?
    /// The wire format.
    package var provider: Sourced<ChatProviderKind>
    /// The server's URL; `nil` with no key either means the built-in demo server.
    package var url: Sourced<String>?
    /// The model; its source is `builtIn` for the provider's default.
    package var model: Sourced<String>?
    /// The system prompt, as text or a file to read.
    package var system: Sourced<SystemPrompt>?
    /// The API key (`.value`) or the command that prints it (`.command`); never `.variable`, which is looked up.
    package var apiKey: Sourced<KeySource>?
    /// Extra request headers, `[defaults]`'s first, a profile's replacing those of the same name.
    package var headers: [Sourced<ChatHTTPHeader>]
    /// The reply's token limit.
    package var maxTokens: Sourced<Int>?
    /// Other request-body members, merged like `headers`.
    package var bodyParameters: [Sourced<JSONValue.Member>]
    /// `auto`, `always` or `never`.
    package var markdown: Sourced<String>
    /// `auto`, `always` or `never`.
    package var color: Sourced<String>
    /// The smoothing rate, if any.
    package var pace: Sourced<Double>?
    /// Whether to print statistics.
    package var stats: Sourced<Bool>
    /// The idle timeout in seconds.
    package var timeout: Sourced<Double>
    /// The resume budget.
    package var maxReconnects: Sourced<Int>
    /// Whether a Responses reply runs in the background (kept by the server, resumable).
    package var background: Sourced<Bool>
    /// Whether each connection is opened ahead with an `OPTIONS` request (so URLSession does not spin while a
    /// reply waits).
    package var preconnect: Sourced<Bool>

    /// Creates resolved settings (`SettingsResolver.resolve()` makes them; tests may too).
    package init(
        configPath: Sourced<String>,
        configExists: Bool,
        profile: Sourced<String>?,
        provider: Sourced<ChatProviderKind>,
        url: Sourced<String>?,
        model: Sourced<String>?,
        system: Sourced<SystemPrompt>?,
        apiKey: Sourced<KeySource>?,
        headers: [Sourced<ChatHTTPHeader>],
        maxTokens: Sourced<Int>?,
        bodyParameters: [Sourced<JSONValue.Member>],
        markdown: Sourced<String>,
        color: Sourced<String>,
        pace: Sourced<Double>?,
        stats: Sourced<Bool>,
        timeout: Sourced<Double>,
        maxReconnects: Sourced<Int>,
        background: Sourced<Bool> = Sourced(false, from: .builtIn),
        preconnect: Sourced<Bool> = Sourced(true, from: .builtIn)
    ) {
        self.configPath = configPath
        self.configExists = configExists
        self.profile = profile
        self.provider = provider
        self.url = url
        self.model = model
        self.system = system
        self.apiKey = apiKey
        self.headers = headers
        self.maxTokens = maxTokens
        self.bodyParameters = bodyParameters
        self.markdown = markdown
        self.color = color
        self.pace = pace
        self.stats = stats
        self.timeout = timeout
        self.maxReconnects = maxReconnects
        self.background = background
        self.preconnect = preconnect
    }

    /// Whether chats go to the built-in demo server: no URL and no key from anywhere.
    package var usesDemoServer: Bool { url == nil && apiKey == nil }
}
