import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension SSEChatRunner {
    /// The default config file's path in the sandbox (`$XDG_CONFIG_HOME/ssechat/config.toml`).
    var configPath: String { sandbox.directory + "/config/ssechat/config.toml" }

    /// Writes the default config file with `mode`, creating its folder.
    /// - Parameters:
    ///   - text: The TOML text.
    ///   - mode: The file's permission bits.
    /// - Returns: Its path.
    @discardableResult
    func writeConfig(_ text: String, mode: mode_t = 0o600) throws -> String {
        try FileManager.default.createDirectory(
            atPath: sandbox.directory + "/config/ssechat",
            withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
        #expect(chmod(configPath, mode) == 0)
        return configPath
    }

    /// Writes an executable shell script in the sandbox.
    /// - Parameters:
    ///   - name: Its file name.
    ///   - body: The script after `#!/bin/sh`.
    /// - Returns: Its path.
    func writeScript(_ name: String, _ body: String) throws -> String {
        let path = try sandbox.file(named: name, contents: Data(("#!/bin/sh\n" + body + "\n").utf8))
        #expect(chmod(path, 0o700) == 0)
        return path
    }
}

/// A server that answers every chat with "ok".
func okServer() throws -> TranscriptServer {
    try TranscriptServer(.events(Transcript.openAI(["ok"])))
}
