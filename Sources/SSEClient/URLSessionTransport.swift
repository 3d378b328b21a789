import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Starts streaming HTTP requests on one URLSession and routes its delegate callbacks to `HTTPStreamConnection`s.
///
/// URLSession on Linux has no `bytes(for:)`, and a per-task delegate gets no callbacks on a session without one, so
/// the session owns a single delegate that looks connections up by task identifier.
final class URLSessionTransport: Sendable {
    /// Where calls into URLSession that wait for its work queue are made.
    static let controlQueue = DispatchQueue(label: "ssechat.urlsession.control")

    private let session: URLSession
    private let router: SessionDelegate

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.urlCache = nil
        // No cookie jar or credential store: nothing is persisted, and start-up skips loading them from disk.
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        // The EventSource enforces its own idle timeout; URLSession's whole-second one must never fire first.
        configuration.timeoutIntervalForRequest = 7 * 24 * 3600
        configuration.timeoutIntervalForResource = 7 * 24 * 3600
        // The delegate's callbacks run on the transfer thread, in order (see `BackpressureOperationQueue`).
        let queue = BackpressureOperationQueue()
        let router = SessionDelegate()
        queue.waitForRoom = { [weak router] in router?.waitForRoom() }
        self.router = router
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: queue)
    }

    deinit {
        let session = session
        Self.controlQueue.async { session.invalidateAndCancel() }
    }

    /// Sends `request` and returns the connection its response streams into.
    /// - Parameters:
    ///   - request: The request.
    ///   - highWaterMark: Bytes buffered ahead of the consumer before the transfer pauses.
    ///   - prepare: Called with the connection before the request goes out.
    func start(
        _ request: URLRequest,
        highWaterMark: Int,
        prepare: (HTTPStreamConnection) -> Void
    ) -> HTTPStreamConnection {
        let connection = HTTPStreamConnection(highWaterMark: highWaterMark)
        prepare(connection)
        let session = session
        let router = router
        // dataTask(with:) and resume() wait for URLSession's work queue, which is shared by every session in the
        // process and which backpressure may be holding: issue them from a private queue, never from the caller's
        // (cooperative-pool) thread, so a slow consumer elsewhere can never starve the thread pool.
        Self.controlQueue.async {
            let task = session.dataTask(with: request)
            router.register(connection, for: task.taskIdentifier)
            if connection.attach(task) {
                task.resume()
            } else {
                task.cancel()
            }
        }
        return connection
    }
}

extension URLSessionTransport {
    /// Opens a connection to `url`'s server with an `OPTIONS` request and waits until it is done (at most `limit`),
    /// so that the next request on this transport goes out on that connection.
    ///
    /// Why: URLSession on Linux registers a new connection's socket for writing while it connects and sends, and never
    /// drops that registration when it goes on to read; a connected socket is always writable, so its write source
    /// fires thousands of times a second for as long as the response lasts, and a reply that streams for a minute
    /// costs a core for that minute. A request on a connection libcurl already has open is registered for reading
    /// only (`docs/PERFORMANCE.md`, finding 6). The answer does not matter (servers that do not know `OPTIONS` say
    /// 404, 405 or 501); if the server closes the connection, or does not answer in time, the request simply opens a
    /// new one. `OPTIONS` rather than `HEAD`: a server that wrongly sends a body after its answer to a `HEAD` (some
    /// do) leaves those bytes on the connection, where libcurl would read them as the next response; an `OPTIONS`
    /// answer is read whole.
    /// - Parameters:
    ///   - url: The URL the request will go to.
    ///   - headers: Headers to send (the request's own, so a proxy that wants them keeps the connection).
    ///   - limit: The longest wait, in real time (a safety limit, not a policy a test clock should see).
    func preconnect(to url: URL, headers: [String: String], within limit: Duration) async {
        var request = URLRequest(url: url)
        request.httpMethod = "OPTIONS"
        request.timeoutInterval = 7 * 24 * 3600
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let connection = start(request, highWaterMark: 64 * 1024) { _ in }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                guard let response = try? await connection.response() else { return }
                // A server that streams whatever the method would hold this connection for as long as the stream
                // lasts: give it up at once, and the request opens its own.
                let type = response.value(forHTTPHeaderField: "Content-Type")?.lowercased() ?? ""
                if type.hasPrefix("text/event-stream") {
                    connection.cancel()
                    return
                }
                // `nil` once the response is over (or failed): the connection is back in libcurl's pool.
                while (try? await connection.nextChunks()) != nil {}
            }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }
}

/// The session-level delegate: forwards each task's callbacks to its connection.
/// `@unchecked Sendable`: its only state is the `Mutex`-guarded routing table.
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let connections = Mutex<[Int: HTTPStreamConnection]>([:])

    func register(_ connection: HTTPStreamConnection, for taskIdentifier: Int) {
        connections.withLock { $0[taskIdentifier] = connection }
    }

    /// Blocks while any open connection has more than its high-water mark buffered ahead of its consumer.
    func waitForRoom() {
        for connection in connections.withLock({ Array($0.values) }) {
            connection.waitForRoom()
        }
    }

    private func connection(for task: URLSessionTask) -> HTTPStreamConnection? {
        connections.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse {
            connection(for: dataTask)?.receive(response: http)
            completionHandler(.allow)
        } else {
            connection(for: dataTask)?.fail(URLError(.badServerResponse))
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        connection(for: dataTask)?.receive(data: data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let connection = connections.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        // A 3xx that URLSession could not follow (no Location) completes without a didReceive(response:) call.
        if error == nil, let response = task.response as? HTTPURLResponse {
            connection?.receiveIfFirst(response: response)
        }
        connection?.complete(error: error)
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        // URLSession re-sends a 307/308 POST without its body: refuse, and let the EventSource re-issue it whole.
        let method = task.originalRequest?.httpMethod ?? "GET"
        let keepsMethod = response.statusCode == 307 || response.statusCode == 308
        if keepsMethod, method != "GET", method != "HEAD" {
            completionHandler(nil)
        } else {
            completionHandler(request)
        }
    }
}
