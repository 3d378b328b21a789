import ArgumentParser
import SSE

/// `--max-line-bytes N`, shared by `ssechat events` and the chat command so that it means the same in both.
///
/// A `data`, `event`, `id` or `retry` line longer than N bytes fails the stream (exit 1); an event's data may grow
/// to at least N bytes. Comments and fields the parser ignores are skipped as they stream, whatever their length.
/// Without the flag the parser's default applies (`SSEParser.defaultMaxLineLength`, 128 MiB).
enum MaxLineBytes {
    /// The flag's help text.
    static let help = ArgumentHelp(
        "Fail on a data, event, id or retry line longer than N bytes (default \(SSEParser.defaultMaxLineLength >> 20) "
            + "MiB; comments and other fields are skipped whatever their length).",
        valueName: "N"
    )

    /// Refuses a limit that is not a positive number of bytes.
    /// - Parameter value: The flag's value, `nil` when it was not given.
    /// - Throws: `ValidationError` when it is 0 or less.
    static func validate(_ value: Int?) throws {
        if let value, value <= 0 { throw ValidationError("--max-line-bytes must be more than 0") }
    }
}
