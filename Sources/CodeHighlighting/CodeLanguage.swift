/// A language `CodeLexer` can colour, chosen by the name in a fenced code block's info string.
///
/// `console` and `shell-session` are left out on purpose: their output lines are not shell, and an apostrophe in
/// the output would colour the rest of the block as a string. Such blocks, like any unknown language, are plain.
package enum CodeLanguage: String, Sendable, CaseIterable {
    case swift, python, javaScript, rust, go, c, java, shell, json, yaml, sql, markup, css, diff

    /// Every name accepted for each language (matched without regard to case).
    package static let names: [CodeLanguage: [String]] = [
        .swift: ["swift"],
        .python: ["python", "py", "python3", "py3"],
        .javaScript: ["javascript", "js", "jsx", "mjs", "cjs", "typescript", "ts", "tsx", "mts", "cts"],
        .rust: ["rust", "rs"],
        .go: ["go", "golang"],
        .c: ["c", "h", "cpp", "c++", "cc", "cxx", "hpp", "hh", "hxx", "objc", "objective-c"],
        .java: ["java"],
        .shell: ["sh", "bash", "zsh", "shell", "ksh"],
        .json: ["json", "jsonc", "json5"],
        .yaml: ["yaml", "yml"],
        .sql: ["sql", "postgresql", "postgres", "mysql", "sqlite", "plpgsql"],
        .markup: ["html", "htm", "xml", "svg", "xhtml", "plist", "xsd", "xsl", "rss", "atom"],
        .css: ["css"],
        .diff: ["diff", "patch"],
    ]

    private static let byName: [String: CodeLanguage] = {
        var table: [String: CodeLanguage] = [:]
        for (language, names) in names {
            for name in names { table[name] = language }
        }
        return table
    }()

    /// The language an info string names, or `nil` when it names none of these.
    ///
    /// Only the first word counts (`python title="x.py"`), case is ignored, and the decorations some writers use
    /// are dropped (`{.python}`, `language-python`).
    /// - Parameter infoString: A fenced code block's info string, or just a language name.
    package init?(infoString: String) {
        if let language = Self.ascii(infoString) {
            guard let known = language else { return nil }
            self = known
            return
        }
        var name = Substring(infoString.lowercased()).drop(while: { $0 == " " || $0 == "\t" || $0 == "{" })
        name = name.prefix(while: { $0 != " " && $0 != "\t" && $0 != "{" && $0 != "}" && $0 != "," })
        if name.hasPrefix(".") { name = name.dropFirst() }
        if name.hasPrefix("language-") { name = name.dropFirst("language-".count) }
        guard let language = Self.byName[String(name)] else { return nil }
        self = language
    }

    /// `init(infoString:)` for an ASCII info string (the common case), read by byte: `.some(nil)` when it names no
    /// language; `nil` when it is not ASCII (then its characters are read, lowercased by Unicode's rules).
    private static func ascii(_ infoString: String) -> CodeLanguage?? {
        var infoString = infoString
        return infoString.withUTF8 { bytes -> CodeLanguage?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
            func endsName(_ byte: UInt8) -> Bool {
                isSpace(byte) || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ",")
            }
            var start = 0
            while start < bytes.count, isSpace(bytes[start]) || bytes[start] == UInt8(ascii: "{") { start += 1 }
            var end = start
            while end < bytes.count, !endsName(bytes[end]) { end += 1 }
            if start < end, bytes[start] == UInt8(ascii: ".") { start += 1 }
            let prefix = "language-".utf8
            if end - start >= prefix.count,
                zip(bytes[start..<(start + prefix.count)], prefix).allSatisfy({ lowercased($0) == $1 })
            {
                start += prefix.count
            }
            return .some(byName[String(decoding: bytes[start..<end], as: UTF8.self).lowercased()])
        }
    }
}
