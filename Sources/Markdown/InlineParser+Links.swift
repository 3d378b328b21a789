/// Links, images, `<…>` autolinks, character references and backslash unescaping.
extension InlineParser {
    /// An entry of the bracket stack: a `[` or `![` that may start a link or image.
    struct Bracket {
        var node: Int
        var previous: Int
        var previousDelimiter: Int
        var image: Bool
        var active = true
    }

    mutating func pushBracket(node: Int, image: Bool) {
        brackets.append(Bracket(node: node, previous: topBracket, previousDelimiter: topDelimiter, image: image))
        topBracket = brackets.count - 1
    }

    /// Handles `]`: an inline link or image when `(destination "title")` follows, literal text otherwise.
    mutating func parseCloseBracket() {
        position += 1
        guard topBracket >= 0 else {
            appendText([UInt8(ascii: "]")])
            return
        }
        let opener = brackets[topBracket]
        guard opener.active, let (destination, title) = parseInlineLinkTail() else {
            topBracket = opener.previous
            appendText([UInt8(ascii: "]")])
            return
        }
        let link = nodes.count
        nodes.append(Node(kind: opener.image ? .image : .link, destination: destination, title: title))
        moveSiblings(after: opener.node, before: -1, into: link)
        appendChild(link, to: 0)
        processEmphasis(bottom: opener.previousDelimiter)
        topBracket = opener.previous
        unlink(opener.node)
        if !opener.image {
            var earlier = topBracket
            while earlier >= 0 {
                if !brackets[earlier].image {
                    brackets[earlier].active = false
                }
                earlier = brackets[earlier].previous
            }
        }
    }

    /// Parses `(destination "title")` right after `]`; on failure the position is left unchanged.
    private mutating func parseInlineLinkTail() -> (String, String)? {
        let saved = position
        guard position < subject.count, subject[position] == UInt8(ascii: "(") else { return nil }
        position += 1
        skipSpacesAndNewline()
        guard let destination = parseLinkDestination() else {
            position = saved
            return nil
        }
        let beforeTitle = position
        skipSpacesAndNewline()
        var title = ""
        if position > beforeTitle, let parsed = parseLinkTitle() {
            title = parsed
        } else {
            position = beforeTitle
        }
        skipSpacesAndNewline()
        guard position < subject.count, subject[position] == UInt8(ascii: ")") else {
            position = saved
            return nil
        }
        position += 1
        return (destination, title)
    }

    private mutating func skipSpacesAndNewline() {
        while position < subject.count, subject[position] == 0x20 || subject[position] == 0x09 {
            position += 1
        }
        if position < subject.count, subject[position] == 0x0A {
            position += 1
            while position < subject.count, subject[position] == 0x20 || subject[position] == 0x09 {
                position += 1
            }
        }
    }

    private mutating func parseLinkDestination() -> String? {
        if position < subject.count, subject[position] == UInt8(ascii: "<") {
            var index = position + 1
            while index < subject.count {
                let byte = subject[index]
                if byte == UInt8(ascii: ">") {
                    let destination = Self.unescape(subject[(position + 1)..<index])
                    position = index + 1
                    return destination
                }
                if byte == UInt8(ascii: "<") || byte == 0x0A {
                    return nil
                }
                index += byte == UInt8(ascii: "\\") && index + 1 < subject.count ? 2 : 1
            }
            return nil
        }
        let start = position
        var depth = 0
        while position < subject.count {
            let byte = subject[position]
            if byte == UInt8(ascii: "\\"), position + 1 < subject.count, Self.isASCIIPunctuation(subject[position + 1])
            {
                position += 2
            } else if byte == UInt8(ascii: "(") {
                depth += 1
                position += 1
            } else if byte == UInt8(ascii: ")") {
                if depth == 0 {
                    break
                }
                depth -= 1
                position += 1
            } else if byte <= 0x20 || byte == 0x7F {
                break
            } else {
                position += 1
            }
        }
        if position == start, position < subject.count, subject[position] != UInt8(ascii: ")") {
            return nil
        }
        if position == start, position == subject.count {
            return nil
        }
        guard depth == 0 else {
            position = start
            return nil
        }
        return Self.unescape(subject[start..<position])
    }

    private mutating func parseLinkTitle() -> String? {
        guard position < subject.count else { return nil }
        let open = subject[position]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var index = position + 1
        while index < subject.count {
            let byte = subject[index]
            if byte == UInt8(ascii: "\\"), index + 1 < subject.count {
                index += 2
                continue
            }
            if byte == close {
                let title = Self.unescape(subject[(position + 1)..<index])
                position = index + 1
                return title
            }
            if open == UInt8(ascii: "("), byte == UInt8(ascii: "(") {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Parses `<scheme:…>` or `<local@domain>` at `<`.
    mutating func parseAutolink() -> Bool {
        var index = position + 1
        var end = index
        while end < subject.count, subject[end] > 0x20, subject[end] != UInt8(ascii: "<"),
            subject[end] != UInt8(ascii: ">")
        {
            end += 1
        }
        guard end < subject.count, subject[end] == UInt8(ascii: ">") else { return false }
        let body = subject[index..<end]
        if let email = Self.isAutolinkEmail(body) ?? Self.isAutolinkURI(body) {
            let link = nodes.count
            nodes.append(Node(kind: .autolink, destination: email))
            appendChild(link, to: 0)
            let text = nodes.count
            nodes.append(Node(kind: .text, literal: Array(body)))
            appendChild(text, to: link)
            index = end + 1
            position = index
            return true
        }
        return false
    }

    private static func isAutolinkURI(_ body: ArraySlice<UInt8>) -> String? {
        guard let colon = body.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = body[..<colon]
        guard (2...32).contains(scheme.count), let first = scheme.first, isLetter(first),
            scheme.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D }),
            body.allSatisfy({ $0 > 0x20 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        else { return nil }
        return String(decoding: body, as: UTF8.self)
    }

    private static func isAutolinkEmail(_ body: ArraySlice<UInt8>) -> String? {
        guard let at = body.firstIndex(of: UInt8(ascii: "@")), at > body.startIndex else { return nil }
        let localAllowed = Array(".!#$%&'*+/=?^_`{|}~-".utf8)
        guard body[..<at].allSatisfy({ isLetter($0) || isDigit($0) || localAllowed.contains($0) }) else { return nil }
        let labels = body[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            guard (1...63).contains(label.count), label.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2D }),
                label.first != 0x2D, label.last != 0x2D
            else { return nil }
        }
        return "mailto:" + String(decoding: body, as: UTF8.self)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    // MARK: References and escapes

    /// Decodes a character reference (`&amp;`, `&#35;`, `&#x22;`) at `index`: its text and the index after it.
    static func entity(in bytes: ArraySlice<UInt8>, at index: Int) -> (String, Int)? {
        var cursor = index + 1
        guard cursor < bytes.endIndex else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var hex = false
            if cursor < bytes.endIndex, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                hex = true
                cursor += 1
            }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < bytes.endIndex, cursor - digitsStart < (hex ? 6 : 7) {
                let byte = bytes[cursor]
                if isDigit(byte) {
                    value = value * (hex ? 16 : 10) + UInt32(byte - 0x30)
                } else if hex, let letter = Optional(byte | 0x20), (0x61...0x66).contains(letter) {
                    value = value * 16 + UInt32(letter - 0x61 + 10)
                } else {
                    break
                }
                cursor += 1
            }
            guard cursor > digitsStart, cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";") else {
                return nil
            }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), cursor + 1)
        }
        let nameStart = cursor
        while cursor < bytes.endIndex, cursor - nameStart <= 32, isLetter(bytes[cursor]) || isDigit(bytes[cursor]) {
            cursor += 1
        }
        guard cursor > nameStart, cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";"),
            let decoded = HTMLEntities.decode(String(decoding: bytes[nameStart..<cursor], as: UTF8.self))
        else { return nil }
        return (decoded, cursor + 1)
    }

    /// Resolves backslash escapes and character references (for destinations, titles and info strings).
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) || bytes.contains(UInt8(ascii: "&")) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, isASCIIPunctuation(bytes[index + 1]) {
                result.append(bytes[index + 1])
                index += 2
            } else if byte == UInt8(ascii: "&"), let (decoded, end) = entity(in: bytes, at: index) {
                result.append(contentsOf: decoded.utf8)
                index = end
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
