import ChatWire

/// The settings one source gives: the flags, the continued conversation, the environment, a `[profiles.NAME]`
/// table or `[defaults]`. Each value carries its source; `nil` means this layer is silent on it.
package struct SettingsLayer: Sendable, Equatable {
    /// The wire format.
    package var provider: Sourced<ChatProviderKind>?
    /// The server's base URL (or plain-SSE URL template).
    package var url: Sourced<String>?
    /// The model name.
    package var model: Sourced<String>?
    /// The system prompt.
    package var system: Sourced<SystemPrompt>?
    /// Where the API key is.
    package var apiKey: Sourced<KeySource>?
    /// Extra request headers, in the order given.
    package var headers: [Sourced<ChatHTTPHeader>] = []
    /// The reply's token limit (`max_tokens`).
    package var maxTokens: Sourced<Int>?
    /// Other request-body members (`temperature`, `top_p`, `extra_body`'s members…), in the order given.
    package var bodyParameters: [Sourced<JSONValue.Member>] = []
    /// Markdown rendering: `auto`, `always` or `never`.
    package var markdown: Sourced<String>?
    /// Colour: `auto`, `always` or `never`.
    package var color: Sourced<String>?
    /// The typing rate streams are smoothed to, in characters per second.
    package var pace: Sourced<Double>?
    /// Whether to print statistics after a reply.
    package var stats: Sourced<Bool>?
    /// Seconds without a byte before a stream counts as stalled.
    package var timeout: Sourced<Double>?
    /// How many drops in a row a reply may be resumed after.
    package var maxReconnects: Sourced<Int>?
    /// Whether a Responses reply runs in the background, kept by the server and resumable (`--background`).
    package var background: Sourced<Bool>?
    /// Whether each connection is opened ahead with an `OPTIONS` request (`--no-preconnect` turns it off).
    package var preconnect: Sourced<Bool>?

    /// Creates a layer that is silent on everything.
    package init() {}
}
