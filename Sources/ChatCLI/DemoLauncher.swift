import ChatClient
import ChatWire
import DemoServerKit
import Foundation

/// Starts the built-in SSE chat server in-process on a free loopback port for `--demo`.
enum DemoLauncher {
    /// Starts the server and returns it with an endpoint that talks to it.
    static func start(model: String?) async throws -> (DemoServer, ChatEndpoint) {
        let server = DemoServer(configuration: DemoServerConfiguration())
        do {
            _ = try await server.start()
        } catch {
            throw CLIFailure("cannot start the built-in demo server: \(error)", status: .failure)
        }
        let endpoint = ChatEndpoint(
            provider: .openai,
            baseURL: server.baseURL.appendingPathComponent("v1"),
            model: model ?? DemoServerConfiguration.demoModelName
        )
        return (server, endpoint)
    }
}
