import ChatWire
import SSEClient

extension ChatEndpoint {
    /// Asks the server to stop generating a reply it keeps (a background Responses reply), after a Ctrl-C: best
    /// effort, and never longer than `timeout`.
    ///
    /// The request goes out through a one-connection `EventSource` that accepts a JSON answer; whatever the server
    /// answers, or a failure, ends the wait, and nothing is reported (the reply is already interrupted).
    /// - Parameters:
    ///   - replyID: The server's id of the reply (`ChatReplyUpdate.kept`).
    ///   - timeout: The longest wait.
    package func cancelKeptReply(_ replyID: String, timeout: Duration = .seconds(2)) async {
        guard let request = try? makeCancelRequest(replyID: replyID) else { return }
        var configuration = EventSourceConfiguration(url: request.url)
        configuration.method = request.method
        configuration.body = request.body
        for header in request.headers { configuration.headers[header.name] = header.value }
        configuration.maxReconnects = 0
        configuration.idleTimeout = timeout
        configuration.acceptsJSONDocument = true
        let source = EventSource(configuration)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await update in source.updates() {
                        if case .closed = update { return }
                    }
                } catch {
                    return
                }
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }
}
