/// Walking the finished inline tree into events.
extension InlineParser {
    /// Reports the parsed inlines in order; adjacent text is merged into one `.text` and, outside links, searched
    /// for GFM extended autolinks.
    func render(_ emit: (MarkdownInline) -> Void) {
        renderChildren(of: 0, inLink: false, emit)
    }

    private func renderChildren(of parent: Int, inLink: Bool, _ emit: (MarkdownInline) -> Void) {
        var child = nodes[parent].first
        while child >= 0 {
            let node = nodes[child]
            switch node.kind {
            case .root:
                break
            case .text:
                // A run of adjacent text nodes is one `.text`; most runs are one range of the subject.
                var end = node.end
                var contiguous = true
                var next = node.next
                while next >= 0, nodes[next].kind == .text {
                    let following = nodes[next]
                    if following.start != end || (following.start < subject.count) != (node.start < subject.count) {
                        contiguous = false
                    }
                    end = following.end
                    next = following.next
                }
                if contiguous {
                    withBytes(node.start..<end) { emitText($0, inLink: inLink, emit) }
                } else {
                    var bytes: [UInt8] = []
                    var current = child
                    while current != next {
                        appendBytes(of: nodes[current], to: &bytes)
                        current = nodes[current].next
                    }
                    bytes.withUnsafeBufferPointer { emitText($0, inLink: inLink, emit) }
                }
                child = next
                continue
            case .softBreak:
                emit(.softBreak)
            case .hardBreak:
                emit(.hardBreak)
            case .code:
                withBytes(node.start..<node.end) { emit(.code(String(decoding: $0, as: UTF8.self))) }
            case .emphasis, .strong, .strikethrough, .link, .image, .autolink:
                let span = span(node)
                emit(.open(span))
                renderChildren(of: child, inLink: inLink || !Self.isStyle(node.kind), emit)
                emit(.close(span))
            }
            child = node.next
        }
    }

    /// Calls `body` with the bytes of `range` (a range of the subject, or past its end, of `extra`).
    private func withBytes(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if range.lowerBound < subject.count {
            subject.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        } else {
            let shifted = (range.lowerBound - subject.count)..<(range.upperBound - subject.count)
            extra.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[shifted])) }
        }
    }

    private func emitText(_ bytes: UnsafeBufferPointer<UInt8>, inLink: Bool, _ emit: (MarkdownInline) -> Void) {
        guard !bytes.isEmpty else { return }
        if inLink || !extensions.contains(.autolinks) {
            emit(.text(String(decoding: bytes, as: UTF8.self)))
        } else {
            ExtendedAutolinks.split(bytes, emit: emit)
        }
    }

    private static func isStyle(_ kind: NodeKind) -> Bool {
        kind == .emphasis || kind == .strong || kind == .strikethrough
    }

    private func span(_ node: Node) -> MarkdownSpan {
        switch node.kind {
        case .emphasis: return .emphasis
        case .strong: return .strong
        case .strikethrough: return .strikethrough
        default: break
        }
        let link = links[node.link]
        switch node.kind {
        case .image: return .image(source: link.destination, title: link.title)
        case .autolink: return .autolink(destination: link.destination)
        default: return .link(destination: link.destination, title: link.title)
        }
    }
}
