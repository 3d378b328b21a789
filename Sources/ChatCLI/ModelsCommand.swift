import ArgumentParser
import ChatClient
import ChatWire
import DemoServerKit
import Foundation
import Settings

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ssechat models [--json]`: the models the endpoint offers, one per line, in the server's order.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "The models the endpoint offers, one per line (the server resolved as for chatting).",
        discussion: """
            OpenAI-compatible servers: GET {base}/models; Anthropic: GET /v1/models (pages followed); Gemini: \
            GET {base}/models (pages followed). The sse provider has no list (exit 2). Exit codes as for chatting.
            """
    )

    @Flag(help: "List the built-in demo server's models.")
    var demo = false

    @Flag(help: "One JSON object per model: id, and display_name, owned_by, input_token_limit, output_token_limit.")
    var json = false

    @OptionGroup(title: "Settings (also from the environment or the config file)")
    var settings: SettingsOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let loaded = try await SettingsLoader.load(options: settings, environment: environment)
        let resolution = try EndpointResolver(settings: loaded, method: nil, data: nil, demo: demo).resolve()
        var server: DemoServer?
        let endpoint: ChatEndpoint
        switch resolution {
        case .demo(let model, let provider, _):
            (server, endpoint) = try await DemoLauncher.start(model: model, provider: provider)
            if !demo, isatty(2) == 1 {
                StandardStream.error.writeLine("ssechat: no server configured; using the built-in demo server")
            }
        case .remote(let remote):
            endpoint = remote
        }
        let timeout = Duration.milliseconds(Int(loaded.resolved.timeout.value * 1000))
        let result: Result<[ChatModelInfo], ChatClientError>
        do {
            result = .success(try await ModelListFetcher(endpoint: endpoint, idleTimeout: timeout).fetch())
        } catch {
            result = .failure(error)
        }
        if let server { await server.stop() }
        switch result {
        case .success(let models):
            StandardStream.output.write(json ? ModelListText.jsonLines(models) : ModelListText.lines(models))
        case .failure(let error):
            throw CLIFailure(error.message, status: ExitStatus(error.kind))
        }
    }
}

/// How a model list is printed: ids one per line, or one JSON object per line.
enum ModelListText {
    /// One id per line; control characters from the server become spaces.
    static func lines(_ models: [ChatModelInfo]) -> [UInt8] {
        Array(models.map { ServerErrorMessage.oneLine($0.id, limit: .max) + "\n" }.joined().utf8)
    }

    /// `{"id":…,"display_name":…,"owned_by":…,"input_token_limit":…,"output_token_limit":…}` per line; absent
    /// fields are left out.
    static func jsonLines(_ models: [ChatModelInfo]) -> [UInt8] {
        var out: [UInt8] = []
        for model in models {
            out.append(contentsOf: #"{"id":"#.utf8)
            JSONString.append(model.id, to: &out)
            for (key, value) in [("display_name", model.displayName), ("owned_by", model.ownedBy)] {
                guard let value else { continue }
                out.append(contentsOf: ",\"\(key)\":".utf8)
                JSONString.append(value, to: &out)
            }
            for (key, value) in [
                ("input_token_limit", model.inputTokenLimit), ("output_token_limit", model.outputTokenLimit),
            ] {
                guard let value else { continue }
                out.append(contentsOf: ",\"\(key)\":\(value)".utf8)
            }
            out.append(contentsOf: "}\n".utf8)
        }
        return out
    }
}
