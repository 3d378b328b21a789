extension MarkdownTypesetter {
    /// Typesets one delta of the answer, then `endOfDelta` (see `feed(delta:sanitizer:into:)` for its UTF-8).
    /// - Parameters:
    ///   - text: The delta.
    ///   - sanitizer: Drops terminal controls, across pieces.
    ///   - output: Receives the bytes to write.
    mutating func feed(delta text: String, sanitizer: inout TerminalSanitizer, into output: inout [UInt8]) {
        // A String's UTF-8 is contiguous (native or small): read in place, with no copy of the String to retain.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            feed(delta: bytes, sanitizer: &sanitizer, into: &output)
        }
        if done == nil {
            var text = text
            text.withUTF8 { feed(delta: $0, sanitizer: &sanitizer, into: &output) }
        }
    }

    /// Typesets one delta of the answer given as UTF-8 (valid), then `endOfDelta`: the common case — paragraph,
    /// heading, list or quote text with nothing held, the delta plain prose — goes to the writer at once; the rest
    /// through `feed(utf8:…)`.
    /// - Parameters:
    ///   - bytes: The delta's UTF-8.
    ///   - sanitizer: Drops terminal controls, across pieces.
    ///   - output: Receives the bytes to write.
    @inline(__always)
    mutating func feed(
        delta bytes: UnsafeBufferPointer<UInt8>,
        sanitizer: inout TerminalSanitizer,
        into output: inout [UInt8]
    ) {
        defer { endOfDelta(into: &output) }
        // A piece of a code row (printable ASCII, so no LF: no closing fence can start) goes to the lexer at once.
        if case .code = mode, sanitizer.passesPrintableASCII, bytes.allSatisfy(\.isPrintableASCII) {
            code.writeAndFlush(ascii: bytes, into: &output)
            return
        }
        var plain = 0
        if case .prose = mode, sanitizer.passesPrintableASCII, inline.takesPlainProse, openers.isIdle {
            plain = InlineStyler.plainProsePrefix(of: bytes)
            if plain > 0 { feedProse(UnsafeBufferPointer(rebasing: bytes[..<plain]), into: &output) }
            if plain == bytes.count { return }
        }
        feed(utf8: UnsafeBufferPointer(rebasing: bytes[plain...]), sanitizer: &sanitizer, into: &output)
    }

    /// Typesets a piece of the reply given as UTF-8, sanitised here: the same as `feed(_:into:)` for each scalar
    /// `sanitizer` passes, but a run of plain ASCII prose (no character that may start markup, nothing held) goes to
    /// the writer whole, with no `Unicode.Scalar`, `Character` or width lookup per byte.
    ///
    /// ```
    ///  "Here is a **quick** overview"   "Here is a " one run · "*" "*" by scalar · "quick" one run · …
    /// ```
    /// - Parameters:
    ///   - bytes: The piece's UTF-8 (valid: from a `String`).
    ///   - sanitizer: Drops terminal controls, across pieces.
    ///   - output: Receives the bytes to write.
    mutating func feed(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        sanitizer: inout TerminalSanitizer,
        into output: inout [UInt8]
    ) {
        var index = 0
        while index < bytes.count {
            if bytes[index].isPrintableASCII, sanitizer.passesPrintableASCII {
                let end = bytes.printableASCIIEnd(from: index + 1)
                feed(ascii: UnsafeBufferPointer(rebasing: bytes[index..<end]), into: &output)
                index = end
                continue
            }
            let (scalar, length) = bytes.scalar(at: index)
            index += length
            guard sanitizer.passes(scalar) else { continue }
            if usesRuns, scalar.value >= 0x80, case .prose = mode, inline.takesPlainProse, openers.isIdle {
                // Text (CJK, an emoji…) with nothing held: what `feed(_:into:)` does with it (the styler writes it,
                // the idle watch does nothing), at once; a wide character's word ended at once when what follows
                // cannot join its cluster (plain prose, a CJK character).
                trailingSpaces = 0
                if scalar.value >= 0x1100, index < bytes.count, Self.startsCluster(bytes, at: index) {
                    let utf8 = UnsafeBufferPointer(rebasing: bytes[(index - length)..<index])
                    inline.emit(endingWord: scalar, utf8: utf8, writer: &writer, output: &output)
                } else {
                    inline.emit(scalar, writer: &writer, output: &output)
                }
                continue
            }
            feed(scalar, into: &output)
        }
    }

    /// Whether the scalar at `index` of `bytes`, after a character of prose written with nothing held, reaches the
    /// wrapper next and starts a cluster of its own: a byte of plain prose (written as it comes), or a character
    /// of `DisplayWidth.commonWideRanges` (CJK text: two cells, never a mark, joiner or modifier).
    @inline(__always)
    private static func startsCluster(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] >= 0x80 else { return InlineStyler.isPlainProse(bytes[index]) }
        return DisplayWidth.isCommonWide(bytes.scalar(at: index).0.value)
    }

    /// Printable ASCII: plain prose, a code row and a held line as runs (with `usesRuns`), anything else one scalar
    /// at a time.
    mutating func feed(ascii bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let runs = usesRuns
        var index = 0
        while index < bytes.count {
            let rest = UnsafeBufferPointer(rebasing: bytes[index...])
            switch mode {
            case .prose where runs:
                // Whether something is held, read once: with nothing held a run, a link or plain prose may start
                // here; with something held only a run may be decided or a link go on.
                let holding = inline.isHolding
                var plain = holding ? 0 : inline.unheldPlainPrefix(of: rest)
                if plain == 0, !holding, rest[0] == 0x5F, rest.count > 1, openers.isIdle,
                    inline.isIntraword(underscoreBefore: rest[1])
                {
                    plain = 1 + InlineStyler.plainProsePrefix(of: UnsafeBufferPointer(rebasing: rest[1...]))
                }
                if plain > 0 {
                    // The `_`s of `snake_case` go on with the run (`isIntraword`): text, which the opener watch
                    // would take a snapshot of the writer at and drop at the next byte.
                    while plain + 1 < rest.count, rest[plain] == 0x5F, openers.isIdle,
                        inline.isIntraword(underscoreAfter: rest[plain - 1], before: rest[plain + 1])
                    {
                        plain +=
                            1 + InlineStyler.plainProsePrefix(of: UnsafeBufferPointer(rebasing: rest[(plain + 1)...]))
                    }
                    feedProse(UnsafeBufferPointer(rebasing: rest[..<plain]), into: &output)
                    index += plain
                    continue
                }
                if !holding {
                    if inline.startsUnheldRun(rest[0]) {
                        index += holdRun(rest)
                        continue
                    }
                    if rest[0] == 0x5B, inline.codeSpan == nil {
                        let taken = takeLink(rest, into: &output)
                        if taken > 0 {
                            index += taken
                            continue
                        }
                    }
                    break  // a byte that may start markup: by scalar
                }
                // A run held before a byte of plain prose: decided here, that byte then goes on with its plain run.
                if inline.resolveRun(before: rest[0], writer: &writer, output: &output) { continue }
                let held = inline.heldLinkPrefix(of: rest)
                guard held > 0 else { break }
                holdProse(UnsafeBufferPointer(rebasing: rest[..<held]), into: &output)
                index += held
                continue
            case .code where runs:
                code.write(ascii: rest, into: &output)
                return
            case .held where runs:
                pending.append(contentsOf: rest)
                return
            case .start where runs:
                // Held and classified a few bytes at a time (8, then twice as many each time, to the end of a word
                // so that the words after are fed whole), not byte by byte: `LineStart` decides a longer line as
                // it decided the first of its prefixes that it could, and what the held bytes hold past that
                // prefix is fed from `pending`, the rest from here. With nothing held yet, a start the piece
                // decides (a heading, an item, a paragraph or a code line) begins in place, with no hold at all.
                if pending.isEmpty, let used = startInPlace(rest, into: &output) {
                    index += used
                    continue
                }
                var end = 0
                repeat {
                    var next = min(rest.count, max(8, 2 * end))
                    while next < rest.count, rest[next - 1] != 0x20 { next += 1 }
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: rest[end..<next]))
                    end = next
                    decideStart(complete: false, into: &output)
                } while mode.isStart && end < rest.count
                index += end
                continue
            default:
                break
            }
            feed(Unicode.Scalar(bytes[index]), into: &output)
            index += 1
        }
    }

    /// A run of delimiters or backticks at the start of `bytes` (`InlineStyler.startsRun` says its first byte
    /// starts one): what `feed(_:into:)` does for each of its bytes, at once: the opener watch sees the first (a
    /// snapshot may be taken there, unless the styler settles again within `bytes`) and logs the rest, and the
    /// styler holds the run.
    /// - Returns: How many bytes the run has.
    private mutating func holdRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let first = bytes[0]
        var count = 1
        while count < bytes.count, bytes[count] == first { count += 1 }
        trailingSpaces = 0
        // Idle, with no span open, the watch would take a snapshot here: not when the styler settles again within
        // these bytes (it would drop it there unused). Idle with a span open, it would do nothing.
        if !openers.isIdle || (!inline.hasOpenSpans && !inline.settlesWithin(bytes, runLength: count)) {
            openers.willFeed(Unicode.Scalar(first), inline: &inline, writer: &writer)
            if count > 1 { openers.willFeed(plain: UnsafeBufferPointer(rebasing: bytes[1..<count])) }
        }
        inline.holdRun(first, count: count)
        openers.didFeed(row: writer.wrapper.rowsEnded, settled: false)  // a run is held
        return count
    }

    /// A link from its `[` at the start of `bytes`, nothing held (`InlineStyler.takeLink`): what `feed(_:into:)`
    /// does for each of its bytes, at once (the opener watch logs them: none starts a snapshot while a link is held).
    /// - Returns: How many bytes it took (0: none, the `[` is to be fed alone).
    private mutating func takeLink(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
        let taken = inline.takeLink(bytes, writer: &writer, output: &output)
        guard taken > 0 else { return 0 }
        let link = UnsafeBufferPointer(rebasing: bytes[..<taken])
        var spaces = 0
        while spaces < taken, link[taken - 1 - spaces] == 0x20 { spaces += 1 }
        trailingSpaces = spaces
        openers.willFeed(plain: link)
        openers.didFeed(row: writer.wrapper.rowsEnded, settled: !inline.hasOpenSpans && !inline.isHolding)
        return taken
    }

    /// A run of a held link's text: what `feed(_:into:)` does for each of its bytes (the styler holds them; the
    /// opener watch, holding no snapshot of its own then, logs them).
    private mutating func holdProse(_ run: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var spaces = 0
        while spaces < run.count, run[run.count - 1 - spaces] == 0x20 { spaces += 1 }
        trailingSpaces = spaces == run.count ? trailingSpaces + spaces : spaces
        openers.willFeed(plain: run)
        inline.holdPlain(run)
        openers.didFeed(row: writer.wrapper.rowsEnded, settled: !inline.hasOpenSpans && !inline.isHolding)
    }

    /// A run of prose the inline styler writes as it is: what `feed(_:into:)` does for each of its bytes, at once.
    private mutating func feedProse(_ run: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var spaces = 0
        while spaces < run.count, run[run.count - 1 - spaces] == 0x20 { spaces += 1 }
        trailingSpaces = spaces == run.count ? trailingSpaces + spaces : spaces
        guard !openers.isIdle else {
            inline.feedPlain(run, to: &writer, output: &output)  // what the watch would do then: nothing
            return
        }
        openers.willFeed(plain: run)
        inline.feedPlain(run, to: &writer, output: &output)
        openers.didFeed(row: writer.wrapper.rowsEnded, settled: !inline.hasOpenSpans && !inline.isHolding)
    }
}
