import ArgumentParser
import DemoRelay
import DemoServerKit
import Foundation

/// `ssechat serve`: runs the built-in SSE chat server in the foreground.
///
/// Prints exactly one line, `http://HOST:PORT`, on stdout once listening; notes go to stderr. Stops quietly (exit
/// 0) on SIGINT or SIGTERM.
package struct ServeCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the built-in SSE chat server with its demo model (\"ssechat-demo\": a demo, not a real LLM).",
        discussion: """
            Endpoints: GET / (a chat page for the browser), POST /v1/chat/completions (OpenAI-compatible, \
            streaming or not), POST /v1/responses (OpenAI Responses; with background: true the reply is kept: \
            GET /v1/responses/ID?stream=true&starting_after=N streams it again, POST /v1/responses/ID/cancel \
            stops it), GET /v1/models, and GET /chat?q=PROMPT (plain SSE: `event: thinking`, one `data:` per \
            token, `event: end`).

            --cors-origin ORIGIN lets pages from another origin use every endpoint (preflights included).

            The demo model answers deterministically (the same prompt gives the same reply) with Markdown, \
            code, CJK text and an emoji. Every chat-completions and plain event carries an id; a client that \
            reconnects with Last-Event-ID gets exactly the events it missed, for --retention-s seconds after the \
            reply ends (Responses events carry a sequence_number for starting_after instead).

            With --upstream URL the server relays /v1/chat/completions and /chat to an OpenAI-compatible server \
            instead, adding ids and retention so any upstream becomes resumable; /v1/models lists its models.

            Prints http://HOST:PORT on stdout once listening. Ctrl-C or SIGTERM stops it.
            """
    )

    @Option(help: "The address to listen on (loopback by default).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8080

    @Option(
        name: .customLong("tokens-per-sec"),
        help: "Demo model speed in tokens per second; 0 is as fast as possible."
    )
    var tokensPerSecond: Double = 40

    @Option(help: ArgumentHelp("Force every demo reply to N tokens (the content repeats).", valueName: "N"))
    var replyTokens: Int?

    @Option(name: .customLong("retry-ms"), help: "The retry: value sent to clients, in milliseconds.")
    var retryMilliseconds: Int = 1000

    @Option(name: .customLong("keep-alive-ms"), help: "Send ': keep-alive' after this much silence; 0 never.")
    var keepAliveMilliseconds: Int = 15_000

    @Option(name: .customLong("retention-s"), help: "Keep finished replies resumable for this many seconds.")
    var retentionSeconds: Double = 300

    @Option(
        name: .customLong("api-key-env"),
        help: ArgumentHelp(
            "Require 'Authorization: Bearer KEY', KEY read from this environment variable.",
            valueName: "NAME"
        )
    )
    var apiKeyEnvironmentName: String?

    @Option(help: ArgumentHelp("Fault: close each response after N events.", valueName: "N"))
    var dropAfter: Int?

    @Flag(help: "Fault: with --drop-after, send half of one more event before closing.")
    var dropMidEvent = false

    @Option(help: ArgumentHelp("Fault: close the connection after each event with probability P.", valueName: "P"))
    var dropProb: Double = 0

    @Option(help: "Seed for the random faults.")
    var seed: UInt64 = 0

    @Option(
        name: .customLong("stall-ms"),
        help: ArgumentHelp("Fault: go silent for MS milliseconds mid-reply.", valueName: "MS")
    )
    var stallMilliseconds: Int?

    @Option(help: ArgumentHelp("Fault: how many events of a response come before the stall.", valueName: "N"))
    var stallAfter: Int = 3

    @Option(
        help: ArgumentHelp("Fault: answer every request with this HTTP status and an error body.", valueName: "CODE")
    )
    var status: Int?

    @Option(help: "Fault: split events across writes: none, mid-line, mid-crlf, mid-utf8 or random.")
    var chunking: String = "none"

    @Option(help: "Coalesce events that are ready together into one write; false sends each event as its own chunk.")
    var coalesce: Bool = true

    @Option(help: ArgumentHelp("Relay to this OpenAI-compatible base URL (e.g. https://host/v1).", valueName: "URL"))
    var upstream: String?

    @Option(
        name: .customLong("upstream-api-key-env"),
        help: ArgumentHelp("The environment variable holding the upstream's API key.", valueName: "NAME")
    )
    var upstreamAPIKeyEnvironmentName: String = "OPENAI_API_KEY"

    @Option(
        name: .customLong("cors-origin"),
        help: ArgumentHelp(
            "Allow pages from ORIGIN (scheme://host[:port], or * for any) to use the server (repeatable).",
            valueName: "ORIGIN"
        )
    )
    var corsOrigins: [String] = []

    @Flag(name: .shortAndLong, help: "Log replies and connection errors to stderr.")
    var verbose = false

    /// Creates the command with its defaults (ArgumentParser fills in the options).
    package init() {}

    /// Checks the option values.
    /// - Throws: `ValidationError` naming the first bad option.
    package func validate() throws {
        func check(_ condition: Bool, _ message: String) throws {
            if !condition { throw ValidationError(message) }
        }
        try check(tokensPerSecond >= 0 && tokensPerSecond.isFinite, "--tokens-per-sec must be 0 or more.")
        try check((replyTokens ?? 1) >= 1, "--reply-tokens must be at least 1.")
        try check(retryMilliseconds >= 0, "--retry-ms must be 0 or more.")
        try check(keepAliveMilliseconds >= 0, "--keep-alive-ms must be 0 or more.")
        try check(retentionSeconds >= 0 && retentionSeconds <= 1e9, "--retention-s must be 0 or more.")
        try check((dropAfter ?? 0) >= 0, "--drop-after must be 0 or more.")
        try check((0...1).contains(dropProb), "--drop-prob must be between 0 and 1.")
        try check((stallMilliseconds ?? 0) >= 0, "--stall-ms must be 0 or more.")
        try check(stallAfter >= 0, "--stall-after must be 0 or more.")
        try check((100...599).contains(status ?? 500), "--status must be an HTTP status (100-599).")
        let modes = DemoChunking.allCases.map(\.rawValue).joined(separator: ", ")
        try check(DemoChunking(rawValue: chunking) != nil, "--chunking must be one of: \(modes).")
        do {
            _ = try CORSPolicy(origins: corsOrigins)
        } catch {
            throw ValidationError("--cors-origin: \(error)")
        }
        if let upstream {
            let scheme = URL(string: upstream)?.scheme?.lowercased() ?? ""
            try check(["http", "https"].contains(scheme), "--upstream must be an http:// or https:// URL.")
        }
    }

    /// The server configuration these options describe.
    /// - Parameter environment: Where API keys are read from.
    /// - Returns: The configuration.
    /// - Throws: `ValidationError` when `--api-key-env` names an unset variable.
    package func makeConfiguration(environment: [String: String]) throws -> DemoServerConfiguration {
        var configuration = DemoServerConfiguration(
            host: host,
            port: port,
            tokensPerSecond: tokensPerSecond,
            replyTokens: replyTokens,
            faults: DemoFaults(
                dropAfterEvents: dropAfter,
                dropMidEvent: dropMidEvent,
                dropProbability: dropProb,
                seed: seed,
                stallMilliseconds: stallMilliseconds,
                stallAfterEvents: stallAfter,
                status: status,
                chunking: DemoChunking(rawValue: chunking) ?? .none
            )
        )
        configuration.retryMilliseconds = retryMilliseconds
        configuration.keepAliveInterval = .milliseconds(keepAliveMilliseconds)
        configuration.retention = .milliseconds(Int64(retentionSeconds * 1000))
        configuration.coalesce = coalesce
        configuration.cors = (try? CORSPolicy(origins: corsOrigins)) ?? .disabled
        if let name = apiKeyEnvironmentName {
            guard let key = environment[name], !key.isEmpty else {
                throw ValidationError("--api-key-env: the environment variable \(name) is not set.")
            }
            configuration.apiKey = key
        }
        if let upstream = upstream.flatMap(URL.init(string:)) {
            let key = environment[upstreamAPIKeyEnvironmentName]
            configuration.upstream = UpstreamRelay(upstream: upstream, apiKey: key)
        }
        if verbose { configuration.log = { Self.note($0) } }
        return configuration
    }

    /// Serves until SIGINT or SIGTERM.
    /// - Throws: `ValidationError` for an unset `--api-key-env` variable; `CLIFailure` when the server cannot start.
    package func run() async throws {
        let configuration = try makeConfiguration(environment: ProcessInfo.processInfo.environment)
        let (stops, stop) = AsyncStream<Int32>.makeStream()
        let trap = SignalTrap { stop.yield($0) }
        defer { trap.cancel() }
        let server = DemoServer(configuration: configuration)
        do {
            _ = try await server.start()
        } catch {
            throw CLIFailure("serve: \(error)", status: .failure)
        }
        let url = server.baseURL.absoluteString
        StandardStream.output.writeLine(url)
        if let relay = configuration.upstream as? UpstreamRelay {
            let key = relay.sendsAPIKey ? "key from $\(upstreamAPIKeyEnvironmentName)" : "no API key"
            Self.note(
                "ssechat serve: relaying \(url)/v1/chat/completions and /chat to \(relay.endpoint.absoluteString) (\(key))"
            )
        } else {
            let model = configuration.modelName
            Self.note("ssechat serve: demo model \"\(model)\" (not a real LLM) at \(url); Ctrl-C stops")
        }
        Self.note("ssechat serve: chat page at \(url)/")
        if configuration.cors.isEnabled {
            Self.note("ssechat serve: CORS allowed for \(configuration.cors.allowedOrigins.joined(separator: ", "))")
        }
        for await _ in stops { break }
        await server.stop()
    }

    private static func note(_ line: String) {
        StandardStream.error.writeLine(line)
    }
}
