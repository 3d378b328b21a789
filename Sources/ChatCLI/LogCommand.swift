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
