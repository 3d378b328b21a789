/// Which way ssechat is used this time, decided from the arguments and what stdin and stdout are.
package enum RunMode: Sendable, Equatable {
    /// An interactive REPL: no prompt given, stdin and stdout are terminals.
    case repl
    /// One turn with this prompt (`--once`, or a prompt argument); piped stdin is already folded in.
    case once(String)
    /// One turn per stdin line, one conversation.
    case script

    /// Whether later turns follow, so replies must be kept for the conversation.
    package var keepsConversation: Bool {
        if case .once = self { return false }
        return true
    }

    /// Picks the mode.
    /// - Parameters:
    ///   - promptWords: The positional prompt arguments.
    ///   - once: Whether `--once` was given.
    ///   - stdinIsTerminal: Whether stdin is a TTY.
    ///   - stdoutIsTerminal: Whether stdout is a TTY.
    ///   - stdinIsAttached: Whether stdin is a file attached with `-f -`: then it is neither the prompt nor the
    ///     script's lines, and a piped stdin makes one turn (the prompt, if any, with the files).
    ///   - readStdin: Reads all of stdin (called only when stdin is not a terminal and its text is needed).
    /// - Returns: The mode.
    package static func select(
        promptWords: [String],
        once: Bool,
        stdinIsTerminal: Bool,
        stdoutIsTerminal: Bool,
        stdinIsAttached: Bool = false,
        readStdin: () -> String
    ) -> RunMode {
        let prompt = promptWords.joined(separator: " ")
        if stdinIsAttached && !stdinIsTerminal { return .once(prompt) }
        if !prompt.isEmpty || once {
            guard !stdinIsTerminal else { return .once(prompt) }
            let piped = readStdin()
            if piped.isEmpty { return .once(prompt) }
            if prompt.isEmpty { return .once(piped) }
            return .once(prompt + "\n\n" + piped)
        }
        if stdinIsTerminal && stdoutIsTerminal { return .repl }
        if stdinIsTerminal { return .repl }
        return .script
    }
}
