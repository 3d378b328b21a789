import FlyingSocks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// FlyingFox's socket pool with `TCP_NODELAY` on every socket it waits on: the listener (whose option accepted
/// connections inherit) and each connection, before anything is written on it.
///
/// FlyingFox writes a response's head and its body (or each SSE event) as separate small writes. With Nagle's
/// algorithm on, each write after the first waits until the client acknowledges the one before, and a client that
/// delays its ACKs (every one does, once a connection is past its first exchange) holds every event back by up to
/// 40 ms: a chat client sending its request on a kept connection saw its first token 40 ms late.
struct NoDelaySocketPool: AsyncSocketPool {
    let base: any AsyncSocketPool

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        // Not a TCP socket, or already closed: nothing to set, and the wait below reports what matters.
        _ = setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
