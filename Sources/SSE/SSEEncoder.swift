#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Encodes events into event-stream bytes (WHATWG HTML §9.2): the inverse of `SSEParser`.
///
/// ```
///  encode(data: "a\r\nb", event: "delta", id: "g-7", retry: 1000)
///
///  id: g-7␤            field order: id, event, retry, data
///  event: delta␤
///  retry: 1000␤
///  data: a␤            data split on CR, LF and CRLF, one `data:` line each
///  data: b␤
///  ␤                   a blank line dispatches the event
/// ```
///
/// `␤` is the configured line ending (LF, CRLF or CR; all three parse the same). Every value is written after one
/// space, so a value that itself starts with a space survives the parser's "remove one leading space" rule. The
/// `id` and `event` values cannot hold line ends: any CR or LF in them is dropped (an `id` holding NUL is written
/// as given, and the parser will ignore it). A comment's text is split into one `:` line per line.
package struct SSEEncoder: Sendable {
    /// The line terminator the encoder writes.
    package enum LineEnding: Sendable, Hashable, CaseIterable {
        /// `\n`, what nearly every server sends.
        case lf
        /// `\r\n`.
        case crlf
        /// A bare `\r`.
        case cr

        /// The terminator's bytes.
        package var bytes: [UInt8] {
            switch self {
            case .lf: [0x0A]
            case .crlf: [0x0D, 0x0A]
            case .cr: [0x0D]
            }
        }
    }

    /// The line terminator written after every line.
    package var lineEnding: LineEnding

    /// Creates an encoder.
    /// - Parameter lineEnding: The line terminator to write; LF unless given.
    package init(lineEnding: LineEnding = .lf) {
        self.lineEnding = lineEnding
    }

    /// Appends one complete event (its fields and the blank line that dispatches it).
    /// - Parameters:
    ///   - data: The event's data; it may span lines.
    ///   - event: The event type, or `nil` for the default `message`.
    ///   - id: The event's id, or `nil` to leave the last event ID unchanged.
    ///   - retry: A reconnection time in milliseconds to send with the event, or `nil`.
    ///   - output: The buffer to append to.
    package func append(
        data: String,
        event: String? = nil,
        id: String? = nil,
        retry: Int? = nil,
        to output: inout [UInt8]
    ) {
        if let id { appendField("id", value: id, singleLine: true, to: &output) }
        if let event { appendField("event", value: event, singleLine: true, to: &output) }
        if let retry { appendRetry(milliseconds: retry, to: &output) }
        appendField("data", value: data, singleLine: false, to: &output)
        output.append(contentsOf: lineEnding.bytes)
    }

    /// Encodes one complete event.
    /// - Parameters:
    ///   - data: The event's data; it may span lines.
    ///   - event: The event type, or `nil` for the default `message`.
    ///   - id: The event's id, or `nil` to leave the last event ID unchanged.
    ///   - retry: A reconnection time in milliseconds to send with the event, or `nil`.
    /// - Returns: The event's bytes, ending with the blank line that dispatches it.
    package func encode(data: String, event: String? = nil, id: String? = nil, retry: Int? = nil) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.utf8.count + 32)
        append(data: data, event: event, id: id, retry: retry, to: &output)
        return output
    }

    /// Appends a standalone `retry:` line (not an event; nothing is dispatched).
    /// - Parameters:
    ///   - milliseconds: The reconnection time; negative values are written as 0.
    ///   - output: The buffer to append to.
    package func appendRetry(milliseconds: Int, to output: inout [UInt8]) {
        output.append(contentsOf: "retry: \(max(0, milliseconds))".utf8)
        output.append(contentsOf: lineEnding.bytes)
    }

    /// Appends a comment: one `: text` line per line of `text` (an empty text gives a bare `:` line).
    /// - Parameters:
    ///   - text: The comment, e.g. `keep-alive`.
    ///   - output: The buffer to append to.
    package func appendComment(_ text: String, to output: inout [UInt8]) {
        appendField("", value: text, singleLine: false, to: &output)
    }

    /// Encodes a comment.
    /// - Parameter text: The comment, e.g. `keep-alive`.
    /// - Returns: One `: text` line per line of `text`.
    package func encodeComment(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        appendComment(text, to: &output)
        return output
    }

    /// Writes `name: value` lines: one per line of `value`, or one line with line ends dropped when `singleLine`.
    private func appendField(_ name: String, value: String, singleLine: Bool, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var start = 0
            var first = true
            output.append(contentsOf: name.utf8)
            output.append(ASCII.colon)
            if !raw.isEmpty { output.append(ASCII.space) }
            while start <= raw.count {
                let lf = raw.firstOffset(of: ASCII.lf, in: start..<raw.count)
                let end = raw.firstOffset(of: ASCII.cr, in: start..<lf)
                if !first, !singleLine {
                    output.append(contentsOf: lineEnding.bytes)
                    output.append(contentsOf: name.utf8)
                    output.append(ASCII.colon)
                    if end > start { output.append(ASCII.space) }
                }
                first = false
                output.append(contentsOf: raw[start..<end])
                guard end < raw.count else { break }
                start = end + 1
                if raw[end] == ASCII.cr, start < raw.count, raw[start] == ASCII.lf { start += 1 }
            }
            output.append(contentsOf: lineEnding.bytes)
        }
    }
}
