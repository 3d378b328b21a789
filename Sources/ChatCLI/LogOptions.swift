import ArgumentParser

/// The chat command's conversation-log flags: `-c/--continue`, `--conversation ID`, `--no-log`.
///
/// `configAllowsLogging` and `profile` are not flags: the settings file (`log = false`, the selected profile) sets
/// them before `run()`. Logging happens when both it and the absence of `--no-log` allow it.
package struct LogOptions: ParsableArguments {
    @Flag(name: [.customShort("c"), .customLong("continue")], help: "Continue the most recently updated conversation.")
    package var continueLast = false

    @Option(
        name: .customLong("conversation"),
        help: ArgumentHelp("Continue this kept conversation (a unique prefix of its id is enough).", valueName: "ID")
    )
    package var conversationID: String?

    @Flag(name: .customLong("no-log"), help: "Keep nothing of this run in the conversation log.")
    package var noLog = false

    /// Whether the settings allow logging (`log = false` in the settings file turns it off).
    package var configAllowsLogging = true

    /// The settings profile in use, kept with each new conversation.
    package var profile: String?

    package init() {}

    /// Whether this run's turns are kept.
    package var isLogging: Bool { configAllowsLogging && !noLog }

    /// Which kept conversation to continue, if any.
    package var continuation: Continuation? {
        if let conversationID { return .id(conversationID) }
        return continueLast ? .mostRecent : nil
    }

    /// A kept conversation to continue.
    package enum Continuation: Equatable, Sendable {
        /// The most recently updated one (`-c`).
        case mostRecent
        /// The one whose id starts with this (`--conversation`).
        case id(String)
    }

    package func validate() throws {
        if continueLast && conversationID != nil {
            throw ValidationError("--continue and --conversation cannot be combined")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case continueLast, conversationID, noLog
    }
}
