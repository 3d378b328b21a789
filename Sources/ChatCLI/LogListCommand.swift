import ArgumentParser
import ConversationStore

/// `ssechat log list`: the conversations updated last, newest first.
struct LogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The conversations updated last, newest first: id, last update, messages, model, title."
    )

    @Option(name: .customShort("n"), help: "How many to show.")
    var count: Int = 20

    @Flag(help: "One JSON array of conversations.")
    var json = false

    func validate() throws {
        if count < 1 { throw ValidationError("-n must be 1 or more") }
    }

    func run() throws {
        let summaries = try LogCommand.openStore().map { store in
            try LogCommand.attempt { try store.list(limit: count) }
        }
        StandardStream.output.write(
            json ? LogFormatter.listJSON(summaries ?? []) : LogFormatter.list(summaries ?? [])
        )
    }
}
