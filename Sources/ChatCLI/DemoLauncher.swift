import ChatClient
import ChatWire
import DemoServerKit
import Foundation

/// Starts the built-in SSE chat server in-process on a free loopback port for `--demo`.
enum DemoLauncher {
    /// Starts the server and returns it with an endpoint that talks to it.
    /// - Parameters:
    ///   - model: The model to ask for (the demo model by default).
    ///   - provider: The format to talk to it in: chat completions, Responses, or plain SSE (`GET /chat?q=…`).
    ///   - background: Whether Responses replies run in the background.
    static func start(model: String?, provider: ChatProviderKind = .openai, background: Bool = false) async throws
        -> (DemoServer, ChatEndpoint)
    {
        let server = DemoServer(configuration: DemoServerConfiguration())
        do {
            _ = try await server.start()
        } catch {
            throw CLIFailure("cannot start the built-in demo server: \(error)", status: .failure)
        }
        let baseURL =
            provider == .sse
            ? URL(string: server.baseURL.absoluteString + "/chat?q=%7Bprompt%7D")!
            : server.baseURL.appendingPathComponent("v1")
        let endpoint = ChatEndpoint(
            provider: provider,
            baseURL: baseURL,
            model: model ?? DemoServerConfiguration.demoModelName,
            background: background
        )
        return (server, endpoint)
    }
}
