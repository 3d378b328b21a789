import ArgumentParser
import ChatClient
import Foundation
import SSE
import SSEClient
import TerminalUI

/// `ssechat events URL`: "curl for SSE". One JSON line per dispatched event on stdout, flushed as it is dispatched;
/// diagnostics on stderr; reconnects like a browser's EventSource until interrupted or out of reconnections.
package struct EventsCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print each event of an SSE stream as one JSON line: {\"type\":…,\"data\":…,\"id\":…}.",
        discussion: """
            Reconnects after the end of the response or a network error, waiting the server's retry: time and \
            sending Last-Event-ID, until interrupted or --max-reconnects is used up. HTTP 204 ends it (exit 0). \
            Any other status, or a response that is not text/event-stream, fails it with one line on stderr.
            Exit codes: 0 ok, 1 error, 2 usage, 3 auth (401/403), 4 rate limited (429), 5 network/timeout, \
            130 interrupted.
            """
    )

    @Argument(help: "The event stream's URL (http or https).")
    var url: String

    @Option(name: .customLong("header"), help: ArgumentHelp("An extra request header (repeatable).", valueName: "K: V"))
    var headers: [String] = []

    @Option(help: "The HTTP method (default GET, or POST with --data).")
    var method: String?

    @Option(help: ArgumentHelp("A request body, or @FILE to read it from a file.", valueName: "STRING|@FILE"))
    var data: String?

    @Option(name: .customLong("last-event-id"), help: "A Last-Event-ID to send on the first request.")
    var lastEventID: String?

    @Option(name: .customLong("max-reconnects"), help: "Stop after N reconnections (default: never).")
    var maxReconnects: Int?

    @Option(name: .customLong("read-timeout-ms"), help: "Treat N ms without any byte as a dropped connection.")
    var readTimeoutMilliseconds: Int?

    @Option(name: .customLong("retry-ms"), help: "The initial reconnection time in ms (the server's retry: wins).")
    var retryMilliseconds: Int = 3000

    @Option(name: .customLong("max-line-bytes"), help: MaxLineBytes.help)
    var maxLineBytes: Int?

    @Flag(
        inversion: .prefixedNo,
        help: "Open each connection with an OPTIONS request first, so an idle stream costs no CPU (default on)."
    )
    var preconnect = true

    @Flag(name: .shortAndLong, help: "Report connection state changes on stderr.")
    var verbose = false

    package init() {}

    package func validate() throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            parsed.host != nil
        else { throw ValidationError("not an http(s) URL: \(url)") }
        if let maxReconnects, maxReconnects < 0 { throw ValidationError("--max-reconnects must be 0 or more") }
        if let readTimeoutMilliseconds, readTimeoutMilliseconds <= 0 {
            throw ValidationError("--read-timeout-ms must be more than 0")
        }
        if retryMilliseconds < 0 { throw ValidationError("--retry-ms must be 0 or more") }
        try MaxLineBytes.validate(maxLineBytes)
        for header in headers where Self.splitHeader(header) == nil {
            throw ValidationError("--header wants 'Name: value', got: \(header)")
        }
    }

    package func run() async throws {
        let configuration = try makeConfiguration()
        let output = StandardStream.output
        let task = Task {
            var updates = EventSource(configuration).updates().makeAsyncIterator()
            // Events parsed from bytes already received go out in one write; one that arrives alone, at once.
            var pending: [UInt8] = []
            while let first = try await updates.next() {
                var next: EventSourceUpdate? = first
                while let update = next {
                    next = updates.nextBuffered()
                    switch update {
                    case .event(let event):
                        pending += EventJSONLine.encode(event)
                    case .closed(let reason) where verbose:
                        let text = TerminalSanitizer.singleLine("\(reason)")
                        StandardStream.error.writeLine("ssechat events: closed: \(text)")
                    case .reconnecting(let delay) where verbose:
                        StandardStream.error.writeLine("ssechat events: reconnecting in \(delay)")
                    case .open(let response) where verbose:
                        StandardStream.error.writeLine("ssechat events: open \(response.url)")
                    default:
                        break
                    }
                }
                if !pending.isEmpty {
                    guard output.write(pending) else { return }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if !pending.isEmpty { output.write(pending) }
        }
        let trap = SignalTrap { _ in task.cancel() }
        defer { trap.cancel() }
        do {
            try await task.value
        } catch is CancellationError {
            throw CLIFailure("", status: trap.exitStatus)
        } catch let error as EventSourceError {
            throw CLIFailure(error.description, status: ExitStatus(ChatClientError(error).kind))
        }
        if trap.lastSignal != nil { throw CLIFailure("", status: trap.exitStatus) }
    }

    private func makeConfiguration() throws -> EventSourceConfiguration {
        guard let parsed = URL(string: url) else { throw ValidationError("not a URL: \(url)") }
        var configuration = EventSourceConfiguration(url: parsed)
        for header in headers {
            if let (name, value) = Self.splitHeader(header) { configuration.headers[name] = value }
        }
        if let data {
            configuration.body = try Self.body(from: data)
        }
        configuration.method = method?.uppercased() ?? (data == nil ? "GET" : "POST")
        configuration.lastEventID = lastEventID ?? ""
        configuration.maxReconnects = maxReconnects
        configuration.idleTimeout = readTimeoutMilliseconds.map { .milliseconds($0) }
        configuration.reconnectionTime = .milliseconds(retryMilliseconds)
        // A stream may stay open for hours: on a connection opened ahead, URLSession does not spin while it is idle.
        configuration.preconnects = preconnect
        if let maxLineBytes { configuration.limitLines(to: maxLineBytes) }
        return configuration
    }

    private static func body(from argument: String) throws -> Data {
        guard argument.hasPrefix("@") else { return Data(argument.utf8) }
        let path = String(argument.dropFirst())
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw CLIFailure("cannot read --data file: \(path)", status: .usage)
        }
        return contents
    }

    static func splitHeader(_ header: String) -> (String, String)? {
        guard let colon = header.firstIndex(of: ":") else { return nil }
        let name = header[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return (name, header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
