import ArgumentParser
import Foundation
import Settings

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ssechat config init`: writes a commented example config (mode 0600; folders it creates 0700), never over an
/// existing file.
struct ConfigInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented example config file (mode 0600); an existing file is left alone."
    )

    @Option(help: ArgumentHelp("The config file to create.", valueName: "FILE"))
    var config: String?

    func run() throws {
        let path = ConfigLocation.path(flag: config, environment: ProcessInfo.processInfo.environment).value
        try Self.makeFolders(for: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw CLIFailure("\(path) already exists; not overwriting it", status: .usage) }
            throw CLIFailure("cannot create \(path): \(String(cString: strerror(errno)))", status: .failure)
        }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let bytes = Array(ConfigTemplate.text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw CLIFailure("cannot write \(path): \(String(cString: strerror(errno)))", status: .failure)
            }
            written += count
        }
        StandardStream.output.write("wrote \(path)\n")
    }

    /// Creates the missing folders above `path`, each with mode 0700.
    private static func makeFolders(for path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var folder = ""
        for (index, part) in parts.enumerated() {
            folder += (index == 0 ? "" : "/") + part
            guard !folder.isEmpty, !part.isEmpty, part != "." else { continue }
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw CLIFailure("cannot create \(folder): \(String(cString: strerror(errno)))", status: .failure)
            }
        }
    }
}
