import ChatWire
import Foundation
import Settings

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The settings of one run, with the key and the system prompt fetched.
struct LoadedSettings: Sendable {
    /// Every setting and its source.
    var resolved: ResolvedSettings
    /// The API key (from a flag, the environment, the file or `api_key_cmd`); never printed.
    var apiKey: String?
    /// The system prompt's text (read from `system_file` when that is where it is).
    var system: String?
}

/// The I/O around `SettingsResolver`: finds and reads the config file, checks that a file holding a key is private,
/// reads `system_file` and runs `api_key_cmd`. Every failure is a `CLIFailure` of one line (exit 2; 3 when
/// `api_key_cmd` fails) raised before anything is sent.
enum SettingsLoader {
    /// Resolves the settings without running `api_key_cmd` or reading `system_file` (`config show`).
    /// - Parameters:
    ///   - options: The settings flags.
    ///   - continuedConversation: What a continued conversation (`-c`) set: below the flags, above the environment.
    ///   - environment: The process's environment.
    /// - Returns: The resolved settings.
    /// - Throws: `CLIFailure` for a broken or unreadable config file, or an unknown profile.
    static func resolve(
        options: SettingsOptions,
        continuedConversation: SettingsLayer? = nil,
        environment: [String: String]
    ) throws -> ResolvedSettings {
        let path = ConfigLocation.path(flag: options.config, environment: environment)
        do {
            let config = try readConfig(at: path, environment: environment)
            return try SettingsResolver(
                flags: options.layer,
                profileFlag: options.profile,
                continuedConversation: continuedConversation,
                environment: environment,
                configPath: path,
                config: config,
                builtIns: .init(
                    inferProvider: ChatProviderKind.inferred(fromURL:),
                    defaultModel: EndpointResolver.defaultModel
                )
            )
            .resolve()
        } catch {
            throw failure(error)
        }
    }

    /// Resolves the settings, then reads `system_file` and runs `api_key_cmd` when they are what is used.
    /// - Parameters:
    ///   - options: The settings flags.
    ///   - continuedConversation: What a continued conversation (`-c`) set: below the flags, above the environment.
    ///   - environment: The process's environment.
    /// - Returns: The settings of this run.
    /// - Throws: `CLIFailure` (exit 2, or 3 when `api_key_cmd` fails).
    static func load(
        options: SettingsOptions,
        continuedConversation: SettingsLayer? = nil,
        environment: [String: String]
    ) async throws -> LoadedSettings {
        let resolved = try resolve(
            options: options,
            continuedConversation: continuedConversation,
            environment: environment
        )
        do {
            var system: String?
            switch resolved.system?.value {
            case .text(let text): system = text
            case .file(let path): system = try readSystemFile(path, source: resolved.system?.source)
            case nil: break
            }
            var key: String?
            switch resolved.apiKey?.value {
            case .value(let value): key = value
            case .command(let argv):
                let location = resolved.apiKey.map { "\($0.source.fileLocation ?? "")" } ?? ""
                key = try await APIKeyCommand(argv: argv, environment: environment, location: location).run()
            case .variable, nil: break
            }
            return LoadedSettings(resolved: resolved, apiKey: key, system: system)
        } catch {
            throw failure(error)
        }
    }

    /// The config file, `nil` when it is absent from its default place.
    private static func readConfig(at path: Sourced<String>, environment: [String: String]) throws -> ConfigFile? {
        let descriptor = open(path.value, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT && path.source == .builtIn { return nil }
            throw SettingsError(
                .unreadable,
                "cannot read the config file \(path.value) (from \(path.source)): \(reason)"
            )
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw SettingsError(.unreadable, "the config file \(path.value) is not a regular file")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw SettingsError(
                    .unreadable,
                    "cannot read the config file \(path.value): \(String(cString: strerror(errno)))"
                )
            }
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        let file = try ConfigFile.parse(
            String(decoding: bytes, as: UTF8.self),
            path: path.value,
            home: environment["HOME"]
        )
        if let line = file.plainKeyLine {
            if status.st_uid != geteuid() {
                throw SettingsError(
                    .openPermissions,
                    "\(path.value):\(line): refusing a key kept in a file that is not yours "
                        + "(it must be yours, chmod 600 \(path.value))"
                )
            }
            if status.st_mode & 0o077 != 0 {
                throw SettingsError(
                    .openPermissions,
                    "\(path.value):\(line): refusing a key kept in a file others can open; run chmod 600 \(path.value)"
                )
            }
        }
        return file
    }

    private static func readSystemFile(_ path: String, source: SettingSource?) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let origin = source.map { "\($0): " } ?? ""
            throw SettingsError(.unreadable, "\(origin)cannot read system_file \(path)")
        }
    }

    /// One line, exit 2 — or 3 when the key command failed (no usable key, like a refused one).
    private static func failure(_ error: any Error) -> any Error {
        guard let error = error as? SettingsError else { return error }
        return CLIFailure(error.description, status: error.code == .keyCommand ? .auth : .usage)
    }
}

extension SettingSource {
    /// `FILE:LINE` for a source in the config file.
    var fileLocation: String? {
        switch self {
        case .file(let path, let line), .keyCommand(let path, let line): "\(path):\(line)"
        default: nil
        }
    }
}
