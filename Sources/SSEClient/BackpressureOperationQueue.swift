import Foundation

/// The delegate queue of the EventSource's URLSession, which lets the consumer hold the transfer back.
///
/// swift-corelibs-foundation hands each received chunk to the delegate with `delegateQueue.addOperation { … }`,
/// called on the session's transfer thread inside libcurl's write callback. Blocking in `addOperation` while the
/// consumer is behind therefore stops libcurl reading the socket, and TCP flow control slows the server: real
/// backpressure, which neither URLSession nor `suspend()` (it traps mid-transfer on Linux) provides.
/// `@unchecked Sendable`: `waitForRoom` is set once, before the session exists.
final class BackpressureOperationQueue: OperationQueue, @unchecked Sendable {
    /// Blocks while the consumer is behind; set before the session starts.
    nonisolated(unsafe) var waitForRoom: (@Sendable () -> Void)?

    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        waitForRoom?()
        super.addOperation(block)
    }

    override func addOperation(_ operation: Operation) {
        waitForRoom?()
        super.addOperation(operation)
    }
}
