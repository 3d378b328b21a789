import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP response in flight, bridged from URLSession delegate callbacks to async calls.
///
/// The delegate queue pushes (`receive(response:)`, `receive(data:)`, `complete(error:)`); the consuming task pulls
/// (`response()`, `nextChunks()`). Chunks are handed over in batches of at most `maxBatchBytes` (one larger chunk
/// goes alone), never byte by byte. When more than the high-water mark is buffered ahead of the consumer,
/// `waitForRoom()` blocks URLSession's transfer thread (see `BackpressureOperationQueue`) until the consumer has
/// taken enough of the backlog, so TCP flow control holds a fast server back and memory stays bounded.
/// (`URLSessionTask.suspend()` cannot do this on Linux: suspending mid-transfer races inside
/// swift-corelibs-foundation and traps.)
///
/// ```
///  receive(data:) ─► chunks [16K][16K][16K][16K][16K] … ≤ high-water mark, then waitForRoom() blocks the transfer
///                           └──── one batch ────┘
///  nextChunks()   ◄─ at most maxBatchBytes: the consumer parses it and holds its events while they are handed on
/// ```
/// The batch bound matters for memory: everything parsed from one batch (each event's `String`s, the array of
/// updates) is alive at once, ~2× the batch's bytes; a whole 1 MiB backlog taken in one batch cost ~2.4 MB of heap.
final class HTTPStreamConnection: Sendable {
    private struct State {
        var task: URLSessionDataTask?
        var response: HTTPURLResponse?
        var responseWaiter: CheckedContinuation<HTTPURLResponse, any Error>?
        var chunks: [Data] = []
        var bufferedBytes = 0
        var chunkWaiter: CheckedContinuation<[Data]?, any Error>?
        var outcome: Result<Void, any Error>?
        var onActivity: (@Sendable () -> Void)?
    }

    /// The default bound of one batch handed to the consumer (four of libcurl's usual 16 KiB writes).
    static let defaultMaxBatchBytes = 64 * 1024

    private let state = Mutex(State())
    private let highWaterMark: Int
    private let maxBatchBytes: Int
    private let room = NSCondition()

    /// Creates the bridge for one request.
    /// - Parameters:
    ///   - highWaterMark: Bytes buffered ahead of the consumer before the transfer is paused.
    ///   - maxBatchBytes: Bytes handed to the consumer by one `nextChunks()` call at most (a single larger chunk is
    ///     handed over alone).
    init(highWaterMark: Int, maxBatchBytes: Int = HTTPStreamConnection.defaultMaxBatchBytes) {
        self.highWaterMark = highWaterMark
        self.maxBatchBytes = maxBatchBytes
    }

    /// Records the transfer's task. Returns `false` when the connection already ended (it was cancelled before the
    /// task existed), in which case the caller cancels the task instead of resuming it.
    func attach(_ task: URLSessionDataTask) -> Bool {
        state.withLock { state in
            state.task = task
            return state.outcome == nil
        }
    }

    /// Sets a function called whenever headers or bytes arrive (it feeds the idle timeout).
    func setActivityHandler(_ handler: @escaping @Sendable () -> Void) {
        state.withLock { $0.onActivity = handler }
    }

    // MARK: Producer side (URLSession delegate queue)

    func receive(response: HTTPURLResponse) {
        let (waiter, onActivity) = state.withLock { state in
            state.response = response
            defer { state.responseWaiter = nil }
            return (state.responseWaiter, state.onActivity)
        }
        onActivity?()
        waiter?.resume(returning: response)
    }

    /// Delivers `response` unless one was delivered already.
    func receiveIfFirst(response: HTTPURLResponse) {
        let first = state.withLock { $0.response == nil }
        if first { receive(response: response) }
    }

    func receive(data: Data) {
        let (waiter, onActivity) = state.withLock {
            state -> (CheckedContinuation<[Data]?, any Error>?, (@Sendable () -> Void)?) in
            guard state.outcome == nil else { return (nil, nil) }
            if let waiter = state.chunkWaiter {
                state.chunkWaiter = nil
                return (waiter, state.onActivity)
            }
            state.chunks.append(data)
            state.bufferedBytes += data.count
            return (nil, state.onActivity)
        }
        onActivity?()
        waiter?.resume(returning: [data])
    }

    /// Blocks the calling thread (URLSession's transfer thread) while more than the high-water mark is buffered
    /// ahead of the consumer and the connection is still open.
    func waitForRoom() {
        room.lock()
        defer { room.unlock() }
        while state.withLock({ $0.bufferedBytes > highWaterMark && $0.outcome == nil }) {
            _ = room.wait(until: Date(timeIntervalSinceNow: 0.05))
        }
    }

    private func signalRoom() {
        room.lock()
        room.broadcast()
        room.unlock()
    }

    func complete(error: (any Error)?) {
        finish(error.map { .failure($0) } ?? .success(()), cancelTask: false)
    }

    /// Ends the connection from the consumer's side with `error` (an idle timeout, say) and cancels the transfer.
    func fail(_ error: any Error) {
        finish(.failure(error), cancelTask: true)
    }

    /// Cancels the transfer; the consumer sees `CancellationError`.
    func cancel() {
        finish(.failure(CancellationError()), cancelTask: true)
    }

    private func finish(_ outcome: Result<Void, any Error>, cancelTask: Bool) {
        let (responseWaiter, chunkWaiter, task) = state.withLock {
            state -> (
                CheckedContinuation<HTTPURLResponse, any Error>?, CheckedContinuation<[Data]?, any Error>?,
                URLSessionDataTask?
            ) in
            if state.outcome == nil { state.outcome = outcome }
            defer {
                state.responseWaiter = nil
                state.chunkWaiter = nil
            }
            return (state.responseWaiter, state.chunkWaiter, cancelTask ? state.task : nil)
        }
        // URLSession's cancel() waits for its work queue, which backpressure may be holding: never block the
        // caller (often a cooperative-pool thread) on it.
        if let task { URLSessionTransport.controlQueue.async { task.cancel() } }
        signalRoom()
        let settled = state.withLock { $0.outcome } ?? outcome
        switch settled {
        case .success:
            responseWaiter?.resume(throwing: URLError(.zeroByteResource))
            chunkWaiter?.resume(returning: nil)
        case .failure(let error):
            responseWaiter?.resume(throwing: error)
            chunkWaiter?.resume(throwing: error)
        }
    }

    // MARK: Consumer side

    /// Waits for the response head.
    /// - Returns: The response.
    /// - Throws: The transfer's error, or `CancellationError` when the waiting task is cancelled.
    func response() async throws -> HTTPURLResponse {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<HTTPURLResponse, any Error>? = state.withLock { state in
                    if let response = state.response { return .success(response) }
                    if let outcome = state.outcome {
                        if case .failure(let error) = outcome { return .failure(error) }
                        return .failure(URLError(.zeroByteResource))
                    }
                    state.responseWaiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Waits for the next bytes.
    /// - Returns: The oldest chunks buffered (at least one; at most `maxBatchBytes` together unless the first alone is
    ///   larger), or `nil` when the response ended and everything was taken.
    /// - Throws: The transfer's error, or `CancellationError` when the waiting task is cancelled.
    func nextChunks() async throws -> [Data]? {
        let maxBatchBytes = maxBatchBytes
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<[Data]?, any Error>? = state.withLock { state in
                    if !state.chunks.isEmpty {
                        var count = 1
                        var bytes = state.chunks[0].count
                        while count < state.chunks.count, bytes + state.chunks[count].count <= maxBatchBytes {
                            bytes += state.chunks[count].count
                            count += 1
                        }
                        let chunks: [Data]
                        if count == state.chunks.count {
                            chunks = state.chunks
                            state.chunks.removeAll(keepingCapacity: true)
                        } else {
                            chunks = Array(state.chunks[..<count])
                            state.chunks.removeFirst(count)
                        }
                        state.bufferedBytes -= bytes
                        return .success(chunks)
                    }
                    if let outcome = state.outcome {
                        switch outcome {
                        case .success: return .success(nil)
                        case .failure(let error): return .failure(error)
                        }
                    }
                    state.chunkWaiter = continuation
                    return nil
                }
                signalRoom()
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            cancel()
        }
    }
}
