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

    /// Shows a link: its text (a hyperlink when colour is on), then the URL when it differs from the text.
    mutating func showLink(
        text: String,
        destination: String,
        writer: inout MarkdownWriter,
        output: inout [UInt8]
    ) {
        let saved = writer.spans
        writer.spans = saved.union(.link)
        writer.beginHyperlink(destination, to: &output)
        emit(text, writer: &writer, output: &output)
        writer.endHyperlink(to: &output)
        writer.spans = saved
        let shown = destination.hasPrefix("mailto:") ? String(destination.dropFirst(7)) : destination
        if shown != text, !destination.isEmpty {
            // " (", the URL, ")": what emitting them as one string writes, without building it.
            emit(" (", writer: &writer, output: &output)
            emit(shown, writer: &writer, output: &output)
            emit(")", writer: &writer, output: &output)
        }
    }

    /// `emit` for each scalar of `text` from U+0020 up; printable ASCII text goes through the writer's ASCII path.
    mutating func emit(_ text: String, writer: inout MarkdownWriter, output: inout [UInt8]) {
        var text = text
        let wroteASCII = text.withUTF8 { bytes in
            guard let last = bytes.last, bytes.allSatisfy(\.isPrintableASCII) else { return false }
            writer.text(ascii: bytes, to: &output)
            previous = Unicode.Scalar(last)
            return true
        }
        guard !wroteASCII else { return }
        for scalar in text.unicodeScalars where scalar.value >= 0x20 { emit(scalar, writer: &writer, output: &output) }
    }
}
