/// Serialises `MarkdownEvent`s to HTML in the form of the CommonMark spec's examples (a debugging and test aid).
///
/// A list's tightness is only known at its `close`, so each list's items are rendered when the list closes.
/// Autolinks and links become `<a>`, images `<img>` with their inlines flattened to `alt`, tables GFM's markup,
/// task items a disabled checkbox. Destinations are percent-encoded as the reference implementations do.
package enum MarkdownHTML {
    /// Renders a complete event sequence (as from `feed` followed by `finish`).
    /// - Parameter events: The events of a whole document.
    /// - Returns: The HTML.
    package static func render(_ events: [MarkdownEvent]) -> String {
        var renderer = Renderer()
        for event in events {
            renderer.handle(event)
        }
        return renderer.output.joined()
    }

    /// Renders inline events.
    /// - Parameter inlines: A paragraph's or a cell's inline events.
    /// - Returns: The HTML.
    package static func render(inlines: [MarkdownInline]) -> String {
        var html = ""
        var altDepth = 0
        for inline in inlines {
            appendInline(inline, to: &html, altDepth: &altDepth)
        }
        return html
    }

    private struct Renderer {
        /// Output pieces; a list's `<p>`/`</p>` are placeholders resolved when the list closes.
        var output: [String] = []
        /// For each open list: the indexes of its paragraph tags in `output`.
        var lists: [[Int]] = []
        /// Whether each open block is a list (so paragraphs directly in its items are tight candidates).
        var blocks: [Bool] = []
        var altDepth = 0
        var inlineHTML = ""

        mutating func handle(_ event: MarkdownEvent) {
            switch event {
            case .open(let block):
                open(block)
            case .close(let block):
                close(block)
            case .inline(let inline):
                appendInline(inline, to: &inlineHTML, altDepth: &altDepth)
            case .codeLine(let line):
                output.append(escape(line) + "\n")
            case .thematicBreak:
                output.append("<hr />\n")
            case .table(let table):
                output.append(tableHTML(table))
            }
        }

        private mutating func open(_ block: MarkdownBlock) {
            switch block {
            case .blockQuote:
                output.append("<blockquote>\n")
            case .list(let list):
                lists.append([])
                switch list.marker {
                case .bullet: output.append("<ul>\n")
                case .ordered(let start, _): output.append(start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
                }
            case .listItem(let task):
                switch task {
                case nil: output.append("<li>")
                case false?: output.append("<li><input type=\"checkbox\" disabled=\"\" /> ")
                case true?: output.append("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
                }
            case .paragraph:
                inlineHTML = ""
                if blocks.last == true, !lists.isEmpty {
                    lists[lists.count - 1].append(output.count)
                    output.append("<p>")
                } else {
                    output.append("<p>")
                }
            case .heading:
                inlineHTML = ""
            case .codeBlock(let info, _):
                let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                output.append(language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(escape(language))\">")
            }
            blocks.append(isItem(block))
        }

        private mutating func close(_ block: MarkdownBlock) {
            blocks.removeLast()
            switch block {
            case .blockQuote:
                output.append("</blockquote>\n")
            case .list(let list):
                let paragraphTags = lists.removeLast()
                if list.tight {
                    for index in paragraphTags {
                        output[index] = output[index] == "<p>" ? "" : "\n"
                    }
                }
                switch list.marker {
                case .bullet: output.append("</ul>\n")
                case .ordered: output.append("</ol>\n")
                }
            case .listItem:
                output.append("</li>\n")
            case .paragraph:
                output.append(inlineHTML)
                if blocks.last == true, !lists.isEmpty {
                    lists[lists.count - 1].append(output.count)
                }
                output.append("</p>\n")
            case .heading(let level):
                output.append("<h\(level)>\(inlineHTML)</h\(level)>\n")
            case .codeBlock:
                output.append("</code></pre>\n")
            }
        }

        private func isItem(_ block: MarkdownBlock) -> Bool {
            if case .listItem = block { return true }
            return false
        }

        private func tableHTML(_ table: MarkdownTable) -> String {
            var html = "<table>\n<thead>\n<tr>\n"
            for (cell, alignment) in zip(table.header, table.alignments) {
                html += "<th\(alignAttribute(alignment))>\(MarkdownHTML.render(inlines: cell))</th>\n"
            }
            html += "</tr>\n</thead>\n"
            if !table.rows.isEmpty {
                html += "<tbody>\n"
                for row in table.rows {
                    html += "<tr>\n"
                    for (cell, alignment) in zip(row, table.alignments) {
                        html += "<td\(alignAttribute(alignment))>\(MarkdownHTML.render(inlines: cell))</td>\n"
                    }
                    html += "</tr>\n"
                }
                html += "</tbody>\n"
            }
            return html + "</table>\n"
        }

        private func alignAttribute(_ alignment: MarkdownTable.Alignment) -> String {
            switch alignment {
            case .none: ""
            case .left: " align=\"left\""
            case .center: " align=\"center\""
            case .right: " align=\"right\""
            }
        }
    }

    private static func appendInline(_ inline: MarkdownInline, to html: inout String, altDepth: inout Int) {
        let plain = altDepth > 0
        switch inline {
        case .text(let text):
            html += escape(text)
        case .code(let code):
            html += plain ? escape(code) : "<code>\(escape(code))</code>"
        case .softBreak:
            html += "\n"
        case .hardBreak:
            html += plain ? "\n" : "<br />\n"
        case .open(let span):
            if case .image(let source, _) = span {
                if !plain {
                    html += "<img src=\"\(escape(encodeURL(source)))\" alt=\""
                }
                altDepth += 1
            } else if !plain {
                html += openTag(span)
            }
        case .close(let span):
            if case .image(_, let title) = span {
                altDepth -= 1
                if altDepth == 0 {
                    html += title.isEmpty ? "\" />" : "\" title=\"\(escape(title))\" />"
                }
            } else if !plain {
                html += closeTag(span)
            }
        }
    }

    private static func openTag(_ span: MarkdownSpan) -> String {
        switch span {
        case .emphasis: "<em>"
        case .strong: "<strong>"
        case .strikethrough: "<del>"
        case .link(let destination, let title):
            "<a href=\"\(escape(encodeURL(destination)))\"" + (title.isEmpty ? "" : " title=\"\(escape(title))\"") + ">"
        case .autolink(let destination): "<a href=\"\(escape(encodeURL(destination)))\">"
        case .image: ""
        }
    }

    private static func closeTag(_ span: MarkdownSpan) -> String {
        switch span {
        case .emphasis: "</em>"
        case .strong: "</strong>"
        case .strikethrough: "</del>"
        case .link, .autolink: "</a>"
        case .image: ""
        }
    }

    /// Escapes `&`, `<`, `>` and `"`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Percent-encodes a destination as commonmark.js's `normalizeURI` does (existing `%XX` escapes are kept).
    static func encodeURL(_ url: String) -> String {
        let bytes = Array(url.utf8)
        let safe = Set(";/?:@&=+$,-_.!~*'()#".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result.append(contentsOf: bytes[index...(index + 2)])
                index += 3
                continue
            }
            if InlineParser.isLetter(byte) || InlineParser.isDigit(byte) || safe.contains(byte) {
                result.append(byte)
            } else {
                result.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        InlineParser.isDigit(byte) || (0x41...0x46).contains(byte | 0x20 - 0x20) || (0x61...0x66).contains(byte)
    }
}
