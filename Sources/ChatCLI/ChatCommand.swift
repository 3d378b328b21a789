import ArgumentParser
import ChatClient
import ChatWire
import DemoServerKit
import Foundation
import Settings
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
            Server: --url, else OPENAI_BASE_URL (or OPENAI_API_BASE), else the config file's profile or [defaults]; \
            key: --api-key, else OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY (GOOGLE_API_KEY), \
            else the config file (api_key_env, api_key_cmd). 'ssechat config show' lists every setting and its \
            source. With no server and no key configured, the built-in demo server is used (as with --demo).
            Exit codes: 0 ok, 1 error, 2 usage (also a bad config file), 3 auth (also a failed api_key_cmd), \
            4 rate limited, 5 network or timeout, 6 reply incomplete, 130 interrupted.
            """
    )

    @Argument(help: "The prompt (its words are joined with spaces). Piped stdin is appended after a blank line.")
    var prompt: [String] = []

    @Flag(help: "Do one turn and exit (stdin, if piped, is the prompt or is appended to it).")
    var once = false

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Add a text file to the prompt, in a fenced block headed by its name (repeatable; - is stdin; in the "
                + "REPL and with piped lines, the first message).",
            valueName: "PATH"
        )
    )
    var file: [String] = []

    @Flag(help: "Talk to an in-process built-in SSE server (no network, no key).")
    var demo = false

    @OptionGroup(title: "Settings (also from the environment or the config file)")
    var settings: SettingsOptions

    @Option(help: "The HTTP method for --provider sse (default GET, POST with --data).")
    var method: String?

    @Option(help: "A body template for --provider sse; {prompt} is replaced by the prompt (none: sent as written).")
    var data: String?

    @Flag(help: "Write the model's bytes untouched, even to a terminal.")
    var raw = false

    @Flag(help: "One JSON object per line on stdout for each thing that happens.")
    var json = false

    @Option(name: .customLong("max-line-bytes"), help: MaxLineBytes.help)
    var maxLineBytes: Int?

    @Flag(name: .shortAndLong, help: "Report connection events on stderr.")
    var verbose = false

    @OptionGroup(title: "Conversation log")
    package var log: LogOptions

    package init() {}

    package func validate() throws {
        if json && raw { throw ValidationError("--json and --raw cannot be combined") }
        if file.filter({ $0 == "-" }).count > 1 { throw ValidationError("-f - (stdin) can be given only once") }
        try MaxLineBytes.validate(maxLineBytes)
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
            stdinIsAttached: file.contains("-"),
            readStdin: { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        )
        // Every file is read (and a bad one refused) before anything else happens.
        let attachments = try file.map { try FileAttachment.load($0) }
        let memory = try ConversationMemory(options: log, environment: environment)
        let loaded = try await SettingsLoader.load(
            options: settings,
            continuedConversation: memory.settingsLayer,
            environment: environment
        )
        let continuesDemo = memory.continuesDemo && settings.url == nil
        let resolution = try EndpointResolver(settings: loaded, method: method, data: data, demo: demo || continuesDemo)
            .resolve()
        var server: DemoServer?
        let endpoint: ChatEndpoint
        var remote: ChatEndpoint?
        switch resolution {
        case .demo(let model, let provider, let background):
            (server, endpoint) = try await DemoLauncher.start(
                model: model,
                provider: provider,
                background: background
            )
            if !demo, isatty(2) == 1 {
                StandardStream.error.writeLine(
                    "ssechat: no server configured; using the built-in demo server (see --help)"
                )
            }
        case .remote(let resolved):
            endpoint = resolved
            remote = resolved
        }
        // Once per run, however many turns follow.
        if let notice = Self.promptNotice(for: endpoint) { StandardStream.error.writeLine(notice) }
        defer { if let server { Task { await server.stop() } } }
        let session = ChatSession(
            endpoint: endpoint,
            system: loaded.system,
            runner: TurnRunner(
                options: replyOptions(loaded.resolved),
                style: outputStyle(loaded.resolved, stdoutIsTerminal: stdoutIsTerminal, environment: environment),
                keepsReplyText: mode.keepsConversation
            )
        )
        memory.attach(to: session, endpoint: remote)
        var status: ExitStatus
        switch mode {
        case .once(let text):
            status = await OnceMode.run(
                session: session,
                prompt: FileAttachment.compose(prompt: text, attachments: attachments)
            )
        case .script:
            status = await ScriptMode.run(session: session, attachments: attachments)
        case .repl:
            status = await REPL(session: session, environment: environment, attachments: attachments).run()
        }
        status = memory.finalStatus(status, session: session)
        if let server { await server.stop() }
        if status != .ok { throw CLIFailure("", status: status) }
    }

    /// The line that says a plain-SSE endpoint will not get the prompt (its URL and body have no `{prompt}`), or
    /// `nil` when the prompt is sent.
    /// - Parameter endpoint: The resolved endpoint.
    /// - Returns: The line for stderr.
    static func promptNotice(for endpoint: ChatEndpoint) -> String? {
        guard !endpoint.sendsPrompt else { return nil }
        let missing =
            endpoint.bodyTemplate == nil ? "the URL has no {prompt}" : "neither the URL nor --data has {prompt}"
        return "ssechat: \(missing); the prompt is not sent"
    }

    private func replyOptions(_ settings: ResolvedSettings) -> ChatReplyOptions {
        var options = ChatReplyOptions()
        options.maxResumes = settings.maxReconnects.value
        options.idleTimeout = .milliseconds(Int(settings.timeout.value * 1000))
        options.maxLineLength = maxLineBytes
        options.preconnects = settings.preconnect.value
        return options
    }

    private func outputStyle(_ settings: ResolvedSettings, stdoutIsTerminal: Bool, environment: [String: String])
        -> ChatOutputStyle
    {
        let color = ColorMode(rawValue: settings.color.value) ?? .auto
        let markdown = MarkdownMode(rawValue: settings.markdown.value) ?? .auto
        let rendersMarkdown = !json && !raw && (markdown == .always || markdown == .auto && stdoutIsTerminal)
        let kind: ChatOutputStyle.Kind =
            json ? .json : raw ? .raw : stdoutIsTerminal || rendersMarkdown ? .terminal : .plain
        let noColor = environment["NO_COLOR"]
        let term = environment["TERM"]
        let stderrIsTerminal = isatty(2) == 1
        return ChatOutputStyle(
            kind: kind,
            color: kind == .terminal && color.isEnabled(isTerminal: stdoutIsTerminal, noColor: noColor, term: term),
            stderrIsTerminal: stderrIsTerminal,
            stderrColor: color.isEnabled(isTerminal: stderrIsTerminal, noColor: noColor, term: term),
            pace: settings.pace?.value,
            stats: settings.stats.value,
            verbose: verbose,
            markdown: rendersMarkdown,
            stdoutIsTerminal: stdoutIsTerminal
        )
    }
}

extension ChatProviderKind: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}

/// When replies are rendered as Markdown.
package enum MarkdownMode: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// On a terminal.
    case auto
    /// Also into a pipe.
    case always
    /// Never: the text as it comes (wrapped on a terminal).
    case never
}
