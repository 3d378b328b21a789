import Foundation

/// The delegate queue of the EventSource's URLSession, which lets the consumer hold the transfer back.
///
/// swift-corelibs-foundation hands each received chunk to the delegate with `delegateQueue.addOperation { … }`,
/// called on the session's transfer thread inside libcurl's write callback. Blocking in `addOperation` while the
/// consumer is behind therefore stops libcurl reading the socket, and TCP flow control slows the server: real
/// backpressure, which neither URLSession nor `suspend()` (it traps mid-transfer on Linux) provides.
/// `@unchecked Sendable`: `waitForRoom` is set once, before the session exists; `queuedCount` is guarded by `queued`.
final class BackpressureOperationQueue: OperationQueue, @unchecked Sendable {
    /// Blocks while the consumer is behind; set before the session starts.
    nonisolated(unsafe) var waitForRoom: (@Sendable () -> Void)?

    /// Operations (each usually one received chunk) allowed to wait in the queue before the transfer thread waits.
    private static let maxQueuedOperations = 16
    private let queued = NSCondition()
    nonisolated(unsafe) private var queuedCount = 0

    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        holdTransfer()
        super.addOperation { [self] in
            block()
            operationFinished()
        }
    }

    override func addOperation(_ operation: Operation) {
        holdTransfer()
        operation.completionBlock = { [self] in operationFinished() }
        super.addOperation(operation)
    }

    /// Waits while the consumer is behind, and while chunks pile up in this queue faster than its thread runs them
    /// (they are not counted by the consumer until delivered).
    private func holdTransfer() {
        waitForRoom?()
        queued.lock()
        while queuedCount >= Self.maxQueuedOperations {
            _ = queued.wait(until: Date(timeIntervalSinceNow: 0.05))
        }
        queuedCount += 1
        queued.unlock()
    }

    private func operationFinished() {
        queued.lock()
        queuedCount -= 1
        queued.signal()
        queued.unlock()
    }
}
