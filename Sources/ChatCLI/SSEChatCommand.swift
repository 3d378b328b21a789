import ArgumentParser

/// The root `ssechat` command: chat (the default), `events`, `serve`, `render`, `config`, `log` and `models`.
package struct SSEChatCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "ssechat",
        abstract: "A terminal chat client for LLM servers that stream Server-Sent Events.",
        version: SSEChatVersion.current,
        subcommands: [
            ChatCommand.self, EventsCommand.self, ServeCommand.self, RenderCommand.self, ConfigCommand.self,
            LogCommand.self, ModelsCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    package init() {}
}

/// The program's version string.
package enum SSEChatVersion {
    /// The version `--version` prints.
    package static let current = "0.1.0"
}
