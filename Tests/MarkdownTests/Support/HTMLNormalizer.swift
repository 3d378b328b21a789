import Markdown

/// The CommonMark spec's HTML normaliser (`test/normalize.py`) in Swift: HTML that differs only in insignificant
/// ways normalises to the same string.
///
/// The same rules as the Python: whitespace runs collapse to one space outside `<pre>`; whitespace around block-level
/// tags is removed; a newline after `<br>` is dropped; self-closing tags become open tags; attributes are sorted and
/// their values re-escaped; character references become characters, except `<`, `>`, `&` and `"`. Named references
/// are resolved with the parser's own HTML5 table (the Python uses HTML4's, a difference no spec example shows).
enum HTMLNormalizer {
    private enum Last {
        case startTag, endTag, data, other
    }

    private static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button",
        "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div",
        "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th",
        "figure", "thead", "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script",
        "style",
    ]

    /// Normalises `html`.
    static func normalize(_ html: String) -> String {
        var state = State()
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "<", index + 1 < scalars.count, isTagStart(scalars[index + 1]),
                let close = scalars[index...].firstIndex(of: ">")
            {
                state.tag(String(String.UnicodeScalarView(scalars[(index + 1)..<close])))
                index = close + 1
                continue
            }
            var end = index + 1
            while end < scalars.count, scalars[end] != "<" {
                end += 1
            }
            state.text(Array(scalars[index..<end]))
            index = end
        }
        return state.output
    }

    private static func isTagStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "/" || scalar == "!" || scalar == "?"
    }

    private struct State {
        var output = ""
        var last = Last.startTag
        var lastTag = ""
        var inPre = false

        mutating func tag(_ body: String) {
            if body.hasPrefix("!") || body.hasPrefix("?") {
                output += "<" + body + ">"
                last = .other
                return
            }
            if body.hasPrefix("/") {
                let name = String(body.dropFirst().prefix { !$0.isWhitespace }).lowercased()
                if name == "pre" {
                    inPre = false
                } else if blockTags.contains(name) {
                    trimOutputEnd()
                }
                output += "</" + name + ">"
                lastTag = name
                last = .endTag
                return
            }
            var content = Substring(body)
            let selfClosing = content.hasSuffix("/")
            if selfClosing {
                content = content.dropLast()
            }
            let name = String(content.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            let attributes = parseAttributes(content.dropFirst(name.count))
            if name == "pre" {
                inPre = true
            }
            if blockTags.contains(name) {
                trimOutputEnd()
            }
            output += "<" + name
            for (key, value) in attributes.sorted(by: { $0.0 < $1.0 }) {
                output += " " + key
                if let value {
                    output += "=\"" + escapeAttribute(value) + "\""
                }
            }
            output += ">"
            lastTag = name
            last = selfClosing ? .endTag : .startTag
        }

        mutating func text(_ scalars: [Unicode.Scalar]) {
            var data: [Unicode.Scalar] = []
            var index = 0
            while index < scalars.count {
                if scalars[index] == "&", let (character, end) = reference(scalars, index) {
                    flush(&data)
                    output += character
                    last = .other
                    index = end
                    continue
                }
                data.append(scalars[index])
                index += 1
            }
            flush(&data)
        }

        private mutating func flush(_ scalars: inout [Unicode.Scalar]) {
            guard !scalars.isEmpty else { return }
            var data = String(String.UnicodeScalarView(scalars))
            scalars.removeAll()
            let afterTag = last == .startTag || last == .endTag
            let afterBlockTag = afterTag && blockTags.contains(lastTag)
            if afterTag, lastTag == "br" {
                data = String(data.drop { $0 == "\n" })
            }
            if !inPre {
                data = collapseWhitespace(data)
            }
            if afterBlockTag, !inPre {
                if last == .startTag {
                    data = String(data.drop { $0.isWhitespace })
                } else {
                    data = String(data.drop { $0.isWhitespace })
                    while data.last?.isWhitespace == true {
                        data.removeLast()
                    }
                }
            }
            output += data
            last = .data
        }

        private mutating func trimOutputEnd() {
            while output.last?.isWhitespace == true {
                output.removeLast()
            }
        }

        private func collapseWhitespace(_ text: String) -> String {
            var result = ""
            var inSpace = false
            for character in text {
                if character.isWhitespace {
                    if !inSpace {
                        result.append(" ")
                    }
                    inSpace = true
                } else {
                    result.append(character)
                    inSpace = false
                }
            }
            return result
        }

        /// A character reference at `index`: the text it normalises to, and the index after it.
        private func reference(_ scalars: [Unicode.Scalar], _ index: Int) -> (String, Int)? {
            guard let semicolon = scalars[index...].prefix(40).firstIndex(of: ";") else { return nil }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
            var value: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber }) {
                value = HTMLEntities.decode(name)
            } else {
                return nil
            }
            let text: String
            switch value {
            case "<": text = "&lt;"
            case ">": text = "&gt;"
            case "&": text = "&amp;"
            case "\"": text = "&quot;"
            case let value?: text = value
            case nil: text = "&" + name + ";"
            }
            return (text, semicolon + 1)
        }

        private func parseAttributes(_ text: Substring) -> [(String, String?)] {
            var attributes: [(String, String?)] = []
            var rest = text.drop { $0.isWhitespace }
            while !rest.isEmpty {
                let name = rest.prefix { !$0.isWhitespace && $0 != "=" }
                rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
                guard !name.isEmpty else {
                    rest = rest.dropFirst()
                    continue
                }
                var value: String?
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0.isWhitespace }
                    if let quote = rest.first, quote == "\"" || quote == "'" {
                        let body = rest.dropFirst().prefix { $0 != quote }
                        value = String(body)
                        rest = rest.dropFirst(body.count + 2)
                    } else {
                        let body = rest.prefix { !$0.isWhitespace }
                        value = String(body)
                        rest = rest.dropFirst(body.count)
                    }
                }
                attributes.append((name.lowercased(), value.map(unescape)))
                rest = rest.drop { $0.isWhitespace }
            }
            return attributes
        }

        private func unescape(_ value: String) -> String {
            let scalars = Array(value.unicodeScalars)
            var result = ""
            var index = 0
            while index < scalars.count {
                if scalars[index] == "&", let (text, end) = reference(scalars, index) {
                    switch text {
                    case "&lt;": result += "<"
                    case "&gt;": result += ">"
                    case "&amp;": result += "&"
                    case "&quot;": result += "\""
                    default: result += text
                    }
                    index = end
                    continue
                }
                result.unicodeScalars.append(scalars[index])
                index += 1
            }
            return result
        }

        private func escapeAttribute(_ value: String) -> String {
            var result = ""
            for character in value {
                switch character {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "'": result += "&#x27;"
                default: result.append(character)
                }
            }
            return result
        }
    }
}
