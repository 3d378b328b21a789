import ArgumentParser
import ConversationStore

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
