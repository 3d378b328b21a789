/// What one call to ``LineReader/readLine(prompt:)`` produced.
package enum LineReadResult: Sendable, Equatable {
    /// A submitted line, without its trailing newline. A bracketed paste may make it contain newlines.
    case line(String)
    /// Ctrl-C at the prompt: the line being edited was discarded. The caller shows a fresh prompt.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
    /// Ctrl-X Ctrl-E: the user asked to edit the line in an external editor (``ExternalEditor``). Holds the line as
    /// it was when the keys were pressed; libedit has already moved below it.
    case editRequested(String)
}
