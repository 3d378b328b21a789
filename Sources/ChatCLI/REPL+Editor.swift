import LineEditor
import TerminalUI

extension REPL {
    /// Writes a message in the user's editor (Ctrl-X Ctrl-E, `/edit`) and sends what was saved.
    ///
    /// The editor opens on `text`; what it saves (trailing blank lines dropped) is shown after the prompt as if
    /// typed, added to history, and sent with any attached files. A file left empty (or only blank) cancels with a
    /// note; an editor that fails or cannot be found gets one line. Either way nothing is sent and `text` is given
    /// back, for the next prompt to start with.
    /// - Parameters:
    ///   - text: What the editor starts with: the line typed so far, or `/edit`'s argument.
    ///   - reader: The line reader, whose history gets the message.
    /// - Returns: The text for the next prompt: `text` when nothing was sent, else empty.
    func edit(_ text: String, reader: LibEditLineReader) async -> String {
        let editor = ExternalEditor(environment: environment)
        let saved: String
        do throws(LineEditorError) {
            saved = try await editor.edit(text)
        } catch {
            self.error("\(error); nothing was sent")
            return text
        }
        guard let message = ExternalEditor.message(fromSaved: saved) else {
            note("the editor left the file empty; nothing was sent")
            return text
        }
        var sanitizer = TerminalSanitizer()
        StandardStream.output.write("> " + sanitizer.sanitize(message) + "\n")
        reader.addHistory(message)
        await sendMessage(message)
        return ""
    }
}
