/// Links: holding one, and showing it once it is complete.
extension InlineStyler {
    /// Starts holding a link (`[`, or `![` for an image) in the storage the last link shown left.
    mutating func holdLink(image: Bool) {
        var text: [Unicode.Scalar] = []
        swap(&text, &spareLink)
        if image { text.append("!") }
        text.append("[")
        hold = .link(text)
        linkPart = .label
        linkScan = LinkSyntax.Scan()
    }

    /// Shows an inline link from its held scalars: the label with its escapes removed (`[image: label]` for an
    /// image), then the destination; both encoded on the stack, with no string built.
    mutating func showLink<Text: RandomAccessCollection<Unicode.Scalar>>(
        _ link: LinkSyntax.Link,
        in scalars: Text,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) where Text.Index == Int {
        let opening: StaticString = "[image: "
        let capacity = 4 * (link.label.count + link.destination.count) + opening.utf8CodeUnitCount + 1
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var count = 0
            if link.image {
                for byte in UnsafeBufferPointer(start: opening.utf8Start, count: opening.utf8CodeUnitCount) {
                    buffer[count] = byte
                    count += 1
                }
            }
            count = LinkSyntax.encode(scalars[link.label], unescaping: true, into: buffer, at: count)
            if link.image {
                buffer[count] = 0x5D  // ]
                count += 1
            }
            let textEnd = count
            count = LinkSyntax.encode(scalars[link.destination], unescaping: !link.bracketed, into: buffer, at: count)
            showLink(
                text: UnsafeBufferPointer(rebasing: buffer[..<textEnd]),
                destination: UnsafeBufferPointer(rebasing: buffer[textEnd..<count]),
                writer: &writer,
                output: &output
            )
        }
    }

    /// A link at the start of `bytes` (printable ASCII, from its `[`) with nothing held: what `feed` does with each
    /// of its bytes, at once, the bytes read in place. A link complete within `bytes` is matched and shown with no
    /// hold; one that may still become a link when `bytes` end is held as `feed` would have held it (its scalars,
    /// the part it ends in and the match in progress).
    /// - Returns: How many bytes it took: the link's, all of `bytes`, or 0 when they are not a link (`feed` then
    ///   shows them as it does: literally, after a longer hold).
    mutating func takeLink(_ bytes: UnsafeBufferPointer<UInt8>, writer: inout MarkdownWriter, output: inout [UInt8])
        -> Int
    {
        // Matched once, to the link's `)` (`closingEarly`): what `holdMore` finds matching at each part boundary
        // in turn. Past `linkLimit` scalars the text is literal, so no more than one byte past it is read.
        let scalars = ASCIIScalars(bytes: UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, Self.linkLimit + 1)]))
        var scan = LinkSyntax.Scan()
        switch scan.resume(scalars, closingEarly: true) {
        case .link(let link) where link.end <= Self.linkLimit:
            showLink(link, in: scalars, writer: &writer, output: &output)
            return link.end
        case .incomplete(let part) where scalars.count <= Self.linkLimit:
            // Held, as `holdLink` and `holdMore` would hold it.
            var text: [Unicode.Scalar] = []
            swap(&text, &spareLink)
            text.append(contentsOf: scalars)
            hold = .link(text)
            linkPart = part
            linkScan = scan
            return scalars.count
        default:
            return 0
        }
    }

    /// Shows a link given as strings (an autolink).
    mutating func showLink(text: String, destination: String, writer: inout MarkdownWriter, output: inout [UInt8]) {
        var text = text
        var destination = destination
        text.withUTF8 { text in
            destination.withUTF8 { showLink(text: text, destination: $0, writer: &writer, output: &output) }
        }
    }

    /// Shows a link: its text (a hyperlink when colour is on), then the URL when it differs from the text.
    private mutating func showLink(
        text: UnsafeBufferPointer<UInt8>,
        destination: UnsafeBufferPointer<UInt8>,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) {
        let saved = writer.spans
        writer.spans = saved.union(.link)
        writer.beginHyperlink(utf8: destination, to: &output)
        emit(utf8: text, writer: &writer, output: &output)
        writer.endHyperlink(to: &output)
        writer.spans = saved
        let shown = Self.droppingMailto(destination)
        if !destination.isEmpty, !Self.sameText(shown, text) {
            // " (", the URL, ")" emitted as one text (one run through the wrapper), built on the stack.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: shown.count + 3) { buffer in
                buffer[0] = 0x20
                buffer[1] = 0x28
                _ = UnsafeMutableBufferPointer(rebasing: buffer[2...]).initialize(fromContentsOf: shown)
                buffer[shown.count + 2] = 0x29
                emit(utf8: UnsafeBufferPointer(buffer), writer: &writer, output: &output)
            }
        }
    }

    /// The URL shown after a link's text: the destination without a leading `mailto:` (as `String.hasPrefix` and
    /// `dropFirst(7)` read it: by characters, so a mark after the colon keeps it).
    private static func droppingMailto(_ destination: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let prefix: StaticString = "mailto:"
        guard destination.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: 7)) else {
            return destination
        }
        if destination.count > 7, destination[7] >= 0x80 {
            // What follows may join the colon's character: decided as strings, as rarely as that comes.
            let string = String(decoding: destination, as: UTF8.self)
            guard string.hasPrefix("mailto:") else { return destination }
            return UnsafeBufferPointer(rebasing: destination[(destination.count - string.dropFirst(7).utf8.count)...])
        }
        return UnsafeBufferPointer(rebasing: destination[7...])
    }

    /// Whether two UTF-8 texts are equal as strings (canonically equivalent: compared as strings unless both are
    /// ASCII).
    private static func sameText(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        if first.allSatisfy({ $0 < 0x80 }), second.allSatisfy({ $0 < 0x80 }) { return first.elementsEqual(second) }
        return String(decoding: first, as: UTF8.self) == String(decoding: second, as: UTF8.self)
    }

    /// `emit` for each scalar of `text` (UTF-8) from U+0020 up; printable ASCII text goes through the writer's ASCII
    /// path.
    mutating func emit(utf8 text: UnsafeBufferPointer<UInt8>, writer: inout MarkdownWriter, output: inout [UInt8]) {
        if let last = text.last, text.allSatisfy(\.isPrintableASCII) {
            writer.text(ascii: text, to: &output)
            previous = Unicode.Scalar(last)
            return
        }
        var index = 0
        while index < text.count {
            let (scalar, length) = text.scalar(at: index)
            index += length
            if scalar.value >= 0x20 { emit(scalar, writer: &writer, output: &output) }
        }
    }
}

/// ASCII bytes read in place as scalars (for `LinkSyntax`, which reads scalars), indexed from 0.
struct ASCIIScalars: RandomAccessCollection {
    /// The bytes (ASCII).
    let bytes: UnsafeBufferPointer<UInt8>

    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }

    subscript(position: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[position]) }
}
