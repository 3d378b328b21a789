import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unbuffered writes to stdout or stderr with `write(2)`: each call reaches the descriptor before it returns,
/// so output streams as it is produced. A closed pipe (EPIPE) ends writing quietly.
package struct StandardStream: Sendable {
    /// The file descriptor.
    package let fd: Int32

    /// Standard output.
    package static let output = StandardStream(fd: 1)
    /// Standard error.
    package static let error = StandardStream(fd: 2)

    /// Whether the descriptor is a terminal.
    package var isTerminal: Bool { isatty(fd) == 1 }

    /// Writes all of `bytes`, retrying partial writes and EINTR.
    /// - Returns: `false` when the reader has gone away (EPIPE) or another error stopped the write.
    @discardableResult
    package func write(_ bytes: some Collection<UInt8>) -> Bool {
        let written: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            Self.writeAll(fd, UnsafeRawBufferPointer(buffer))
        }
        if let written { return written }
        return Array(bytes).withUnsafeBytes { Self.writeAll(fd, $0) }
    }

    /// Writes a string's UTF-8 bytes.
    @discardableResult
    package func write(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { Self.writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    /// Writes one line of text followed by a newline, in one call.
    @discardableResult
    package func writeLine(_ text: String) -> Bool { write(text + "\n") }

    /// Writes `ssechat: MESSAGE` as one line, the message sanitised (`TerminalSanitizer.singleLine`: control
    /// sequences removed, line breaks turned into spaces), since it may quote a server.
    /// - Parameter message: The message, from any source.
    /// - Returns: `false` when the write failed, as `write(_:)`.
    @discardableResult
    package func writeMessage(_ message: String) -> Bool {
        writeLine("ssechat: " + TerminalSanitizer.singleLine(message))
    }

    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        guard var pointer = buffer.baseAddress else { return true }
        var remaining = buffer.count
        while remaining > 0 {
            let count = Glibc.write(fd, pointer, remaining)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            pointer += count
            remaining -= count
        }
        return true
    }
}
