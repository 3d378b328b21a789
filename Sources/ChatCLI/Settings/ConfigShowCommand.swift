import ArgumentParser
import Foundation
import Settings

/// `ssechat config show [--json]`: every resolved setting with its source; keys only as `set (from …)`.
struct ConfigShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print every resolved setting and where it came from (keys only as 'set').",
        discussion:
            "Takes the same flags as a chat, so 'ssechat config show -p work -m gpt-4o' shows what that would use."
    )

    @OptionGroup var settings: SettingsOptions

    @Flag(help: "One JSON object instead of text.")
    var json = false

    func run() async throws {
        let resolved = try SettingsLoader.resolve(options: settings, environment: ProcessInfo.processInfo.environment)
        let report = SettingsReport(resolved)
        StandardStream.output.write(json ? report.json : report.text)
    }
}
