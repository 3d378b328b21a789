import ChatClient
import ChatWire
import Foundation
import LineEditor
import TerminalUI

/// The interactive loop: libedit prompt, slash commands, a streamed reply per message.
///
/// Ctrl-C while a reply streams cancels it (the text stays, marked interrupted); at the prompt libedit clears the
/// line; Ctrl-D or `/exit` leaves. The terminal is restored on every way out (`LibEditLineReader.close()`).
/// Files attached with `-f` or `/file` go with the next message typed (`REPL+Attachments.swift`); Ctrl-X Ctrl-E
/// and `/edit` write a message in an external editor (`REPL+Editor.swift`).
struct REPL {
    let session: ChatSession
    let environment: [String: String]
    /// Whether a turn is under way, for SIGTERM.
    let latch = TurnLatch()
    /// The files for the next message.
    let pending: PendingAttachments

    /// Creates the loop.
    /// - Parameters:
    ///   - session: The chat session.
    ///   - environment: The process's environment (history file, editor).
    ///   - attachments: Files for the first message (`-f`).
    init(session: ChatSession, environment: [String: String], attachments: [FileAttachment] = []) {
        self.session = session
        self.environment = environment
        self.pending = PendingAttachments(attachments)
    }

    func run() async -> ExitStatus {
        // The terminal as found, for SIGTERM (which cannot wait for the line editor to close; see below).
        var found = termios()
        let foundSettings = tcgetattr(STDIN_FILENO, &found) == 0 ? found : nil
        let reader: LibEditLineReader
        do {
            reader = try LibEditLineReader(
                programName: "ssechat",
                historyFile: HistoryFile.defaultPath(environment: environment),
                completions: { prefix in REPLCompletion.candidates(for: prefix, list: REPLCompletion.entries(of:)) }
            )
        } catch {
            StandardStream.error.writeMessage("cannot start the line editor: \(error)")
            return .failure
        }
        defer { reader.close() }
        let runner = session.runner
        // SIGINT reaches us only while a reply streams (libedit reads Ctrl-C as a key at the prompt).
        let trap = SignalTrap(signals: [SIGINT]) { _ in runner.cancelCurrentTurn() }
        defer { trap.cancel() }
        // SIGTERM during a turn cancels the reply; the loop leaves with 143 once the partial reply is kept. At the
        // prompt it leaves at once: `reader.close()` would wait for the read in progress (forever). The history
        // file is already written; the terminal is put back as found and bracketed paste turned off.
        let latch = latch
        let terminate = SignalTrap(signals: [SIGTERM]) { _ in
            if latch.requestStop() {
                runner.cancelCurrentTurn()
                return
            }
            if var settings = foundSettings { _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings) }
            StandardStream.output.write("\u{1B}[?2004l\n")
            _exit(ExitStatus.terminated.rawValue)
        }
        defer { terminate.cancel() }
        banner()
        notePending()
        var assembler = MultilineAssembler()
        // A line given back to the prompt (after a cancelled or failed edit).
        var initialText = ""
        while true {
            let prompt = assembler.isContinuing ? "... " : "> "
            let read = await reader.readLine(prompt: prompt, initialText: initialText)
            initialText = ""
            switch read {
            case .endOfInput:
                return .ok
            case .interrupted:
                assembler.reset()
                continue
            case .editRequested(let line):
                let typed = [assembler.finish(), line].compactMap { $0 }.filter { !$0.isEmpty }
                initialText = await edit(typed.joined(separator: "\n"), reader: reader)
            case .line(let line):
                guard let message = assembler.feed(line) else { continue }
                let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                reader.addHistory(message)
                switch SlashCommand(line: trimmed) {
                case .edit(let text)?:
                    initialText = await edit(text ?? "", reader: reader)
                case let command?:
                    if await perform(command) == false { return .ok }
                case nil:
                    await sendMessage(message)
                }
            }
            if latch.stopRequested { return .terminated }
        }
    }

    /// Sends a message the user wrote, with the files attached to it; they are attached again if the request
    /// failed before any reply arrived (the message is not in the conversation then either).
    func sendMessage(_ text: String) async {
        let files = pending.take()
        let result = await send(FileAttachment.compose(prompt: text, attachments: files))
        if case .failed = result.end, result.text.isEmpty { pending.restore(files) }
    }

    /// One turn: the reply streams while typed keys wait for the next prompt; a failure gets its line.
    @discardableResult
    private func send(_ text: String) async -> TurnResult {
        let result = await latch.during { await QuietInput.whileStreaming { await session.send(text) } }
        if case .failed(let failure) = result.end { error(failure.message) }
        return result
    }

    private func banner() {
        let model = session.conversation.model ?? session.endpoint.model ?? session.endpoint.provider.rawValue
        let host = session.endpoint.baseURL.host ?? ""
        let port = session.endpoint.baseURL.port.map { ":\($0)" } ?? ""
        note("ssechat \(SSEChatVersion.current) · \(model) @ \(host)\(port) · /help for commands, Ctrl-D to leave")
    }

    /// Carries out a slash command; `false` means leave.
    private func perform(_ command: SlashCommand) async -> Bool {
        switch command {
        case .help:
            note(SlashCommand.helpText)
        case .exit:
            return false
        case .clear:
            session.startNewConversation()
            note("conversation cleared")
        case .new:
            session.startNewConversation()
            note("new conversation")
        case .system(let text):
            if let text {
                session.conversation.system = text
                note("system prompt set")
            } else {
                note("system prompt: \(session.conversation.system ?? "(none)")")
            }
        case .model(let name):
            if let name {
                session.conversation.model = name
                note("model: \(name)")
            } else {
                note("model: \(session.conversation.model ?? session.endpoint.model ?? "(server default)")")
                await listModels()
            }
        case .retry:
            guard let text = session.retractLastTurn() else {
                note("nothing to retry")
                return true
            }
            await send(text)
        case .continue:
            guard session.conversation.lastReplyIsUnfinished else {
                note("the last reply is complete; nothing to continue")
                return true
            }
            await send("Continue exactly where your last reply stopped, without repeating it.")
        case .save(let path):
            guard let path else { return usage("/save FILE") }
            do {
                try session.conversation.save(to: Self.expand(path))
                note("saved to \(path)")
            } catch {
                self.error("cannot save to \(path): \(error.localizedDescription)")
            }
        case .load(let path):
            guard let path else { return usage("/load FILE") }
            do {
                session.replaceConversation(with: try Conversation.load(from: Self.expand(path)))
                note("loaded \(session.conversation.entries.count) messages from \(path)")
            } catch {
                self.error("cannot load \(path): \(error.localizedDescription)")
            }
        case .stats:
            note(session.lastStats?.summary ?? "no reply yet")
        case .file(let argument):
            attach(argument)
        case .edit:
            // Carried out by the loop, which owns the line reader.
            break
        case .copy(let argument):
            let reply = session.conversation.entries.last { $0.role == .assistant }?.content
            switch ClipboardCopy.select(reply: reply, argument: argument) {
            case .success(let selection):
                StandardStream.output.write(ClipboardCopy.osc52(selection.text))
                note("copied \(selection.description) to the clipboard")
            case .failure(let refusal):
                error(refusal.message)
            }
        case .unknown(let name, let suggestion):
            error(
                "unknown command \(name)" + (suggestion.map { "; did you mean \($0)?" } ?? "") + " (/help lists them)"
            )
        }
        return true
    }

    /// The endpoint's models, one per line after the current one; a failure is one line and the REPL goes on.
    private func listModels() async {
        do {
            let models = try await ModelListFetcher(endpoint: session.endpoint).fetch()
            note(models.isEmpty ? "the server lists no models" : "available:")
            for line in ModelListText.lines(models).split(separator: UInt8(ascii: "\n")) {
                note("  " + String(decoding: line, as: UTF8.self))
            }
        } catch {
            self.error("cannot list the models: \(error.message)")
        }
    }

    private func usage(_ text: String) -> Bool {
        error("usage: \(text)")
        return true
    }

    func note(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            StandardStream.error.write(TerminalStyle.status.line(String(line), color: colorOnStderr))
        }
    }

    func error(_ text: String) {
        StandardStream.error.write(TerminalStyle.error.line("ssechat: " + text, color: colorOnStderr))
    }

    /// Follows `--color` (and, with `auto`, `NO_COLOR`, `TERM` and whether stderr is a terminal).
    private var colorOnStderr: Bool {
        session.runner.style.stderrColor
    }

    static func expand(_ path: String) -> String {
        NSString(string: path).expandingTildeInPath
    }
}
