import CodeHighlighting
import Foundation

/// A text file attached to a message (`-f/--file`, `/file`): its name as the user gave it and its text. Pure: the
/// file is read by ``FileAttachment/load(_:name:)``.
///
/// In the message each file is a Markdown block — a heading line with its name, then its text in a fenced code block
/// whose fence is longer than any backtick run in the text (so nothing inside can close it) and whose info string is
/// the file's extension when the code highlighter knows it as a language. The files come first, in the order given,
/// and the prompt after them, as `llm -f` does and as long-context guides advise (the question after the material):
/// ````
/// `Sources/main.swift`:
/// ```swift
/// print("hello")
/// ```
///
/// explain this
/// ````
struct FileAttachment: Sendable, Equatable {
    /// The name shown in the heading: the path as given, or `stdin` for `-`.
    var name: String
    /// The file's text, exactly as read.
    var text: String

    /// The file's size in bytes.
    var byteCount: Int { text.utf8.count }

    /// The message to send: every file's block, then the prompt (when not empty), separated by blank lines.
    /// - Parameters:
    ///   - prompt: What the user typed; returned unchanged when nothing is attached.
    ///   - attachments: The files, in order.
    /// - Returns: The message text.
    static func compose(prompt: String, attachments: [FileAttachment]) -> String {
        guard !attachments.isEmpty else { return prompt }
        var parts = attachments.map(\.block)
        if !prompt.isEmpty { parts.append(prompt) }
        return parts.joined(separator: "\n\n")
    }

    /// The file's block: the heading line, the opening fence with the language, the text, the closing fence.
    var block: String {
        let fence = Self.fence(for: text)
        let language = Self.language(forName: name) ?? ""
        let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        return Self.codeSpan(name) + ":\n" + fence + language + "\n" + body + fence
    }

    /// A fence of backticks longer than the longest backtick run in `text`, and at least three.
    static func fence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
    }

    /// The fence's info string for a file name: its extension, lower-cased, when the code highlighter knows it as
    /// a language name (`swift`, `py`, `ts`, `rs`, `h` …); `nil` otherwise.
    static func language(forName name: String) -> String? {
        let base = name.split(separator: "/").last ?? ""
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let fileExtension = base[base.index(after: dot)...].lowercased()
        guard !fileExtension.isEmpty, fileExtension.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            CodeLanguage(infoString: fileExtension) != nil
        else { return nil }
        return fileExtension
    }

    /// A size for people: `512 bytes`, `1.2 KiB`, `3.0 MiB`.
    static func describe(byteCount: Int) -> String {
        if byteCount < 1024 { return byteCount == 1 ? "1 byte" : "\(byteCount) bytes" }
        if byteCount < 1024 * 1024 { return String(format: "%.1f KiB", Double(byteCount) / 1024) }
        return String(format: "%.1f MiB", Double(byteCount) / (1024 * 1024))
    }

    /// The name as a Markdown code span (CommonMark: a backtick string longer than any inside, padded with a space
    /// when the name starts or ends with a backtick); line breaks become spaces so the heading stays one line.
    private static func codeSpan(_ name: String) -> String {
        let oneLine = String(name.map { $0.isNewline ? " " : $0 })
        let ticks = String(repeating: "`", count: longestBacktickRun(in: oneLine) + 1)
        let padding = oneLine.hasPrefix("`") || oneLine.hasSuffix("`") ? " " : ""
        return ticks + padding + oneLine + padding + ticks
    }

    /// What a kept conversation is titled by when its first message may start with attached files: the prompt after
    /// the file blocks `compose` wrote, or the files' names when there is no prompt; the message itself otherwise.
    /// - Parameter message: The first user message.
    /// - Returns: The text to make the title from.
    static func titleText(of message: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var names: [String] = []
        while let heading = lines.first, let name = fileName(inHeading: heading), lines.count >= 2 {
            let opening = lines[lines.startIndex + 1]
            let fence = opening.prefix { $0 == "`" }
            guard fence.count >= 3 else { break }
            guard let closing = lines.dropFirst(2).firstIndex(where: { $0 == fence }) else { break }
            names.append(name)
            lines = lines[(closing + 1)...].drop { $0.isEmpty }
        }
        guard !names.isEmpty else { return message }
        let prompt = lines.joined(separator: "\n")
        return prompt.isEmpty ? names.joined(separator: ", ") : prompt
    }

    /// The name in a block's heading line (`` `name`: ``, the code span `codeSpan` writes), or `nil`.
    private static func fileName(inHeading line: Substring) -> String? {
        guard line.hasPrefix("`"), line.hasSuffix("`:") else { return nil }
        let ticks = line.prefix { $0 == "`" }.count
        let inner = line.dropFirst(ticks).dropLast(ticks + 1)
        guard line.count >= 2 * ticks + 1, line.dropLast().suffix(ticks).allSatisfy({ $0 == "`" }) else { return nil }
        let name =
            inner.hasPrefix(" ") && inner.hasSuffix(" ") && inner.count >= 2 ? inner.dropFirst().dropLast() : inner
        return name.isEmpty ? nil : String(name)
    }

    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
