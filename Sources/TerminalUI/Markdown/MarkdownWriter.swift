/// Where styled Markdown text goes: the soft-wrapping `LineWrapper`, with the attributes of the block (a heading,
/// a quote) and of the open spans (emphasis, code, a link) applied to the next visible character.
///
/// Attributes change lazily: a span that opens and closes around nothing writes nothing, and a style starts with
/// the word it styles, never on the space before it. Without colour no SGR is written at all (the structure stays).
struct MarkdownWriter: Sendable {
    /// The soft wrapper every prose character goes through.
    var wrapper: LineWrapper
    /// Whether SGR sequences and hyperlinks are written.
    let color: Bool
    /// The block's attributes.
    var block: TextAttributes = [] {
        didSet { desired = block.union(spans) }
    }
    /// The open spans' attributes.
    var spans: TextAttributes = [] {
        didSet { desired = block.union(spans) }
    }
    private var desired: TextAttributes = []
    /// The attributes in effect on the screen.
    private(set) var applied: TextAttributes = []

    /// Creates a writer at the start of a line.
    init(width: Int, color: Bool) {
        wrapper = LineWrapper(width: width)
        self.color = color
    }

    /// Writes one visible (or space, tab) scalar of prose.
    mutating func text(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if color, desired != applied, scalar != " " { applyStyle(to: &output) }
        wrapper.append(scalar, to: &output)
    }

    /// Brings the attributes in effect to the desired ones, before the next visible character: what ends, ends
    /// before the spaces; what starts, starts with the word.
    private mutating func applyStyle(to output: inout [UInt8]) {
        let kept = applied.intersection(desired)
        if kept != applied { kept.withSequence { wrapper.appendControlBeforeSpaces($0, to: &output) } }
        if desired != kept { desired.withSequence { wrapper.appendControl($0, to: &output) } }
        applied = desired
    }

    /// Writes printable ASCII prose (no tab), as `text(_:to:)` would byte by byte: the style, if it changes,
    /// before the first visible byte, and the text through the wrapper's ASCII path.
    @inline(__always)
    mutating func text(ascii bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard color, desired != applied, let first = bytes.firstIndex(where: { $0 != 0x20 }) else {
            wrapper.append(ascii: bytes, to: &output)
            return
        }
        wrapper.append(ascii: UnsafeBufferPointer(rebasing: bytes[..<first]), to: &output)
        applyStyle(to: &output)
        wrapper.append(ascii: UnsafeBufferPointer(rebasing: bytes[first...]), to: &output)
    }

    /// Writes prose text.
    mutating func text(_ string: some StringProtocol, to output: inout [UInt8]) {
        for scalar in string.unicodeScalars { text(scalar, to: &output) }
    }

    /// Starts an OSC 8 hyperlink around the text that follows (terminal mode with colour only).
    /// - Parameter destination: The URL's UTF-8, lent (only its printable ASCII other than the space is written).
    mutating func beginHyperlink(utf8 destination: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard color else { return }
        // ESC ] 8 ; ;, the printable ASCII of the URL, ESC \: built in temporary storage, not a new array.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: destination.count + 7) { bytes in
            bytes[0] = 0x1B
            bytes[1] = 0x5D
            bytes[2] = 0x38
            bytes[3] = 0x3B
            bytes[4] = 0x3B
            var count = 5
            for byte in destination where byte >= 0x21 && byte < 0x7F {
                bytes[count] = byte
                count += 1
            }
            bytes[count] = 0x1B
            bytes[count + 1] = 0x5C
            wrapper.appendControl(UnsafeBufferPointer(rebasing: bytes[..<(count + 2)]), to: &output)
        }
    }

    /// Ends the OSC 8 hyperlink.
    mutating func endHyperlink(to output: inout [UInt8]) {
        guard color else { return }
        let end: StaticString = "\u{1B}]8;;\u{1B}\\"  // ESC ] 8 ; ; ESC \, static text: nothing to retain
        wrapper.appendControl(UnsafeBufferPointer(start: end.utf8Start, count: end.utf8CodeUnitCount), to: &output)
    }

    /// Turns every attribute off now (the end of a block, a row about to be written raw).
    mutating func resetStyle(to output: inout [UInt8]) {
        block = []
        spans = []
        guard color, applied != [] else { return }
        applied = []
        TextAttributes().withSequence { wrapper.appendControl($0, to: &output) }
    }

    /// The SGR sequence that sets exactly the attributes in effect (a reset when none; empty without colour).
    var appliedSequence: [UInt8] { color ? applied.sequence : [] }

    /// Writes a row prefix (a bullet, quote bars) in its own attributes, then restores the text's.
    /// - Parameter cells: The prefix's width, when the caller knows it (measured otherwise).
    mutating func beginLine(
        prefix: some StringProtocol,
        cells: Int? = nil,
        attributes: TextAttributes,
        to output: inout [UInt8]
    ) {
        beginLine(
            prefixBytes: prefix.utf8,
            cells: cells ?? DisplayWidth.of(prefix),
            attributes: attributes,
            to: &output
        )
    }

    /// `beginLine(prefix:…)` for a prefix given as UTF-8, `cells` wide.
    mutating func beginLine(
        prefixBytes: some Collection<UInt8>,
        cells: Int,
        attributes: TextAttributes,
        to output: inout [UInt8]
    ) {
        guard !prefixBytes.isEmpty else { return }
        if color, attributes != applied {
            // The prefix's style, the prefix, the text's style: built on the stack, appended at once.
            attributes.withSequence { open in
                applied.withSequence { restore in
                    let capacity = open.count + prefixBytes.count + restore.count
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                        var end = buffer.initialize(fromContentsOf: open)
                        end += UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(
                            fromContentsOf: prefixBytes
                        )
                        end += UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: restore)
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<end]))
                    }
                }
            }
        } else {
            output += prefixBytes
        }
        wrapper.beginLine(writtenPrefixWidth: cells)
    }
}
