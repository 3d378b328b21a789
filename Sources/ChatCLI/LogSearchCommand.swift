import ArgumentParser
import ConversationStore

/// `ssechat log search QUERY…`: messages that contain the words, best match first.
struct LogSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Messages containing all the words, best match first (words are matched as typed: no operators)."
    )

    @Argument(help: "The words to find.")
    var words: [String]

    @Option(name: .customShort("n"), help: "How many hits to show.")
    var count: Int = 20

    @Flag(help: "One JSON array of hits.")
    var json = false

    func validate() throws {
        if count < 1 { throw ValidationError("-n must be 1 or more") }
        if words.isEmpty { throw ValidationError("give the words to search for") }
    }

    func run() throws {
        guard let query = SearchQuery(words.joined(separator: " ")) else {
            throw CLIFailure("nothing to search for: give a word with a letter or a digit", status: .usage)
        }
        let hits = try LogCommand.openStore().map { store in
            try LogCommand.attempt { try store.search(query, limit: count) }
        }
        StandardStream.output.write(json ? LogFormatter.searchJSON(hits ?? []) : LogFormatter.search(hits ?? []))
    }
}
