/// A system prompt as a layer gives it: the text, or a file that holds it.
package enum SystemPrompt: Sendable, Equatable {
    /// The prompt's text (`--system`, `system`).
    case text(String)
    /// A file to read it from (`system_file`), already made absolute against the config file's folder.
    case file(String)
}
