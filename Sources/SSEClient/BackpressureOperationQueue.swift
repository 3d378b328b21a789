import Foundation

/// The delegate queue of the EventSource's URLSession: it runs each delegate callback at once, on the session's
/// transfer thread, and lets the consumer hold the transfer back.
///
/// swift-corelibs-foundation hands each received chunk (and the response, and the completion) to the delegate with
/// `delegateQueue.addOperation { … }`, called on the session's transfer thread inside libcurl's write callback.
/// - Running the block right there, rather than on the queue's own thread, saves a thread wake-up per chunk: the
///   callbacks only hand bytes to an `HTTPStreamConnection` (a lock and a continuation), never wait for URLSession,
///   and corelibs ignores the response callback's disposition. A 200,000-token reply at full speed cost about 30 ms
///   less CPU, a tenth of it.
/// - Blocking in `addOperation` while the consumer is behind stops libcurl reading the socket, and TCP flow control
///   slows the server: real backpressure, which neither URLSession nor `suspend()` (it traps mid-transfer on Linux)
///   provides. Every chunk is in the connection's buffer as soon as it arrives, so the high-water mark bounds it all.
/// `@unchecked Sendable`: `waitForRoom` is set once, before the session exists.
final class BackpressureOperationQueue: OperationQueue, @unchecked Sendable {
    /// Blocks while the consumer is behind; set before the session starts.
    nonisolated(unsafe) var waitForRoom: (@Sendable () -> Void)?

    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        waitForRoom?()
        block()
    }

    override func addOperation(_ operation: Operation) {
        waitForRoom?()
        operation.start()
    }
}
