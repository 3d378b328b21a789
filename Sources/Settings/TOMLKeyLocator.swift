/// Finds the line each key of a TOML document is defined on.
///
/// TOMLKit reports a line and column for a syntax error, but a parsed table does not say where its keys were, and
/// "FILE:LINE: unknown key …" needs that. The locator runs only on text TOMLKit accepted, so it follows just what
/// can hold or hide a key — table headers, key/value pairs, inline tables, and the strings and arrays that may span
/// lines — and never fails: text it does not understand is skipped.
///
/// ```
/// [profiles.work]            ["profiles", "work"]                          at its line
/// model = "gpt-4o"           ["profiles", "work", "model"]
/// headers.X-Team = "a"       ["profiles", "work", "headers"], [… "headers", "X-Team"]
/// headers = { A = "1" }      ["profiles", "work", "headers"], [… "headers", "A"]
/// api_key_cmd = [            ["profiles", "work", "api_key_cmd"]; no keys inside the array
///   "pass", "show" ]
/// system = """ … """         no keys inside the string, however many lines it spans
/// ```
/// A path defined twice keeps its first line (TOML forbids redefinition, except for `[[array]]` tables).
package struct TOMLKeyLocator: Sendable {
    private var lines: [[String]: Int] = [:]

    /// Scans a document.
    /// - Parameter text: A TOML document (one TOMLKit parsed).
    package init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.scanDocument()
        lines = scanner.lines
    }

    /// The line (1-based) that defines `path`, or else the nearest enclosing table or key that has a line.
    /// - Parameter path: A key path, such as `["profiles", "work", "model"]`.
    /// - Returns: The line, or `nil` when neither the path nor any prefix of it was found.
    package func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    /// A byte scanner over the document that records where keys are.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lines: [[String]: Int] = [:]

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        mutating func advance() {
            if current == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }

        mutating func record(_ path: [String], at line: Int) {
            guard !path.isEmpty else { return }
            for length in 1...path.count where lines[Array(path.prefix(length))] == nil {
                lines[Array(path.prefix(length))] = line
            }
        }

        mutating func scanDocument() {
            var table: [String] = []
            while current != nil {
                skipBlanks(newlines: true)
                guard let byte = current else { break }
                if byte == UInt8(ascii: "[") {
                    let start = line
                    advance()
                    if current == UInt8(ascii: "[") { advance() }
                    table = scanKey()
                    record(table, at: start)
                } else {
                    let start = line
                    let key = scanKey()
                    skipBlanks(newlines: false)
                    if current == UInt8(ascii: "="), !key.isEmpty {
                        advance()
                        record(table + key, at: start)
                        skipBlanks(newlines: false)
                        skipValue(path: table + key)
                    }
                }
                skipToLineEnd()
            }
        }

        /// Spaces, tabs, comments and (when asked) newlines.
        mutating func skipBlanks(newlines: Bool) {
            while let byte = current {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                    advance()
                } else if newlines && byte == UInt8(ascii: "\n") {
                    advance()
                } else if byte == UInt8(ascii: "#") {
                    while let next = current, next != UInt8(ascii: "\n") { advance() }
                } else {
                    return
                }
            }
        }

        mutating func skipToLineEnd() {
            while let byte = current, byte != UInt8(ascii: "\n") {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    skipString()
                } else {
                    advance()
                }
            }
            if current != nil { advance() }
        }

        /// A dotted key: bare, "basic" or 'literal' parts separated by dots.
        mutating func scanKey() -> [String] {
            var parts: [String] = []
            while true {
                skipBlanks(newlines: false)
                guard let byte = current else { return parts }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    parts.append(scanQuotedKey(quote: byte))
                } else if Self.isBareKeyByte(byte) {
                    let start = index
                    while let next = current, Self.isBareKeyByte(next) { advance() }
                    parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                } else {
                    return parts
                }
                skipBlanks(newlines: false)
                guard current == UInt8(ascii: ".") else { return parts }
                advance()
            }
        }

        mutating func scanQuotedKey(quote: UInt8) -> String {
            advance()
            var key: [UInt8] = []
            while let byte = current, byte != quote, byte != UInt8(ascii: "\n") {
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), let escaped = peek(1) {
                    key.append(escaped)
                    advance()
                } else {
                    key.append(byte)
                }
                advance()
            }
            if current == quote { advance() }
            return String(decoding: key, as: UTF8.self)
        }

        static func isBareKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default: false
            }
        }

        /// One value: a string (of any kind), an array, an inline table or a scalar.
        mutating func skipValue(path: [String]) {
            guard let byte = current else { return }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipString()
            case UInt8(ascii: "["):
                advance()
                while let next = current, next != UInt8(ascii: "]") {
                    skipBlanks(newlines: true)
                    guard current != nil, current != UInt8(ascii: "]") else { break }
                    let before = index
                    skipValue(path: path)
                    skipBlanks(newlines: true)
                    if current == UInt8(ascii: ",") { advance() } else if index == before { advance() }
                }
                if current != nil { advance() }
            case UInt8(ascii: "{"):
                advance()
                while let next = current, next != UInt8(ascii: "}"), next != UInt8(ascii: "\n") {
                    let start = line
                    let before = index
                    let key = scanKey()
                    skipBlanks(newlines: false)
                    if current == UInt8(ascii: "="), !key.isEmpty {
                        advance()
                        record(path + key, at: start)
                        skipBlanks(newlines: false)
                        skipValue(path: path + key)
                    }
                    skipBlanks(newlines: false)
                    if current == UInt8(ascii: ",") { advance() } else if index == before { advance() }
                }
                if current == UInt8(ascii: "}") { advance() }
            default:
                while let next = current,
                    ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\n"), UInt8(ascii: "#")]
                        .contains(next)
                {
                    advance()
                }
            }
        }

        /// A basic or literal string, single-line or multi-line, from its opening quote to past its closing one.
        mutating func skipString() {
            guard let quote = current else { return }
            let multiline = peek(1) == quote && peek(2) == quote
            let escapes = quote == UInt8(ascii: "\"")
            if multiline {
                advance()
                advance()
                advance()
                while let byte = current {
                    if escapes && byte == UInt8(ascii: "\\") {
                        advance()
                        advance()
                    } else if byte == quote && peek(1) == quote && peek(2) == quote {
                        advance()
                        advance()
                        advance()
                        // A multi-line string may end in up to two more quotes ("""a""""").
                        while current == quote { advance() }
                        return
                    } else {
                        advance()
                    }
                }
            } else {
                advance()
                while let byte = current, byte != UInt8(ascii: "\n") {
                    if escapes && byte == UInt8(ascii: "\\") {
                        advance()
                        if current != UInt8(ascii: "\n") { advance() }
                    } else if byte == quote {
                        advance()
                        return
                    } else {
                        advance()
                    }
                }
            }
        }
    }
}
