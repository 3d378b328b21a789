import Foundation

/// A private temporary home for one run of the CLI: `HOME` and the `XDG_*` folders point into it, so a test never
/// reads or writes the real user's history or configuration. Removed when released.
package final class CLIProcessSandbox: Sendable {
    /// The sandbox's folder.
    package let directory: String

    /// Creates an empty folder under the system's temporary directory.
    /// - Throws: A file-system error when the folder cannot be made.
    package init() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ssechat-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        directory = path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A minimal environment for the child: `PATH`, `LANG=C.UTF-8`, `HOME` and `XDG_{CONFIG,STATE,DATA,CACHE}_HOME`
    /// in the sandbox, no `NO_COLOR`, no API keys, no base URLs; then `extra` on top.
    /// - Parameter extra: Variables to add or override.
    /// - Returns: The whole environment.
    package func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": directory,
            "XDG_CONFIG_HOME": directory + "/config",
            "XDG_STATE_HOME": directory + "/state",
            "XDG_DATA_HOME": directory + "/data",
            "XDG_CACHE_HOME": directory + "/cache",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Writes a file in the sandbox.
    /// - Parameters:
    ///   - name: The file's name.
    ///   - contents: Its bytes.
    /// - Returns: Its absolute path.
    /// - Throws: A file-system error.
    @discardableResult
    package func file(named name: String, contents: Data) throws -> String {
        let path = directory + "/" + name
        try contents.write(to: URL(fileURLWithPath: path))
        return path
    }
}
