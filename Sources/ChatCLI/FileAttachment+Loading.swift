import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileAttachment {
    /// The largest file that can be attached: 4 MiB, about a million tokens, past any model's context.
    static let maxByteCount = 4 << 20

    /// What a file's bytes are, for attaching. Pure.
    enum Content: Equatable {
        /// UTF-8 text.
        case text(String)
        /// Not text: `reason` is `binary` (a NUL byte) or `not UTF-8`.
        case notText(reason: String)
    }

    /// Tells text from anything else: a NUL byte means binary (UTF-16 text has them too, and is refused), and the
    /// rest must be valid UTF-8.
    /// - Parameter bytes: The whole file.
    /// - Returns: Its text, or why it is not text.
    static func classify(_ bytes: [UInt8]) -> Content {
        if bytes.contains(0) { return .notText(reason: "binary") }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .notText(reason: "not UTF-8") }
        return .text(text)
    }

    /// Reads a file to attach, refusing what cannot be sent as text. Standard input when `path` is `-`.
    /// - Parameters:
    ///   - path: The path as the user gave it (`~` already expanded by the caller when it should be); `-` for
    ///     standard input.
    ///   - name: The name for the heading and messages; `path` (or `stdin`) by default.
    /// - Returns: The attachment.
    /// - Throws: `CLIFailure` with status `.usage` and one line naming the file: missing, unreadable, a directory,
    ///   larger than ``maxByteCount``, or not text.
    static func load(_ path: String, name: String? = nil) throws(CLIFailure) -> FileAttachment {
        let isStandardInput = path == "-"
        let name = name ?? (isStandardInput ? "stdin" : path)
        let descriptor = isStandardInput ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw refusal(name, systemError: errno) }
        defer { if !isStandardInput { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw refusal(name, systemError: EISDIR) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= maxByteCount {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw refusal(name, systemError: errno) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard bytes.count <= maxByteCount else {
            throw CLIFailure(
                "\(name): too large to attach (over \(describe(byteCount: maxByteCount)))",
                status: .usage
            )
        }
        switch classify(bytes) {
        case .text(let text):
            return FileAttachment(name: name, text: text)
        case .notText(let reason):
            throw CLIFailure("\(name): not a text file (\(reason))", status: .usage)
        }
    }

    /// `NAME: no such file or directory` and the like.
    private static func refusal(_ name: String, systemError: Int32) -> CLIFailure {
        let reason = String(cString: strerror(systemError))
        return CLIFailure("\(name): " + reason.prefix(1).lowercased() + reason.dropFirst(), status: .usage)
    }
}
