import ArgumentParser

/// `ssechat log path`: where the database is (it may not exist yet).
struct LogPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the database's path.")

    func run() {
        StandardStream.output.write(LogCommand.databasePath() + "\n")
    }
}
