/// A streaming inline tokenizer for the paragraph being typed: most characters are decided at once, the rest are
/// held for a bounded number of characters. The exact inlines come from `MarkdownParser` when the paragraph closes;
/// these are a provisional view a renderer can write character by character.
///
/// ```
///  "Some *emph* and [a link](https://x.y) `code`"
///   Some␣ ── text at once
///        * ── held (delimiterRun) until "e": left-flanking → .open(.emphasis), then "emph" at once
///             * ── held until "␣": right-flanking, an emphasis is open → .close(.emphasis)
///               [a link](https://x.y ── held (link) until ")" → .open(.link), "a link", .close(.link)
///                                     ` ── held until "c" → .openCode, "code", "`" closes → .closeCode
/// ```
///
/// Holds and their bounds (a hold that passes its bound, or that the next character disproves, is released
/// as text, re-read with the hold's first character taken literally):
///
/// | Hold                       | Released at                                         | Bound      |
/// |----------------------------|-----------------------------------------------------|------------|
/// | delimiter run              | the next character                                  | 16 chars   |
/// | backticks                  | the next character                                  | 16 chars   |
/// | backslash                  | the next character                                  | 1 char     |
/// | character reference        | `;` or a character not in `[#A-Za-z0-9]`            | 34 chars   |
/// | link `[…](…)`, `![…](…)`    | the `)` that completes it, or a disproof (`!` alone: | 200 bytes  |
/// |                            | the next character)                                 |            |
/// | autolink `<…>`             | `>`, a space or `<`                                 | 200 bytes  |
/// | spaces                     | the next character                                  | 64 spaces  |
///
/// Emphasis is optimistic: a run that can open opens a span at once; spans still open when the paragraph ends are
/// closed by `finish`. The exact events may differ (an opener never closed is literal text there); GFM extended
/// autolinks (`www.…`) are not shown provisionally. Feed the paragraph's text as `MarkdownProvisional.paragraph`
/// gives it (line endings as LF, lines without their indentation); output does not depend on how it is split.
package struct StreamingInlines: Sendable {
    private enum Previous {
        case space, punctuation, other
    }

    private var held: [UInt8] = []
    private var hold: ProvisionalHold?
    private var previous = Previous.space
    private var spans: [(span: MarkdownSpan, character: UInt8)] = []
    private var codeTicks = 0
    private var text: [UInt8] = []
    private var output: [ProvisionalInline] = []
    /// Set while re-reading released bytes: the first byte is taken as literal text.
    private var literalFirst = false
    /// Where a held `[` is: -1 after `!` (an image needs `[` next), 0 in its text, 1 just after its `]`, 2 in `(…)`.
    private var linkPhase = 0
    private var linkDepth = 0

    /// Creates a tokenizer for one paragraph (call `finish` at its end; it is then ready for the next one).
    package init() {}

    /// What is held now, if anything.
    package var holding: ProvisionalHold? { hold }

    /// The number of bytes held now (never more than the hold's bound).
    package var heldCount: Int { held.count }

    /// Reads the next characters of the paragraph.
    /// - Parameter piece: The next characters, of any length.
    /// - Returns: What they decide, in order.
    package mutating func feed(_ piece: some StringProtocol) -> [ProvisionalInline] {
        for byte in piece.utf8 {
            process(byte)
        }
        flushText()
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// Ends the paragraph: releases what is held and closes provisional spans.
    /// - Returns: The last steps.
    package mutating func finish() -> [ProvisionalInline] {
        while let hold {
            _ = resolve(hold, next: nil)
        }
        flushText()
        if codeTicks > 0 {
            output.append(.closeCode)
            codeTicks = 0
        }
        while let open = spans.popLast() {
            output.append(.close(open.span))
        }
        previous = .space
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    // MARK: Bytes

    private mutating func process(_ byte: UInt8) {
        if let hold {
            if extend(hold, with: byte) || resolve(hold, next: byte) {
                return
            }
            if self.hold != nil {
                process(byte)
                return
            }
        }
        start(byte)
    }

    private mutating func start(_ byte: UInt8) {
        let literal = literalFirst
        literalFirst = false
        if codeTicks > 0 {
            if byte == UInt8(ascii: "`"), !literal {
                begin(.backticks, byte)
            } else {
                appendText(byte == 0x0A ? 0x20 : byte)
            }
            return
        }
        if literal {
            appendText(byte)
            return
        }
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"): begin(.delimiterRun, byte)
        case UInt8(ascii: "`"): begin(.backticks, byte)
        case UInt8(ascii: "\\"): begin(.backslash, byte)
        case UInt8(ascii: "&"): begin(.characterReference, byte)
        case UInt8(ascii: "["), UInt8(ascii: "!"): begin(.link, byte)
        case UInt8(ascii: "<"): begin(.autolink, byte)
        case 0x20: begin(.spaces, byte)
        case 0x0A: lineBreak(.softBreak)
        default: appendText(byte)
        }
    }

    private mutating func begin(_ kind: ProvisionalHold, _ byte: UInt8) {
        hold = kind
        held.append(byte)
        linkPhase = byte == UInt8(ascii: "!") ? -1 : 0
        linkDepth = 1
    }

    /// Whether `byte` belongs to the current hold (and is now held too).
    private mutating func extend(_ kind: ProvisionalHold, with byte: UInt8) -> Bool {
        let accept: Bool
        switch kind {
        case .delimiterRun: accept = byte == held[0] && held.count < 16
        case .backticks: accept = byte == UInt8(ascii: "`") && held.count < 16
        case .backslash: accept = false
        case .characterReference:
            accept =
                held.count < 33 && (InlineParser.isLetter(byte) || InlineParser.isDigit(byte) || byte == 0x23)
                || byte == UInt8(ascii: ";") && held.count > 1
        case .spaces: accept = byte == 0x20 && held.count < 64
        case .link: accept = held.count < 200 && linkAccepts(byte)
        case .autolink: accept = held.count < 200 && byte > 0x20 && byte != UInt8(ascii: "<")
        }
        guard accept else { return false }
        held.append(byte)
        if kind == .characterReference, byte == UInt8(ascii: ";") {
            let reference = take()
            if let (decoded, _) = InlineParser.entity(in: reference[...], at: 0) {
                decoded.utf8.forEach { appendText($0) }
            } else {
                reference.forEach { appendText($0) }
            }
        } else if kind == .link, linkPhase == 2, linkDepth == 0 {
            completeSpan()
        } else if kind == .autolink, byte == UInt8(ascii: ">") {
            completeSpan()
        }
        return true
    }

    /// Follows `[text](destination "title")`: bracket depth in the text, then `(`, then parentheses to the `)`.
    private mutating func linkAccepts(_ byte: UInt8) -> Bool {
        let escaped = held.last == UInt8(ascii: "\\")
        switch linkPhase {
        case -1:
            guard byte == UInt8(ascii: "[") else { return false }
            linkPhase = 0
            return true
        case 0:
            if !escaped, byte == UInt8(ascii: "[") {
                linkDepth += 1
            } else if !escaped, byte == UInt8(ascii: "]") {
                linkDepth -= 1
                if linkDepth == 0 {
                    linkPhase = 1
                }
            }
            return true
        case 1:
            guard byte == UInt8(ascii: "(") else { return false }
            linkPhase = 2
            linkDepth = 1
            return true
        default:
            if !escaped, byte == UInt8(ascii: "(") {
                linkDepth += 1
            } else if !escaped, byte == UInt8(ascii: ")") {
                linkDepth -= 1
            }
            return true
        }
    }

    /// Decides a hold that `next` (or the end, `nil`) ends; returns whether `next` was used up by it.
    private mutating func resolve(_ kind: ProvisionalHold, next: UInt8?) -> Bool {
        switch kind {
        case .delimiterRun:
            delimiterRun(take(), next: next)
        case .backticks:
            backticks(take())
        case .backslash:
            take()
            if let next, InlineParser.isASCIIPunctuation(next) {
                appendText(next)
                return true
            }
            if next == 0x0A {
                lineBreak(.hardBreak)
                return true
            }
            appendText(UInt8(ascii: "\\"))
        case .spaces:
            let spaces = take()
            if next == 0x0A {
                lineBreak(spaces.count >= 2 ? .hardBreak : .softBreak)
                return true
            }
            if next != nil {
                spaces.forEach { appendText($0) }
            }
        case .characterReference, .link, .autolink:
            release()
        }
        return false
    }

    /// Gives up a hold: its bytes are read again with the first one taken literally.
    private mutating func release() {
        let bytes = take()
        literalFirst = true
        for byte in bytes {
            process(byte)
        }
    }

    // MARK: Decisions

    private mutating func delimiterRun(_ run: [UInt8], next: UInt8?) {
        let character = run[0]
        let after = next.map(Self.classify) ?? .space
        let beforeSpace = previous == .space
        let beforePunctuation = previous == .punctuation
        let leftFlanking = after != .space && (after != .punctuation || beforeSpace || beforePunctuation)
        let rightFlanking = !beforeSpace && (!beforePunctuation || after == .space || after == .punctuation)
        var canOpen = leftFlanking
        var canClose = rightFlanking
        if character == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || beforePunctuation)
            canClose = rightFlanking && (!leftFlanking || after == .punctuation)
        }
        flushText()
        var count = run.count
        if character == UInt8(ascii: "~") {
            if count <= 2, canClose, spans.last?.span == .strikethrough {
                output.append(.close(spans.removeLast().span))
                count = 0
            } else if count <= 2, canOpen {
                open(.strikethrough, character)
                count = 0
            }
        } else {
            while canClose, count > 0, let top = spans.last, top.character == character {
                if top.span == .strong, count >= 2 {
                    count -= 2
                } else if top.span == .emphasis {
                    count -= 1
                } else {
                    break
                }
                output.append(.close(spans.removeLast().span))
            }
            if canOpen, count > 0 {
                if count % 2 == 1 {
                    open(.emphasis, character)
                }
                if count >= 2 {
                    open(.strong, character)
                }
                count = 0
            }
        }
        for _ in 0..<count {
            appendText(character)
        }
        previous = .punctuation
    }

    private mutating func open(_ span: MarkdownSpan, _ character: UInt8) {
        spans.append((span, character))
        output.append(.open(span))
    }

    private mutating func backticks(_ run: [UInt8]) {
        flushText()
        if codeTicks == 0 {
            codeTicks = run.count
            output.append(.openCode)
        } else if run.count == codeTicks {
            codeTicks = 0
            output.append(.closeCode)
        } else {
            run.forEach { appendText($0) }
        }
        previous = .punctuation
    }

    /// A held link or autolink is complete: the exact inline parser decides whether it is one.
    private mutating func completeSpan() {
        var parser = InlineParser(extensions: [.strikethrough])
        parser.parse(held[...])
        var inlines: [MarkdownInline] = []
        parser.render { inlines.append($0) }
        let isSpan: Bool
        switch (inlines.first, inlines.last) {
        case (.open(.link)?, .close(.link)?), (.open(.image)?, .close(.image)?),
            (.open(.autolink)?, .close(.autolink)?):
            isSpan = true
        default: isSpan = false
        }
        guard isSpan else {
            release()
            return
        }
        take()
        flushText()
        for inline in inlines {
            switch inline {
            case .text(let text): output.append(.text(text))
            case .code(let code): output.append(contentsOf: [.openCode, .text(code), .closeCode])
            case .softBreak: output.append(.softBreak)
            case .hardBreak: output.append(.hardBreak)
            case .open(let span): output.append(.open(span))
            case .close(let span): output.append(.close(span))
            }
        }
        previous = .punctuation
    }

    // MARK: Helpers

    @discardableResult
    private mutating func take() -> [UInt8] {
        let bytes = held
        held.removeAll(keepingCapacity: true)
        hold = nil
        return bytes
    }

    private mutating func appendText(_ byte: UInt8) {
        text.append(byte)
        previous = Self.classify(byte)
    }

    private mutating func lineBreak(_ inline: ProvisionalInline) {
        flushText()
        output.append(inline)
        previous = .space
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        output.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    private static func classify(_ byte: UInt8) -> Previous {
        if InlineParser.isWhitespace(byte) {
            return .space
        }
        return InlineParser.isASCIIPunctuation(byte) ? .punctuation : .other
    }
}
