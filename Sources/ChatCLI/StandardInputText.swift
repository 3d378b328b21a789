import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input as text pieces, read as the bytes arrive: `read(2)` on a thread of its own (never on the
/// cooperative pool), one piece per read. The reader waits until the consumer calls `taken()` before reading on, so
/// a slow terminal holds the writer back instead of letting text pile up in memory.
final class StandardInputText: Sendable {
    /// The pieces, in order; the stream ends at the end of input.
    let pieces: AsyncStream<String>
    private let room = DispatchSemaphore(value: 0)

    /// Starts reading `fd` (standard input by default).
    init(fd: Int32 = 0) {
        let (pieces, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .unbounded)
        self.pieces = pieces
        let room = room
        let thread = Thread {
            var decoder = UTF8Pieces()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                let text = decoder.decode(buffer[0..<count])
                guard !text.isEmpty else { continue }
                if case .terminated = continuation.yield(text) { return }
                room.wait()
            }
            let rest = decoder.finish()
            if !rest.isEmpty { continuation.yield(rest) }
            continuation.finish()
        }
        thread.name = "ssechat.stdin"
        thread.start()
    }

    /// Lets the reader read on: call it after handling each piece.
    func taken() {
        room.signal()
    }
}

/// Decodes UTF-8 that arrives in pieces: a sequence cut at the end of a piece is held until the next one; invalid
/// bytes become U+FFFD.
struct UTF8Pieces: Sendable {
    private var carried: [UInt8] = []

    /// The text of `bytes`, after what was carried, up to the last complete sequence.
    mutating func decode(_ bytes: some Collection<UInt8>) -> String {
        var all = carried
        all.append(contentsOf: bytes)
        let end = Self.completeEnd(all)
        carried = Array(all[end...])
        return String(decoding: all[..<end], as: UTF8.self)
    }

    /// What is still carried (an incomplete sequence at the end of input), as U+FFFD.
    mutating func finish() -> String {
        defer { carried.removeAll() }
        return String(decoding: carried, as: UTF8.self)
    }

    /// Where the bytes stop being complete: before a lead byte at most 3 bytes from the end whose sequence is cut.
    private static func completeEnd(_ bytes: [UInt8]) -> Int {
        var index = bytes.count - 1
        while index >= 0, index >= bytes.count - 3, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        guard index >= 0 else { return bytes.count }
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return index + length > bytes.count ? index : bytes.count
    }
}
