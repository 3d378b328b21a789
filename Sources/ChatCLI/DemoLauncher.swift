import ChatClient
import ChatWire
import DemoServerKit
import Foundation

/// Starts the built-in SSE chat server in-process on a free loopback port for `--demo`.
enum DemoLauncher {
    /// Starts the server and returns it with an endpoint that talks to it.
    /// - Parameters:
    ///   - model: The model to ask for (the demo model by default).
    ///   - responses: Whether to talk to it in the Responses format (else chat completions).
    ///   - background: Whether Responses replies run in the background.
    static func start(model: String?, responses: Bool = false, background: Bool = false) async throws
        -> (DemoServer, ChatEndpoint)
    {
        let server = DemoServer(configuration: DemoServerConfiguration())
        do {
            _ = try await server.start()
        } catch {
            throw CLIFailure("cannot start the built-in demo server: \(error)", status: .failure)
        }
        let endpoint = ChatEndpoint(
            provider: responses ? .responses : .openai,
            baseURL: server.baseURL.appendingPathComponent("v1"),
            model: model ?? DemoServerConfiguration.demoModelName,
            background: background
        )
        return (server, endpoint)
    }
}
