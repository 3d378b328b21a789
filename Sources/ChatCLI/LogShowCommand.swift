import ArgumentParser
import ConversationStore
import Foundation

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
