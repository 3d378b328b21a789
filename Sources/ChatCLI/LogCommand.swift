import ArgumentParser
import ConversationStore
import Foundation

/// `ssechat log list|show|search|delete|path`: the kept conversations.
package struct LogCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Browse the kept conversations (every chat turn is kept unless --no-log).",
        subcommands: [
            LogListCommand.self, LogShowCommand.self, LogSearchCommand.self, LogDeleteCommand.self,
            LogPathCommand.self,
        ]
    )

    package init() {}

    /// The database's path for this environment (`$XDG_DATA_HOME/ssechat/ssechat.db`).
    static func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        DatabaseLocation.path(environment: environment, home: NSHomeDirectory())
    }

    /// Opens the database for a `log` subcommand; `nil` when there is none yet (nothing was ever kept).
    /// - Throws: `CLIFailure` (exit 1) when it cannot be opened.
    static func openStore() throws -> ConversationStore? {
        let path = databasePath()
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try ConversationStore.open(at: path)
        } catch {
            throw CLIFailure(error.description, status: .failure)
        }
    }

    /// Runs a store call, turning its error into one line and exit 1.
    static func attempt<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ConversationStoreError {
            throw CLIFailure(error.description, status: .failure)
        }
    }

    /// The one conversation a prefix names.
    /// - Throws: `CLIFailure`: exit 2 when unknown or ambiguous.
    static func conversation(_ prefix: String, in store: ConversationStore?) throws -> StoredConversation {
        guard let store else {
            throw CLIFailure("no kept conversation has the id \(prefix) (see 'ssechat log list')", status: .usage)
        }
        do {
            return try ConversationMemory.find(.id(prefix), in: store)
        } catch let error as ConversationStoreError {
            throw CLIFailure(error.description, status: .failure)
        }
    }
}

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
        let summaries = try LogCommand.openStore().map { store in try LogCommand.attempt { try store.list(limit: count) } }
        StandardStream.output.write(
            json ? LogFormatter.listJSON(summaries ?? []) : LogFormatter.list(summaries ?? [])
        )
    }
}

/// `ssechat log show ID`: one conversation, every message with its status and figures.
struct LogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One conversation with every message (a unique prefix of its id is enough)."
    )

    @Argument(help: "The conversation's id or a unique prefix of it.")
    var id: String

    @Flag(help: "As one JSON object.")
    var json = false

    @Flag(help: "As Markdown.")
    var markdown = false

    func validate() throws {
        if json && markdown { throw ValidationError("--json and --markdown cannot be combined") }
    }

    func run() throws {
        let store = try LogCommand.openStore()
        let conversation = try LogCommand.conversation(id, in: store)
        let messages = try LogCommand.attempt { try store?.messages(in: conversation.id) ?? [] }
        let text =
            json
            ? LogFormatter.showJSON(conversation, messages)
            : markdown
                ? LogFormatter.markdown(conversation, messages)
                : LogFormatter.show(conversation, messages, sanitize: isatty(1) == 1)
        StandardStream.output.write(text)
    }
}

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
        let hits = try LogCommand.openStore().map { store in try LogCommand.attempt { try store.search(query, limit: count) } }
        StandardStream.output.write(json ? LogFormatter.searchJSON(hits ?? []) : LogFormatter.search(hits ?? []))
    }
}

/// `ssechat log delete ID`: forgets one conversation.
struct LogDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete one conversation and its messages (a unique prefix of its id is enough)."
    )

    @Argument(help: "The conversation's id or a unique prefix of it.")
    var id: String

    func run() throws {
        let store = try LogCommand.openStore()
        let conversation = try LogCommand.conversation(id, in: store)
        _ = try LogCommand.attempt { try store?.delete(conversation: conversation.id) }
        StandardStream.output.write("deleted \(conversation.id) (\(conversation.title))\n")
    }
}

/// `ssechat log path`: where the database is (it may not exist yet).
struct LogPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the database's path.")

    func run() {
        StandardStream.output.write(LogCommand.databasePath() + "\n")
    }
}
