import ArgumentParser
import ChatWire
import Settings
import TerminalUI

/// The flags that take part in settings precedence, shared by `ssechat` and `ssechat config show`.
///
/// An option left out is `nil`, so a lower layer (environment, profile, `[defaults]`) may set it.
package struct SettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The config file (default: $XDG_CONFIG_HOME/ssechat/config.toml).", valueName: "FILE"))
    var config: String?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The config file's profile to use (else SSECHAT_PROFILE, else default_profile).",
            valueName: "NAME"
        )
    )
    var profile: String?

    @Option(name: [.short, .long], help: "The server's base URL (OpenAI: …/v1; plain SSE: a URL with {prompt}).")
    var url: String?

    @Option(name: [.short, .long], help: "The model name.")
    var model: String?

    @Option(help: "A system prompt.")
    var system: String?

    @Option(name: [.customShort("k"), .long], help: "The API key (prefer the environment variables).")
    var apiKey: String?

    @Option(
        help:
            "The wire format: openai, responses, anthropic, gemini or sse (default: inferred from the URL and keys, else openai)."
    )
    var provider: ChatProviderKind?

    @Option(help: "Colour: auto, always or never (NO_COLOR is honoured in auto).")
    var color: ColorMode?

    @Option(help: "Markdown: auto (rendered on a terminal), always (also into a pipe) or never.")
    var markdown: MarkdownMode?

    @Flag(inversion: .prefixedNo, help: "Print time to first token, tokens, rate, total time and reconnects on stderr.")
    var stats: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Responses: run the reply in the background, kept by the server, so a dropped stream resumes."
    )
    var background: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Open each connection with an OPTIONS request first, so no CPU is burnt while a reply waits (default on)."
    )
    var preconnect: Bool?

    @Option(help: ArgumentHelp("Smooth bursty streams to an even typing rate.", valueName: "CPS"))
    var pace: Double?

    @Option(
        name: .customLong("max-reconnects"),
        help: "How many drops in a row a reply may be resumed after (needs event ids; default 5)."
    )
    var maxReconnects: Int?

    @Option(
        help: ArgumentHelp(
            "Seconds without any byte before a stream counts as stalled (default 120).",
            valueName: "SECONDS"
        )
    )
    var timeout: Double?

    package init() {}

    package func validate() throws {
        if let maxReconnects, maxReconnects < 0 { throw ValidationError("--max-reconnects must be 0 or more") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be more than 0") }
        if let pace, pace <= 0 { throw ValidationError("--pace must be more than 0") }
    }

    /// The flags as the highest settings layer.
    var layer: SettingsLayer {
        var layer = SettingsLayer()
        layer.url = url.map { Sourced($0, from: .flag) }
        layer.model = model.map { Sourced($0, from: .flag) }
        layer.system = system.map { Sourced(.text($0), from: .flag) }
        layer.apiKey = apiKey.map { Sourced(.value($0), from: .flag) }
        layer.provider = provider.map { Sourced($0, from: .flag) }
        layer.color = color.map { Sourced($0.rawValue, from: .flag) }
        layer.markdown = markdown.map { Sourced($0.rawValue, from: .flag) }
        layer.stats = stats.map { Sourced($0, from: .flag) }
        layer.pace = pace.map { Sourced($0, from: .flag) }
        layer.maxReconnects = maxReconnects.map { Sourced($0, from: .flag) }
        layer.timeout = timeout.map { Sourced($0, from: .flag) }
        layer.background = background.map { Sourced($0, from: .flag) }
        layer.preconnect = preconnect.map { Sourced($0, from: .flag) }
        return layer
    }
}
