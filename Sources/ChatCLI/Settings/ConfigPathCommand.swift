import ArgumentParser
import Foundation
import Settings

/// `ssechat config path`: the config file's path (the file is not read, so a broken one does not matter).
struct ConfigPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Print the config file's path (whether or not it exists)."
    )

    @Option(help: ArgumentHelp("The config file.", valueName: "FILE"))
    var config: String?

    func run() throws {
        let path = ConfigLocation.path(flag: config, environment: ProcessInfo.processInfo.environment)
        StandardStream.output.write(path.value + "\n")
    }
}
