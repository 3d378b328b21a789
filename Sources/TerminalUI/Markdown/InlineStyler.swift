import Markdown

/// Styles the inline Markdown of a paragraph or heading as its characters arrive, append-only.
///
/// Most characters are written at once. The holds, each bounded:
/// ```
///  a delimiter run  * ** _ ~~          until the next character (its flanking decides open, close or literal)
///  a backtick run   ` ``               until the next character (then a code span opens or closes)
///  a backslash      \*                 one character
///  a link           [text](url "t")    until its ")" — or literal after 200 characters or at a line end
///  an autolink      <https://…>        until ">" — or literal after 200 characters, a space or a line end
///  an entity        &amp; &#x1F98A;    until ";" — or literal after 32 characters
/// ```
/// Spans open optimistically (a left-flanking `**` turns bold on for what follows) and close at a matching
/// right-flanking run; a span still open when its block ends ends there (its style never leaks past the block).
/// When the opener is on the current row, `OpenerRepaint` then repaints the row from it with the opener shown
/// literally (`literalRunStarts`); an opener on a row above stays hidden, since those rows are final. Links are shown as their text
/// (an OSC 8 hyperlink with colour on) followed by ` (url)` when the URL differs from the text; images as
/// `[image: alt]`. Raw HTML is shown as text.
struct InlineStyler: Sendable {
    /// Text held until it is known what it is (scalars, so holding and rescanning stay cheap).
    enum Hold: Sendable {
        case link([Unicode.Scalar])
        case autolink([Unicode.Scalar])
        case entity([Unicode.Scalar])
    }

    private struct Span: Sendable {
        var delimiter: Unicode.Scalar
        var attributes: TextAttributes
        var count: Int
        /// Where the run that opened it started (`position`).
        var start: Int
    }

    private var spans: [Span] = []
    // Internal, not private, for `InlineStyler+Plain.swift`: the character before, the open code span's length,
    // the runs, backslash and "!" held, what is held, the part a held link's text ends in (`LinkSyntax.Part`: most
    // characters there need no new match) and the match in progress (resumed where it stopped).
    var previous: Unicode.Scalar = " "
    var codeSpan: Int?
    var run: (delimiter: Unicode.Scalar, count: Int)?
    var backticks = 0
    var escaped = false
    var hold: Hold?
    var bang = false
    var linkPart = LinkSyntax.Part.label
    var linkScan = LinkSyntax.Scan()
    /// Storage for the next link's held scalars (empty, its capacity kept; internal for `InlineStyler+Links.swift`).
    var spareLink: [Unicode.Scalar] = []

    /// The longest link or autolink held before it is shown literally.
    static let linkLimit = 200
    /// The longest character reference held before it is shown literally.
    static let entityLimit = 32

    /// Whether text is held back (a run, a link, an entity…).
    var isHolding: Bool { run != nil || backticks > 0 || escaped || hold != nil || bang }

    /// Whether a span (emphasis, strong, strikethrough, a code span) is open.
    var hasOpenSpans: Bool { !spans.isEmpty || codeSpan != nil }

    /// Where the scalar being fed sits in an `OpenerRepaint` replay (0 outside one): runs are told apart by where
    /// they start, which is the same in every replay of the same text.
    var position = 0
    /// Where the held delimiter or backtick run started (internal for `InlineStyler+Plain.swift`), and the open code
    /// span's opening run.
    var runStart = 0
    private var codeSpanStart = 0
    /// Where the runs start that are literal text, whatever their flanking (openers known to be unclosed; set by
    /// `OpenerRepaint` for a replay, sorted; emptied by `endBlock`).
    var literalRunStarts: [Int] = []

    /// Where the runs started that opened the spans still open (`position`s), in order.
    var openRunStarts: [Int] {
        var starts = spans.map(\.start)
        if codeSpan != nil { starts.append(codeSpanStart) }
        return starts
    }

    /// Whether the run held now is one of `literalRunStarts`.
    private var runIsLiteral: Bool { !literalRunStarts.isEmpty && literalRunStarts.contains(runStart) }

    /// Styles one character of the block's text.
    mutating func feed(_ scalar: Unicode.Scalar, to writer: inout MarkdownWriter, output: inout [UInt8]) {
        if let current = hold.take() {
            // Taken out of `hold`, so the held scalars are extended in place rather than copied.
            holdMore(current, scalar, writer: &writer, output: &output)
            return
        }
        if let current = run {
            if scalar == current.delimiter {
                run = (current.delimiter, current.count + 1)
                return
            }
            run = nil
            resolveRun(current, next: scalar, writer: &writer, output: &output)
        }
        if backticks > 0 {
            if scalar == "`" {
                backticks += 1
                return
            }
            resolveBackticks(writer: &writer, output: &output)
        }
        if escaped {
            escaped = false
            if scalar.isASCIIPunctuation {
                emit(scalar, writer: &writer, output: &output)
                return
            }
            emit("\\", writer: &writer, output: &output)
        }
        if bang {
            bang = false
            if scalar == "[" {
                holdLink(image: true)
                return
            }
            emit("!", writer: &writer, output: &output)
        }
        if codeSpan != nil {
            if scalar == "`" {
                backticks = 1
                runStart = position
            } else {
                emit(scalar, writer: &writer, output: &output)
            }
            return
        }
        switch scalar {
        case "*", "_", "~":
            run = (scalar, 1)
            runStart = position
        case "`":
            backticks = 1
            runStart = position
        case "\\": escaped = true
        case "[": holdLink(image: false)
        case "!": bang = true
        case "<": hold = .autolink(["<"])
        case "&": hold = .entity(["&"])
        default: emit(scalar, writer: &writer, output: &output)
        }
    }

    /// Takes a backslash held at the end of a line: it makes a hard line break.
    /// - Returns: Whether there was one.
    mutating func takeTrailingBackslash() -> Bool {
        guard escaped, run == nil, backticks == 0, hold == nil else { return false }
        escaped = false
        return true
    }

    /// Ends a line of the block: what is held that cannot span lines is shown literally; a run resolves against
    /// the line end (whitespace).
    mutating func endLine(to writer: inout MarkdownWriter, output: inout [UInt8]) {
        if isHolding { flushHolds(next: " ", writer: &writer, output: &output) }
        previous = " "
    }

    /// Ends the block: everything held is shown literally and every span ends.
    mutating func endBlock(to writer: inout MarkdownWriter, output: inout [UInt8]) {
        if isHolding { flushHolds(next: " ", writer: &writer, output: &output) }
        if !spans.isEmpty { spans.removeAll(keepingCapacity: true) }  // emptying an empty one allocates
        codeSpan = nil
        writer.spans = []
        previous = " "
        if !literalRunStarts.isEmpty { literalRunStarts.removeAll() }
        position = 0
    }

    private mutating func flushHolds(next: Unicode.Scalar, writer: inout MarkdownWriter, output: inout [UInt8]) {
        if let current = run {
            run = nil
            resolveRun(current, next: next, writer: &writer, output: &output)
        }
        if backticks > 0 { resolveBackticks(writer: &writer, output: &output) }
        if escaped {
            escaped = false
            emit("\\", writer: &writer, output: &output)
        }
        if bang {
            bang = false
            emit("!", writer: &writer, output: &output)
        }
        if let hold {
            self.hold = nil
            replayLiterally(hold, writer: &writer, output: &output)
        }
    }

    // MARK: Emphasis and code

    /// Decides what a delimiter run is once the character after it is known (CommonMark's flanking rules).
    mutating func resolveRun(
        _ current: (delimiter: Unicode.Scalar, count: Int),
        next: Unicode.Scalar,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) {
        if runIsLiteral {
            literalRun(current.delimiter, current.count, writer: &writer, output: &output)
            return
        }
        let (canOpen, canClose) = Self.flanking(current.delimiter, before: previous, next: next)
        var count = current.count
        if current.delimiter == "~" {
            guard count <= 2 else {
                literalRun(current.delimiter, count, writer: &writer, output: &output)
                return
            }
            if canClose, let index = spans.lastIndex(where: { $0.delimiter == "~" && $0.count == count }) {
                spans.remove(at: index)
            } else if canOpen {
                spans.append(Span(delimiter: "~", attributes: .strikethrough, count: count, start: runStart))
            } else {
                literalRun(current.delimiter, count, writer: &writer, output: &output)
                return
            }
            applySpans(&writer)
            previous = current.delimiter
            return
        }
        if canClose {
            while count > 0, let index = spans.lastIndex(where: { $0.delimiter == current.delimiter }) {
                let used = min(count, spans[index].count)
                if used >= spans[index].count {
                    spans.remove(at: index)
                } else {
                    spans[index].count -= used
                    spans[index].attributes = spans[index].count >= 2 ? .strong : .emphasis
                }
                count -= used
            }
        }
        if count > 0, canOpen, count <= 3 {
            if count >= 2 {
                spans.append(Span(delimiter: current.delimiter, attributes: .strong, count: 2, start: runStart))
            }
            if count != 2 {
                spans.append(Span(delimiter: current.delimiter, attributes: .emphasis, count: 1, start: runStart))
            }
            count = 0
        }
        applySpans(&writer)
        if count > 0 { literalRun(current.delimiter, count, writer: &writer, output: &output) }
        previous = current.delimiter
    }

    private mutating func literalRun(
        _ delimiter: Unicode.Scalar,
        _ count: Int,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) {
        for _ in 0..<count { emit(delimiter, writer: &writer, output: &output) }
    }

    /// A backtick run ended: it opens a code span, closes the open one of the same length, or is literal inside it.
    mutating func resolveBackticks(writer: inout MarkdownWriter, output: inout [UInt8]) {
        let count = backticks
        backticks = 0
        if codeSpan == nil, runIsLiteral {
            for _ in 0..<count { emit("`", writer: &writer, output: &output) }
            return
        }
        if let open = codeSpan {
            if open == count {
                codeSpan = nil
                applySpans(&writer)
            } else {
                for _ in 0..<count { emit("`", writer: &writer, output: &output) }
            }
            return
        }
        codeSpan = count
        codeSpanStart = runStart
        applySpans(&writer)
    }

    private func applySpans(_ writer: inout MarkdownWriter) {
        var attributes = spans.reduce(into: TextAttributes()) { $0.formUnion($1.attributes) }
        if codeSpan != nil { attributes.insert(.code) }
        writer.spans = attributes
    }

    /// Writes one scalar of the block's text, which becomes the character before the next.
    mutating func emit(_ scalar: Unicode.Scalar, writer: inout MarkdownWriter, output: inout [UInt8]) {
        writer.text(scalar, to: &output)
        previous = scalar
    }

    // MARK: Links, autolinks, entities

    private mutating func holdMore(
        _ current: consuming Hold,
        _ scalar: Unicode.Scalar,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) {
        switch consume current {
        case .entity(var text):
            text.append(scalar)
            if scalar == ";" {
                let reference = String(scalars: text)
                if let decoded = HTMLEntities.decode(reference.dropFirst().dropLast())
                    ?? Self.numericReference(reference)
                {
                    for character in decoded.unicodeScalars { emit(character, writer: &writer, output: &output) }
                } else {
                    replayLiterally(.entity(text), writer: &writer, output: &output)
                }
            } else if text.count > Self.entityLimit
                || !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#")
            {
                replayLiterally(.entity(text), writer: &writer, output: &output)
            } else {
                hold = .entity(text)
            }
        case .autolink(var text):
            text.append(scalar)
            if scalar == ">" {
                let target = String(scalars: text.dropFirst().dropLast())
                if Self.isAutolink(target) {
                    let destination = target.contains(":") ? target : "mailto:" + target
                    showLink(text: target, destination: destination, writer: &writer, output: &output)
                } else {
                    replayLiterally(.autolink(text), writer: &writer, output: &output)
                }
            } else if scalar == " " || scalar == "<" || text.count > Self.linkLimit {
                replayLiterally(.autolink(text), writer: &writer, output: &output)
            } else {
                hold = .autolink(text)
            }
        case .link(var text):
            text.append(scalar)
            if text.count > Self.linkLimit {
                replayLiterally(.link(text), writer: &writer, output: &output)
                return
            }
            if LinkSyntax.extends(linkPart, with: scalar) {
                hold = .link(text)  // still incomplete, in the same part
                return
            }
            switch linkScan.resume(text) {
            case .incomplete(let part):
                linkPart = part
                hold = .link(text)
            case .failed:
                replayLiterally(.link(text), writer: &writer, output: &output)
            case .link(let link):
                showLink(link, in: text, writer: &writer, output: &output)
                // The held scalars' storage goes to the next link.
                text.removeAll(keepingCapacity: true)
                spareLink = text
            }
        }
    }

    /// Shows held text as it was typed: its first character literally, the rest styled again from scratch.
    private mutating func replayLiterally(_ held: Hold, writer: inout MarkdownWriter, output: inout [UInt8]) {
        let text: [Unicode.Scalar]
        switch held {
        case .link(let held), .autolink(let held), .entity(let held): text = held
        }
        var scalars = text.makeIterator()
        if let first = scalars.next() { emit(first, writer: &writer, output: &output) }
        if text.starts(with: ["!", "["]), let second = scalars.next() {
            emit(second, writer: &writer, output: &output)
        }
        while let scalar = scalars.next() { feed(scalar, to: &writer, output: &output) }
    }
}
