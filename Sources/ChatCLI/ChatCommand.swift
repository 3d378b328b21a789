import ArgumentParser
import ChatClient
import ChatWire
import DemoServerKit
import Foundation
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ssechat [PROMPT…]`: the REPL, one turn, or one turn per stdin line (see `RunMode`).
package struct ChatCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat: a REPL on a terminal, one turn with a prompt or --once, one turn per line of piped stdin.",
        discussion: """
            Server: --url, else OPENAI_BASE_URL (or OPENAI_API_BASE); key: --api-key, else OPENAI_API_KEY or \
            ANTHROPIC_API_KEY. With no server and no key configured, the built-in demo server is used (as with --demo).
            Exit codes: 0 ok, 1 error, 2 usage, 3 auth, 4 rate limited, 5 network or timeout, 6 reply incomplete, \
            130 interrupted.
            """
    )

    @Argument(help: "The prompt (its words are joined with spaces). Piped stdin is appended after a blank line.")
    var prompt: [String] = []

    @Flag(help: "Do one turn and exit (stdin, if piped, is the prompt or is appended to it).")
    var once = false

    @Flag(help: "Talk to an in-process built-in SSE server (no network, no key).")
    var demo = false

    @Option(name: [.short, .long], help: "The server's base URL (OpenAI: …/v1; plain SSE: a URL with {prompt}).")
    var url: String?

    @Option(name: [.short, .long], help: "The model name.")
    var model: String?

    @Option(help: "A system prompt.")
    var system: String?

    @Option(name: [.customShort("k"), .long], help: "The API key (prefer the environment variables).")
    var apiKey: String?

    @Option(help: "The wire format: openai, anthropic or sse (default: inferred from the URL, else openai).")
    var provider: ChatProviderKind?

    @Option(help: "The HTTP method for --provider sse (default GET, POST with --data).")
    var method: String?

    @Option(help: "A body template for --provider sse; {prompt} is replaced by the prompt.")
    var data: String?

    @Option(help: "Colour: auto, always or never (NO_COLOR is honoured in auto).")
    var color: ColorMode = .auto

    @Flag(help: "Write the model's bytes untouched, even to a terminal.")
    var raw = false

    @Flag(help: "One JSON object per line on stdout for each thing that happens.")
    var json = false

    @Flag(help: "Print time to first token, tokens, rate, total time and reconnects on stderr.")
    var stats = false

    @Option(help: ArgumentHelp("Smooth bursty streams to an even typing rate.", valueName: "CPS"))
    var pace: Double?

    @Option(name: .customLong("max-reconnects"), help: "How many drops in a row a reply may be resumed after (needs event ids).")
    var maxReconnects: Int = 5

    @Option(help: ArgumentHelp("Seconds without any byte before a stream counts as stalled.", valueName: "SECONDS"))
    var timeout: Double = 120

    @Flag(name: .shortAndLong, help: "Report connection events on stderr.")
    var verbose = false

    @OptionGroup(title: "Conversation log")
    package var log: LogOptions

    package init() {}

    package func validate() throws {
        if maxReconnects < 0 { throw ValidationError("--max-reconnects must be 0 or more") }
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0") }
        if let pace, pace <= 0 { throw ValidationError("--pace must be more than 0") }
        if json && raw { throw ValidationError("--json and --raw cannot be combined") }
    }

    package func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let stdinIsTerminal = isatty(0) == 1
        let stdoutIsTerminal = isatty(1) == 1
        let mode = RunMode.select(
            promptWords: prompt,
            once: once,
            stdinIsTerminal: stdinIsTerminal,
            stdoutIsTerminal: stdoutIsTerminal,
            readStdin: { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        )
        let memory = try ConversationMemory(options: log, environment: environment)
        let flags = EndpointResolver.Flags(
            url: url, provider: provider, model: model, apiKey: apiKey, method: method, data: data, demo: demo
        )
        let resolution = try EndpointResolver(flags: memory.flags(flags), environment: environment).resolve()
        var server: DemoServer?
        let endpoint: ChatEndpoint
        var remote: ChatEndpoint?
        switch resolution {
        case .demo(let model):
            (server, endpoint) = try await DemoLauncher.start(model: model)
            if !demo, isatty(2) == 1 {
                StandardStream.error.writeLine("ssechat: no server configured; using the built-in demo server (see --help)")
            }
        case .remote(let resolved):
            endpoint = resolved
            remote = resolved
        }
        defer { if let server { Task { await server.stop() } } }
        let session = ChatSession(
            endpoint: endpoint,
            system: memory.system(system),
            runner: TurnRunner(
                options: replyOptions,
                style: outputStyle(stdoutIsTerminal: stdoutIsTerminal, environment: environment),
                keepsReplyText: mode.keepsConversation || log.isLogging
            )
        )
        memory.attach(to: session, endpoint: remote)
        var status: ExitStatus
        switch mode {
        case .once(let text):
            status = await OnceMode.run(session: session, prompt: text)
        case .script:
            status = await ScriptMode.run(session: session)
        case .repl:
            status = await REPL(session: session, environment: environment).run()
        }
        status = memory.finalStatus(status, session: session)
        if let server { await server.stop() }
        if status != .ok { throw CLIFailure("", status: status) }
    }

    private var replyOptions: ChatReplyOptions {
        var options = ChatReplyOptions()
        options.maxResumes = maxReconnects
        options.idleTimeout = .milliseconds(Int(timeout * 1000))
        return options
    }

    private func outputStyle(stdoutIsTerminal: Bool, environment: [String: String]) -> ChatOutputStyle {
        let kind: ChatOutputStyle.Kind = json ? .json : raw ? .raw : stdoutIsTerminal ? .terminal : .plain
        let noColor = environment["NO_COLOR"]
        let term = environment["TERM"]
        let stderrIsTerminal = isatty(2) == 1
        return ChatOutputStyle(
            kind: kind,
            color: kind == .terminal && color.isEnabled(isTerminal: stdoutIsTerminal, noColor: noColor, term: term),
            stderrIsTerminal: stderrIsTerminal,
            stderrColor: color.isEnabled(isTerminal: stderrIsTerminal, noColor: noColor, term: term),
            pace: pace,
            stats: stats,
            verbose: verbose
        )
    }
}

extension ChatProviderKind: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}
