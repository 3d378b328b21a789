/// How many terminal cells text takes, as a terminal (wcwidth-like) sees it.
///
/// ```
///  0 cells  controls, combining marks (Mn, Me), format characters (Cf: ZWJ, ZWSP, bidi marks, tags),
///           variation selectors, Hangul medial vowels and final consonants
///  2 cells  East Asian Wide and Fullwidth (CJK, Hangul syllables, kana, fullwidth forms), Emoji_Presentation
///           (most emoji, regional indicators), all of planes 2 and 3
///  1 cell   everything else, including East Asian Ambiguous (as in a non-CJK locale)
/// ```
///
/// Scalars are looked up in compact range tables (`DisplayWidth+Tables.swift`); ASCII takes a fast path. A
/// `Character` (grapheme cluster) is measured the way a grapheme-aware terminal draws it: an emoji followed by
/// VS16 (U+FE0F) takes two cells, a flag (two regional indicators) two, an emoji ZWJ sequence or an emoji with a
/// skin-tone modifier two, a base with combining marks the base's width. Terminals that draw each scalar of a ZWJ
/// sequence separately show it wider; the renderer accepts that rare mismatch.
package enum DisplayWidth {
    /// The cells one scalar takes on its own.
    /// - Parameter scalar: The scalar to measure.
    /// - Returns: 0, 1 or 2. Control characters (C0, DEL, C1) return 0.
    @inline(__always)
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        return nonASCIIWidth(value)
    }

    /// The cells one grapheme cluster takes.
    /// - Parameter character: The character to measure.
    /// - Returns: 0, 1 or 2 for ordinary clusters; more only for clusters a terminal cannot join (such as a base
    ///   followed by an unrelated wide scalar after a ZWJ).
    package static func of(_ character: Character) -> Int {
        var tracker = GraphemeWidthTracker()
        var total = 0
        for scalar in character.unicodeScalars {
            total += tracker.measure(scalar).cells
        }
        return total
    }

    /// The cells a string takes on one line.
    /// - Parameter text: The text to measure; newlines and tabs count as 0 (callers that wrap handle them).
    /// - Returns: The sum of the widths of its clusters.
    package static func of(_ text: some StringProtocol) -> Int {
        var printable = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return measured(text) }
            if byte >= 0x20 && byte < 0x7F { printable += 1 }
        }
        return printable  // ASCII: one cell per printable character, none per control
    }

    /// The cells UTF-8 text takes on one line: `of(_:)` for text given as bytes (ASCII counted without decoding).
    /// - Parameter bytes: Valid UTF-8.
    /// - Returns: The sum of the widths of its clusters.
    package static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var printable = 0
        for byte in bytes {
            guard byte < 0x80 else { return measured(String(decoding: bytes, as: UTF8.self)) }
            if byte >= 0x20 && byte < 0x7F { printable += 1 }
        }
        return printable
    }

    private static func measured(_ text: some StringProtocol) -> Int {
        var tracker = GraphemeWidthTracker()
        var total = 0
        for scalar in text.unicodeScalars {
            total += tracker.measure(scalar).cells
        }
        return total
    }

    static func nonASCIIWidth(_ value: UInt32) -> Int {
        if value < 0xA0 {
            return 0  // DEL and C1 controls
        }
        if value < 0x300 {
            return 1  // Latin-1 and Latin Extended: no marks, nothing wide
        }
        if isCommonWide(value) { return 2 }
        // The tables do not overlap (a test checks it), so the shorter wide table goes first.
        if value >= 0x1100 && contains(value, in: wideRanges) {
            return 2
        }
        if contains(value, in: zeroWidthRanges) {
            return 0
        }
        return 1
    }

    /// The two widest ranges of `wideRanges`, tested before any search (a test checks that they are entries of
    /// it): U+3220–U+A48C (CJK ideographs, and the blocks beside them) and U+AC00–U+D7A3 (Hangul syllables); and
    /// CJK text's punctuation: U+3000–U+3029 (the ideographic space, comma and full stop, brackets) and
    /// U+FF01–U+FF60 (fullwidth forms).
    static let commonWideRanges: (ClosedRange<UInt32>, ClosedRange<UInt32>, ClosedRange<UInt32>, ClosedRange<UInt32>) =
        (
            0x3220...0xA48C, 0xAC00...0xD7A3, 0x3000...0x3029, 0xFF01...0xFF60
        )

    /// Whether `value` is in one of `commonWideRanges` (two cells: CJK text), with no search.
    @inline(__always)
    static func isCommonWide(_ value: UInt32) -> Bool {
        commonWideRanges.0.contains(value) || commonWideRanges.1.contains(value)
            || commonWideRanges.2.contains(value) || commonWideRanges.3.contains(value)
    }

    /// Binary search in a flat table of inclusive `(first, last)` pairs.
    private static func contains(_ value: UInt32, in table: [UInt32]) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[middle * 2] {
                high = middle - 1
            } else if value > table[middle * 2 + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
