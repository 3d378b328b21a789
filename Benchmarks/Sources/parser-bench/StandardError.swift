import Foundation

/// Writes to the process's standard error, which carries progress so stdout carries only the report.
enum StandardError {
    /// Writes `text` to stderr.
    /// - Parameter text: The text, newline included if wanted.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
