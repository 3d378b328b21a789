import Foundation

/// A REPL command typed as `/name argument…`, parsed without side effects.
enum SlashCommand: Equatable {
    case help
    case exit
    case clear
    case new
    case system(String?)
    case model(String?)
    case retry
    case `continue`
    case save(String?)
    case load(String?)
    case stats
    case copy(String?)
    case file(String?)
    case edit(String?)
    case unknown(name: String, suggestion: String?)

    /// Every command name, for `/help` and Tab completion.
    static let names = [
        "/help", "/exit", "/quit", "/bye", "/clear", "/new", "/system", "/model", "/retry", "/continue", "/save",
        "/load", "/stats", "/copy", "/file", "/edit",
    ]

    /// One line per command, for `/help`.
    static let helpText = """
        /help             this list
        /exit /quit /bye  leave (Ctrl-D too)
        /clear            forget the conversation (keeps the system prompt)
        /new              start a new conversation (the last one stays in the log)
        /system [TEXT]    show or set the system prompt
        /model [NAME]     set the model, or show it and the endpoint's models
        /retry            send your last message again, replacing the reply
        /continue         ask the model to go on after a cut-off reply
        /save FILE        save the conversation as JSON (mode 0600)
        /load FILE        load a conversation saved with /save
        /stats            figures for the last reply
        /copy [code [N]]  copy the last reply, or its last (N-th) code block, to the clipboard
        /file [PATH]      attach a text file to the next message (alone: list them; --clear: drop them)
        /edit [TEXT]      write the message in $VISUAL or $EDITOR (Ctrl-X Ctrl-E: the line typed so far)
        Ctrl-C stops a reply (the text so far is kept); a line ending in \\ or a \"\"\" block spans lines.
        """

    /// Parses a line that starts with `/`; `nil` for anything else.
    init?(line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("/"), trimmed.count > 1 else { return nil }
        let parts = trimmed.split(separator: " ", maxSplits: 1)
        let name = parts[0].lowercased()
        let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
        let value = argument?.isEmpty == false ? argument : nil
        switch name {
        case "/help", "/?": self = .help
        case "/exit", "/quit", "/bye", "/q": self = .exit
        case "/clear", "/reset": self = .clear
        case "/new": self = .new
        case "/system": self = .system(value)
        case "/model": self = .model(value)
        case "/retry": self = .retry
        case "/continue": self = .continue
        case "/save": self = .save(value)
        case "/load": self = .load(value)
        case "/stats": self = .stats
        case "/copy": self = .copy(value)
        case "/file": self = .file(value)
        case "/edit": self = .edit(value)
        default: self = .unknown(name: name, suggestion: Self.closest(to: name))
        }
    }

    /// The command name closest to a mistyped one (a shared prefix, or at most two edits away).
    static func closest(to name: String) -> String? {
        if let prefixed = names.first(where: { $0.hasPrefix(name) || name.hasPrefix($0) }) { return prefixed }
        let scored = names.map { ($0, editDistance($0, name)) }.min { $0.1 < $1.1 }
        guard let best = scored, best.1 <= 2 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
