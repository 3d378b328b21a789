import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The built-in SSE chat server: the demo model (or a relay) behind OpenAI-compatible and plain SSE endpoints,
/// with resumable replies and fault injection. See `DemoRequestHandler` for the endpoints.
///
/// ```swift
/// let server = DemoServer(configuration: DemoServerConfiguration())
/// let port = try await server.start()      // listening on 127.0.0.1:port
/// … server.baseURL …
/// await server.stop()
/// ```
package final class DemoServer: Sendable {
    /// The configuration the server was created with.
    package let configuration: DemoServerConfiguration

    private struct State {
        var http: HTTPServer?
        var task: Task<Void, Never>?
        var store: GenerationStore?
        var port: UInt16 = 0
    }

    private let state = Mutex(State())

    /// Creates a server; nothing is bound until `start()`.
    /// - Parameter configuration: Where to listen and how to behave.
    package init(configuration: DemoServerConfiguration) {
        self.configuration = configuration
    }

    /// Binds and starts serving in the background.
    /// - Returns: The bound port (a free one when the configuration says 0).
    /// - Throws: `DemoServerError` when the address is invalid, the port cannot be bound, or the server was
    ///   already started.
    package func start() async throws -> UInt16 {
        let address = try Self.socketAddress(host: configuration.host, port: configuration.port)
        let store = GenerationStore(retention: configuration.retention, clock: configuration.clock)
        let handler = DemoRequestHandler(configuration: configuration, store: store)
        let http = HTTPServer(
            config: HTTPServer.Configuration(
                address: address,
                timeout: 600,
                pool: NoDelaySocketPool(base: HTTPServer.defaultPool()),
                logger: DemoServerLogger(log: configuration.log)
            ),
            handler: handler
        )
        let listening = OneShot<(any Error)?>()
        try state.withLock { state in
            guard state.http == nil else { throw DemoServerError("the server is already started") }
            let task = Task {
                do {
                    try await http.run()
                    listening.resolve(DemoServerError("the server stopped before it was listening"))
                } catch {
                    listening.resolve(error)
                }
            }
            state.http = http
            state.task = task
            state.store = store
        }
        Task {
            do {
                try await http.waitUntilListening(timeout: 10)
                listening.resolve(nil)
            } catch {
                listening.resolve(error)
            }
        }
        if let error = await listening.wait() {
            await stop()
            let authority = Self.authority(host: configuration.host, port: configuration.port)
            throw DemoServerError("cannot listen on \(authority): \(error)")
        }
        guard let port = await Self.boundPort(of: http) else {
            await stop()
            throw DemoServerError("the server is listening but its port is unknown")
        }
        state.withLock { $0.port = port }
        configuration.log?("listening on \(Self.authority(host: configuration.host, port: port))")
        return port
    }

    /// The server's base URL, e.g. `http://127.0.0.1:8080` (the port is 0 before `start()`).
    package var baseURL: URL {
        let port = state.withLock { $0.port }
        return URL(string: "http://\(Self.authority(host: configuration.host, port: port))")
            ?? URL(fileURLWithPath: "/")
    }

    /// Stops listening, closes every connection and stops every reply being generated. Safe to call twice.
    package func stop() async {
        let (http, task, store) = state.withLock { state in
            defer {
                state.http = nil
                state.task = nil
                state.store = nil
            }
            return (state.http, state.task, state.store)
        }
        await store?.stop()
        await http?.stop(timeout: 0)
        task?.cancel()
        _ = await task?.result
    }

    /// `host:port`, with brackets around an IPv6 literal.
    static func authority(host: String, port: UInt16) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func socketAddress(host: String, port: UInt16) throws -> any SocketAddress {
        do {
            switch host {
            case "localhost": return try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
            case _ where host.contains(":"): return try sockaddr_in6.inet6(ip6: host, port: port)
            default: return try sockaddr_in.inet(ip4: host, port: port)
            }
        } catch {
            throw DemoServerError("'\(host)' is not an IP address to listen on (use e.g. 127.0.0.1 or ::1)")
        }
    }

    private static func boundPort(of http: HTTPServer) async -> UInt16? {
        switch await http.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): port
        default: nil
        }
    }
}

/// Why a `DemoServer` could not start.
package struct DemoServerError: Error, Sendable, CustomStringConvertible {
    /// One readable line.
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
