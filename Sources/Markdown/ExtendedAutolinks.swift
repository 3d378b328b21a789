/// GFM's extended autolinks (`www.example.com`, `https://example.com/a`, `ftp://…`, `user@example.com`) found in
/// text outside links, with cmark-gfm's rules for the domain and for trailing punctuation, `)` and `&entity;`.
enum ExtendedAutolinks {
    /// Splits `text` into text runs and autolinks.
    /// - Parameters:
    ///   - text: Decoded text of one run of adjacent text nodes.
    ///   - emit: Receives `.text`, and `.open(.autolink)`, `.text`, `.close(.autolink)` for each link.
    static func split(_ text: [UInt8], emit: (MarkdownInline) -> Void) {
        var emitted = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            var match: (start: Int, end: Int, destination: String)?
            if byte == UInt8(ascii: "w") {
                match = www(text, at: index)
            } else if byte == UInt8(ascii: ":") {
                match = url(text, at: index, earliest: emitted)
            } else if byte == UInt8(ascii: "@") {
                match = email(text, at: index, earliest: emitted)
            }
            guard let (start, end, destination) = match else {
                index += 1
                continue
            }
            if start > emitted {
                emit(.text(String(decoding: text[emitted..<start], as: UTF8.self)))
            }
            emit(.open(.autolink(destination: destination)))
            emit(.text(String(decoding: text[start..<end], as: UTF8.self)))
            emit(.close(.autolink(destination: destination)))
            emitted = end
            index = end
        }
        if emitted < text.count {
            emit(.text(String(decoding: text[emitted...], as: UTF8.self)))
        }
    }

    private static func www(_ text: [UInt8], at index: Int) -> (Int, Int, String)? {
        guard index + 4 <= text.count, text[index..<(index + 4)].elementsEqual("www.".utf8) else { return nil }
        if index > 0 {
            let before = text[index - 1]
            guard isSpace(before) || "*_~(".utf8.contains(before) else { return nil }
        }
        var end = domain(text, from: index)
        guard end > 0 else { return nil }
        end += index
        end = extend(text, end)
        end = trimEnd(text, start: index, end: end)
        guard end > index else { return nil }
        return (index, end, "http://" + String(decoding: text[index..<end], as: UTF8.self))
    }

    private static func url(_ text: [UInt8], at colon: Int, earliest: Int) -> (Int, Int, String)? {
        guard colon + 3 < text.count, text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/")
        else { return nil }
        var start = colon
        while start > earliest, isLetter(text[start - 1]) {
            start -= 1
        }
        let scheme = String(decoding: text[start..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" || scheme == "ftp", isAlphanumeric(text[colon + 3]) else {
            return nil
        }
        let length = domain(text, from: colon + 3)
        guard length > 0 else { return nil }
        var end = extend(text, colon + 3 + length)
        end = trimEnd(text, start: start, end: end)
        guard end > colon + 3 else { return nil }
        let link = String(decoding: text[start..<end], as: UTF8.self)
        return (start, end, link)
    }

    private static func email(_ text: [UInt8], at atSign: Int, earliest: Int) -> (Int, Int, String)? {
        var start = atSign
        while start > earliest, isAlphanumeric(text[start - 1]) || ".+-_".utf8.contains(text[start - 1]) {
            start -= 1
        }
        guard start < atSign else { return nil }
        var end = atSign + 1
        var dots = 0
        while end < text.count {
            let byte = text[end]
            if isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < text.count, isAlphanumeric(text[end + 1]) {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard end - atSign >= 2, dots > 0, isLetter(text[end - 1]) || text[end - 1] == UInt8(ascii: ".") else {
            return nil
        }
        end = trimEnd(text, start: start, end: end)
        guard end > atSign + 1 else { return nil }
        let address = String(decoding: text[start..<end], as: UTF8.self)
        return (start, end, "mailto:" + address)
    }

    /// cmark-gfm's `check_domain`: the length of a valid domain at `start` (its first byte is not checked), or 0.
    private static func domain(_ text: [UInt8], from start: Int) -> Int {
        let size = text.count - start
        var index = 1
        var underscoresLast = 0
        var underscoresPrevious = 0
        while index < size - 1 {
            let byte = text[start + index]
            if byte == UInt8(ascii: "\\"), index < size - 2 {
                index += 1
            }
            let current = text[start + index]
            if current == UInt8(ascii: "_") {
                underscoresLast += 1
            } else if current == UInt8(ascii: ".") {
                underscoresPrevious = underscoresLast
                underscoresLast = 0
            } else if !isHostCharacter(current), current != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        if underscoresPrevious > 0 || underscoresLast > 0 {
            return 0
        }
        return index
    }

    private static func extend(_ text: [UInt8], _ end: Int) -> Int {
        var end = end
        while end < text.count, !isSpace(text[end]), text[end] != UInt8(ascii: "<") {
            end += 1
        }
        return end
    }

    /// cmark-gfm's `autolink_delim`: drops trailing punctuation, an unbalanced `)` and a trailing `&entity;`.
    private static func trimEnd(_ text: [UInt8], start: Int, end: Int) -> Int {
        var end = end
        var opening = 0
        var closing = 0
        for index in start..<end {
            let byte = text[index]
            if byte == UInt8(ascii: "<") {
                end = index
                break
            } else if byte == UInt8(ascii: "(") {
                opening += 1
            } else if byte == UInt8(ascii: ")") {
                closing += 1
            }
        }
        while end > start {
            switch text[end - 1] {
            case UInt8(ascii: ")"):
                if closing <= opening {
                    return end
                }
                closing -= 1
                end -= 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ";"):
                var newEnd = end - 2
                while newEnd > start, isLetter(text[newEnd]) {
                    newEnd -= 1
                }
                if newEnd < end - 2, text[newEnd] == UInt8(ascii: "&") {
                    end = newEnd
                } else {
                    end -= 1
                }
            default:
                return end
            }
        }
        return end
    }

    private static func isHostCharacter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isAlphanumeric(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        InlineParser.isLetter(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        InlineParser.isLetter(byte) || InlineParser.isDigit(byte)
    }
}
