import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A URLSession data delegate that only counts what arrives (and, optionally, copies it to standard output): the
/// transport floor of a Swift client on URLSession, with no SSE parsing and no JSON.
///
/// `@unchecked Sendable`: it wraps URLSession's delegate callbacks, and its mutable counters are only touched on the
/// session's delegate queue, which is serial (`maxConcurrentOperationCount == 1`), and read by the main thread only
/// after `finished` was signalled from that queue (the semaphore orders the accesses).
final class ByteCountingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Bytes of response body received.
    private(set) var bytes = 0
    /// `didReceive` calls (with HTTP/1.1 chunked bodies on Linux, one per chunk).
    private(set) var chunks = 0
    /// The HTTP status, once the response head arrived.
    private(set) var status = 0
    /// The transfer's error, if it failed.
    private(set) var failure: (any Error)?
    /// Signalled once when the task completes.
    let finished = DispatchSemaphore(value: 0)
    private let echo: Bool

    /// Creates a delegate.
    /// - Parameter echo: Whether to write each received chunk to standard output at once.
    init(echo: Bool) {
        self.echo = echo
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        status = (response as? HTTPURLResponse)?.statusCode ?? 0
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        bytes += data.count
        chunks += 1
        guard echo else { return }
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(1, base + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        failure = error
        finished.signal()
    }
}
