import Foundation

/// Everything a `DemoServer` can be told: where to listen, how the demo model paces its replies, how long replies
/// stay resumable, the optional API key, faults to inject, and an optional upstream to relay to.
package struct DemoServerConfiguration: Sendable {
    /// The address to bind: an IPv4 or IPv6 literal, or `localhost`. Loopback by default.
    package var host: String = "127.0.0.1"
    /// The port to bind; 0 picks a free one.
    package var port: UInt16 = 0
    /// How fast the demo model produces tokens; 0 is as fast as possible.
    package var tokensPerSecond: Double = 40
    /// Force every reply to exactly this many tokens (the content cycles); `nil` for the natural length.
    package var replyTokens: Int?
    /// The `retry:` value, in milliseconds, sent at the start of every stream.
    package var retryMilliseconds: Int = 1000
    /// Send a `: keep-alive` comment when a stream has been quiet this long.
    package var keepAliveInterval: Duration = .seconds(15)
    /// How long a finished reply's events stay available for `Last-Event-ID` resumes; also how long a reply
    /// keeps generating after its last client went away.
    package var retention: Duration = .seconds(300)
    /// When set, every request must carry `Authorization: Bearer <apiKey>`.
    package var apiKey: String?
    /// Faults to inject.
    package var faults: DemoFaults = .none
    /// When `false`, every event goes out as its own write (HTTP chunk) instead of being coalesced with the
    /// events that are ready at the same time.
    package var coalesce: Bool = true
    /// The OpenAI-compatible server to relay `/v1/chat/completions` to instead of the demo model (`DemoRelay`'s
    /// `UpstreamRelay`); `nil` for the demo model.
    package var upstream: (any DemoUpstream)?
    /// Which other origins' pages may use the server (`--cors-origin`); none by default.
    package var cors: CORSPolicy = .disabled
    /// The model name the demo model reports.
    package var modelName: String = DemoServerConfiguration.demoModelName
    /// The clock that paces tokens, keep-alives, stalls and retention.
    package var clock: any Clock<Duration> = ContinuousClock()
    /// Receives one line per notable server happening (never API keys or message text); `nil` logs nothing.
    package var log: (@Sendable (String) -> Void)?

    /// The name of the built-in demo model.
    package static let demoModelName = "ssechat-demo"

    /// Creates the default configuration: loopback, a free port, ~40 tokens a second, no faults.
    package init() {}

    /// Creates a configuration with the most used settings.
    /// - Parameters:
    ///   - host: The address to bind.
    ///   - port: The port to bind; 0 picks a free one.
    ///   - tokensPerSecond: Token pacing; 0 is as fast as possible.
    ///   - replyTokens: A forced reply length, or `nil`.
    ///   - faults: Faults to inject.
    package init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        tokensPerSecond: Double = 40,
        replyTokens: Int? = nil,
        faults: DemoFaults = .none
    ) {
        self.host = host
        self.port = port
        self.tokensPerSecond = tokensPerSecond
        self.replyTokens = replyTokens
        self.faults = faults
    }
}
