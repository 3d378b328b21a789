import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder under the system's temporary directory, removed with everything in it when released. Tests of
/// programs on a pseudo-terminal use it as the child's `HOME` and `XDG_STATE_HOME`, so history and saved files
/// never touch the real ones and parallel tests never share any.
package final class PTYTemporaryDirectory: Sendable {
    /// The folder's absolute path (mode 0700).
    package let path: String

    /// Creates the folder.
    /// - Parameter prefix: The start of the folder's name.
    /// - Throws: `POSIXError` when it cannot be created.
    package init(prefix: String = "ssechat-pty") throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/" + prefix + ".XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard created != nil else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        path = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the folder (nothing is created).
    /// - Parameter name: A relative path.
    /// - Returns: The absolute path.
    package func file(_ name: String) -> String {
        path + "/" + name
    }

    /// The permission bits of a file, or `nil` when it does not exist.
    /// - Parameter path: Any path.
    /// - Returns: The mode's permission bits (`0o600` …).
    package static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}
