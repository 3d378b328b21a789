/// Splits bytes into lines for ``PlainLineReader``. Pure: bytes in, lines out.
struct LineBuffer: Sendable {
    private var bytes: [UInt8] = []
    /// Where the first unreturned line starts.
    private var start = 0
    /// Everything before this index (from `start`) is known to hold no LF.
    private var searched = 0
    /// `true` once the input ended; ``finish()`` then returns the unterminated rest.
    var isFinished = false

    /// Adds input.
    /// - Parameter chunk: The bytes read.
    mutating func append(_ chunk: ArraySlice<UInt8>) {
        if start > 0 {
            bytes.removeFirst(start)
            searched -= start
            start = 0
        }
        bytes += chunk
    }

    /// Takes the next complete line.
    /// - Returns: The line without its LF or CR LF, or `nil` when no complete line is buffered.
    mutating func nextLine() -> String? {
        guard let newline = bytes[max(start, searched)...].firstIndex(of: UInt8(ascii: "\n")) else {
            searched = bytes.count
            return nil
        }
        let line = Self.text(bytes[start..<newline])
        start = newline + 1
        searched = start
        return line
    }

    /// Takes the unterminated rest at the end of the input.
    /// - Returns: The rest without a final CR, or `nil` when nothing is left.
    mutating func finish() -> String? {
        guard start < bytes.count else { return nil }
        let line = Self.text(bytes[start...])
        bytes.removeAll()
        start = 0
        searched = 0
        return line
    }

    private static func text(_ line: ArraySlice<UInt8>) -> String {
        let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        return String(decoding: trimmed, as: UTF8.self)
    }
}
