/// CommonMark's inline phase for one complete paragraph, heading or table cell: a left-to-right scan that builds a
/// tree of inline nodes, with the delimiter stack for emphasis and the bracket stack for links (spec appendix
/// "Processing emphasis"), then a walk of the tree that reports `MarkdownInline` events.
///
/// Out of scope, shown as literal text: raw HTML (`<span>` is text) and reference links (`[a][b]`, `[a]` are text:
/// a definition may come after its use, so honouring it would hold the whole document).
struct InlineParser {
    /// The kind of a node in the inline tree.
    enum NodeKind {
        case root, text, softBreak, hardBreak, code, emphasis, strong, strikethrough, link, image, autolink
    }

    /// A node of the inline tree, linked to its parent, siblings and children by index.
    struct Node {
        var kind: NodeKind
        /// A text or code node's bytes: a range of `subject`, or past its end, of `extra`.
        var start = 0
        var end = 0
        /// A link, image or autolink's index in `links`.
        var link = -1
        var parent = -1
        var first = -1
        var last = -1
        var previous = -1
        var next = -1
    }

    private(set) var subject: [UInt8] = []
    /// Bytes of text nodes that are not in the subject (decoded references, code spans without line endings).
    var extra: [UInt8] = []
    /// The destination and title of each link, image and autolink.
    var links: [(destination: String, title: String)] = []
    let extensions: MarkdownExtensions
    var position = 0
    var nodes: [Node] = []
    var delimiters: [Delimiter] = []
    var topDelimiter = -1
    var brackets: [Bracket] = []
    var topBracket = -1
    /// For each backtick run length, the start of its last run, once the whole subject has been scanned for runs.
    private var backtickRuns: [Int: Int]?

    /// Creates a parser; `parse(_:)` can then be called for any number of texts, reusing its storage.
    init(extensions: MarkdownExtensions) {
        self.extensions = extensions
    }

    /// Parses `text` (surrounding whitespace is ignored) into the node tree.
    mutating func parse(_ text: ArraySlice<UInt8>) {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, Self.isWhitespace(text[start]) {
            start += 1
        }
        while end > start, Self.isWhitespace(text[end - 1]) {
            end -= 1
        }
        let slice = text[start..<end]
        subject.removeAll(keepingCapacity: true)
        subject.append(contentsOf: slice)
        extra.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        nodes.append(Node(kind: .root))
        delimiters.removeAll(keepingCapacity: true)
        brackets.removeAll(keepingCapacity: true)
        topDelimiter = -1
        topBracket = -1
        position = 0
        backtickRuns = nil
        while position < subject.count {
            parseInline()
        }
        processEmphasis(bottom: -1)
    }

    private mutating func parseInline() {
        let byte = subject[position]
        switch byte {
        case 0x0A:
            parseNewline()
        case UInt8(ascii: "\\"):
            parseBackslash()
        case UInt8(ascii: "`"):
            parseBackticks()
        case UInt8(ascii: "*"), UInt8(ascii: "_"):
            parseDelimiterRun(byte)
        case UInt8(ascii: "~") where extensions.contains(.strikethrough):
            parseDelimiterRun(byte)
        case UInt8(ascii: "["):
            position += 1
            let node = appendText(range: (position - 1)..<position)
            pushBracket(node: node, image: false)
        case UInt8(ascii: "!"):
            position += 1
            if position < subject.count, subject[position] == UInt8(ascii: "[") {
                position += 1
                let node = appendText(range: (position - 2)..<position)
                pushBracket(node: node, image: true)
            } else {
                appendText(range: (position - 1)..<position)
            }
        case UInt8(ascii: "]"):
            parseCloseBracket()
        case UInt8(ascii: "<"):
            if !parseAutolink() {
                position += 1
                appendText(range: (position - 1)..<position)
            }
        case UInt8(ascii: "&"):
            parseEntity()
        default:
            let start = position
            position += 1
            while position < subject.count, !Self.isSpecial(subject[position]) {
                position += 1
            }
            appendText(range: start..<position)
        }
    }

    private mutating func parseNewline() {
        position += 1
        var hard = false
        let last = nodes[0].last
        if last >= 0, nodes[last].kind == .text, nodes[last].end > nodes[last].start,
            byte(nodes[last].end - 1) == 0x20
        {
            let node = nodes[last]
            hard = node.end - node.start >= 2 && byte(node.end - 2) == 0x20
            while nodes[last].end > nodes[last].start, byte(nodes[last].end - 1) == 0x20 {
                nodes[last].end -= 1
            }
        }
        append(Node(kind: hard ? .hardBreak : .softBreak))
        while position < subject.count, subject[position] == 0x20 {
            position += 1
        }
    }

    private mutating func parseBackslash() {
        position += 1
        if position < subject.count, subject[position] == 0x0A {
            position += 1
            append(Node(kind: .hardBreak))
            while position < subject.count, subject[position] == 0x20 {
                position += 1
            }
        } else if position < subject.count, Self.isASCIIPunctuation(subject[position]) {
            appendText(range: position..<(position + 1))
            position += 1
        } else {
            appendText(range: (position - 1)..<position)
        }
    }

    private mutating func parseBackticks() {
        let start = position
        while position < subject.count, subject[position] == UInt8(ascii: "`") {
            position += 1
        }
        let length = position - start
        let afterOpening = position
        if let runs = backtickRuns, (runs[length] ?? -1) < afterOpening {
            appendText(range: start..<afterOpening)
            return
        }
        var scan = afterOpening
        var runs: [Int: Int] = [:]
        while scan < subject.count {
            guard subject[scan] == UInt8(ascii: "`") else {
                scan += 1
                continue
            }
            let runStart = scan
            while scan < subject.count, subject[scan] == UInt8(ascii: "`") {
                scan += 1
            }
            if scan - runStart == length {
                var first = afterOpening
                var last = runStart
                if last - first >= 2, Self.isCodeSpace(subject[first]), Self.isCodeSpace(subject[last - 1]),
                    subject[first..<last].contains(where: { !Self.isCodeSpace($0) })
                {
                    first += 1
                    last -= 1
                }
                if subject[first..<last].contains(0x0A) {
                    let start = subject.count + extra.count
                    extra.append(contentsOf: subject[first..<last].lazy.map { $0 == 0x0A ? 0x20 : $0 })
                    append(Node(kind: .code, start: start, end: subject.count + extra.count))
                } else {
                    append(Node(kind: .code, start: first, end: last))
                }
                position = scan
                return
            }
            runs[scan - runStart] = runStart
        }
        backtickRuns = runs
        appendText(range: start..<afterOpening)
    }

    private mutating func parseEntity() {
        if let (decoded, end) = Self.entity(in: subject[...], at: position) {
            appendText(decoded.utf8)
            position = end
        } else {
            position += 1
            appendText(range: (position - 1)..<position)
        }
    }

    // MARK: Tree

    /// Appends a node to the root and returns its index.
    @discardableResult
    mutating func append(_ node: Node) -> Int {
        let index = nodes.count
        nodes.append(node)
        appendChild(index, to: 0)
        return index
    }

    /// Appends a text node to the root (merged into the last one when that is plain text) and returns its index.
    @discardableResult
    mutating func appendText(range: Range<Int>) -> Int {
        append(Node(kind: .text, start: range.lowerBound, end: range.upperBound))
    }

    /// Appends a text node holding `bytes` (kept in `extra`) and returns its index.
    @discardableResult
    mutating func appendText(_ bytes: some Collection<UInt8>) -> Int {
        let start = subject.count + extra.count
        extra.append(contentsOf: bytes)
        return append(Node(kind: .text, start: start, end: subject.count + extra.count))
    }

    /// The byte at `index` of the subject, or past its end, of `extra`.
    func byte(_ index: Int) -> UInt8 {
        index < subject.count ? subject[index] : extra[index - subject.count]
    }

    /// Appends a text or code node's bytes to `buffer`.
    func appendBytes(of node: Node, to buffer: inout [UInt8]) {
        if node.start < subject.count {
            buffer.append(contentsOf: subject[node.start..<node.end])
        } else {
            buffer.append(contentsOf: extra[(node.start - subject.count)..<(node.end - subject.count)])
        }
    }

    /// Links `child` (detached) as the last child of `parent`.
    mutating func appendChild(_ child: Int, to parent: Int) {
        nodes[child].parent = parent
        nodes[child].next = -1
        nodes[child].previous = nodes[parent].last
        if nodes[parent].last >= 0 {
            nodes[nodes[parent].last].next = child
        } else {
            nodes[parent].first = child
        }
        nodes[parent].last = child
    }

    /// Detaches a node from its parent and siblings.
    mutating func unlink(_ index: Int) {
        let node = nodes[index]
        if node.previous >= 0 {
            nodes[node.previous].next = node.next
        } else if node.parent >= 0 {
            nodes[node.parent].first = node.next
        }
        if node.next >= 0 {
            nodes[node.next].previous = node.previous
        } else if node.parent >= 0 {
            nodes[node.parent].last = node.previous
        }
        nodes[index].parent = -1
        nodes[index].previous = -1
        nodes[index].next = -1
    }

    /// Links `new` (detached) right after `index`.
    mutating func insert(_ new: Int, after index: Int) {
        let parent = nodes[index].parent
        let next = nodes[index].next
        nodes[new].parent = parent
        nodes[new].previous = index
        nodes[new].next = next
        nodes[index].next = new
        if next >= 0 {
            nodes[next].previous = new
        } else if parent >= 0 {
            nodes[parent].last = new
        }
    }

    /// Moves the siblings after `start` (up to, not including, `end`, or to the last when `end` is -1) into `parent`.
    mutating func moveSiblings(after start: Int, before end: Int, into parent: Int) {
        var current = nodes[start].next
        while current >= 0, current != end {
            let next = nodes[current].next
            unlink(current)
            appendChild(current, to: parent)
            current = next
        }
    }

    // MARK: Characters

    private static func isCodeSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"):
            true
        default:
            false
        }
    }
}
