import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a pipe or a file (standard input when it is not a terminal): no prompt, no echo, no editing,
/// no history.
///
/// Lines end at LF; a CR before the LF is dropped, and invalid UTF-8 becomes U+FFFD. A last line without a newline
/// is still returned. After the end of the input every read returns `.endOfInput`. Each read runs on a thread of
/// its own, never on the cooperative pool; reads are served one at a time. The descriptor is not closed.
package final class PlainLineReader: LineReader {
    private let descriptor: Int32
    private let readLock = NSLock()
    private let buffer = Mutex(LineBuffer())

    /// Creates a reader over an open file descriptor.
    /// - Parameter fileDescriptor: The descriptor to read; standard input by default.
    package init(fileDescriptor: Int32 = STDIN_FILENO) {
        self.descriptor = fileDescriptor
    }

    /// Reads the next line.
    /// - Parameter prompt: Ignored: nothing is written.
    /// - Returns: The line without its line end, or `.endOfInput` at the end of the input or on a read error.
    package func readLine(prompt: String) async -> LineReadResult {
        await DedicatedThread.run(name: "ssechat-plain-reader") { [self] in
            readLock.withLock { readBlocking() }
        }
    }

    /// Does nothing: input that is not typed has no history.
    /// - Parameter line: Ignored.
    package func addHistory(_ line: String) {}

    private func readBlocking() -> LineReadResult {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let buffered = buffer.withLock { buffer -> LineReadResult? in
                if let line = buffer.nextLine() { return .line(line) }
                if buffer.isFinished { return buffer.finish().map(LineReadResult.line) ?? .endOfInput }
                return nil
            }
            if let buffered { return buffered }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            buffer.withLock { buffer in
                if count > 0 {
                    buffer.append(chunk[0..<count])
                } else {
                    buffer.isFinished = true
                }
            }
        }
    }
}
