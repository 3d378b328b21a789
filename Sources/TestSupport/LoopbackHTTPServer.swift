import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A request as the loopback test server received it.
package struct RecordedRequest: Sendable {
    /// `GET`, `POST`, …
    package var method: String
    /// The request target, path and query.
    package var target: String
    /// Header names lower-cased.
    package var headers: [String: String]
    /// The body (by `Content-Length`).
    package var body: Data

    /// A header by case-insensitive name.
    package func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A minimal HTTP/1.1 server on 127.0.0.1 for tests that need byte-exact control of a response: every `write` is
/// one `send(2)`, so tests can split a stream anywhere, stall, or drop the connection mid-event.
/// Each connection runs its handler on its own thread; the server stops when `stop()` is called or it is released.
package final class LoopbackHTTPServer: Sendable {
    /// Handles one request; runs on the connection's own thread and may block.
    package typealias Handler = @Sendable (RecordedRequest, LoopbackResponseWriter) -> Void

    /// The bound port.
    package let port: UInt16
    private let listener: Int32
    private let handler: Handler
    private let answersOptions: Bool
    private let state = Mutex<(requests: [RecordedRequest], clients: Set<Int32>, stopped: Bool)>(([], [], false))
    private let preconnectCount = Mutex(0)

    /// Binds 127.0.0.1 on a free port and starts accepting.
    /// - Parameters:
    ///   - answersOptions: Whether `OPTIONS` requests are answered by the server itself (`serve(_:)`); when
    ///     `false` they go to the handler like any other.
    ///   - handler: Called for each request.
    package init(answersOptions: Bool = true, handler: @escaping Handler) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        self.listener = fd
        self.answersOptions = answersOptions
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:PORT` + `path`.
    package func url(_ path: String = "/") -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Every request received so far, in order (`OPTIONS` requests aside).
    package var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// How many `OPTIONS` requests were answered (connections opened ahead).
    package var preconnects: Int { preconnectCount.withLock { $0 } }

    /// Stops accepting and closes every open connection.
    package func stop() {
        // Under the lock, so no descriptor is shut down after its owner closed it (its number may be reused).
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for client in state.clients { shutdown(client, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                // Only a shut-down listener ends the loop; aborted handshakes and the like are passing.
                if errno == EINVAL || errno == EBADF || state.withLock({ $0.stopped }) { break }
                continue
            }
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.clients.insert(client)
                return true
            }
            guard accepted else {
                close(client)
                break
            }
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
        close(listener)
    }

    /// Serves one request per connection, after any number of `OPTIONS` requests: those are answered here (`204`,
    /// the connection kept) and counted in `preconnects`, not passed to the handler, so a client that opens its
    /// connection ahead with one (as ssechat does) sends its real request on the same connection.
    private func serve(_ client: Int32) {
        let writer = LoopbackResponseWriter(fd: client) { [weak self] in
            _ = self?.state.withLock { $0.clients.remove(client) }
        }
        defer { writer.close() }
        while let request = RequestReader(fd: client).read() {
            if request.method == "OPTIONS", answersOptions {
                preconnectCount.withLock { $0 += 1 }
                guard writer.write("HTTP/1.1 204 No Content\r\n\r\n") else { return }
                continue
            }
            state.withLock { $0.requests.append(request) }
            handler(request, writer)
            return
        }
    }
}
