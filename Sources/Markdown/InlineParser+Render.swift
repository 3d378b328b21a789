/// Walking the finished inline tree into events.
extension InlineParser {
    /// Reports the parsed inlines in order; adjacent text is merged into one `.text` and, outside links, searched
    /// for GFM extended autolinks.
    mutating func render(_ emit: (MarkdownInline) -> Void) {
        renderChildren(of: 0, inLink: false, emit)
    }

    private func renderChildren(of parent: Int, inLink: Bool, _ emit: (MarkdownInline) -> Void) {
        var child = nodes[parent].first
        var pending: [UInt8] = []
        while child >= 0 {
            let node = nodes[child]
            if node.kind == .text {
                pending.append(contentsOf: node.literal)
                child = node.next
                continue
            }
            flush(&pending, inLink: inLink, emit)
            switch node.kind {
            case .root, .text:
                break
            case .softBreak:
                emit(.softBreak)
            case .hardBreak:
                emit(.hardBreak)
            case .code:
                emit(.code(String(decoding: node.literal, as: UTF8.self)))
            case .emphasis, .strong, .strikethrough, .link, .image, .autolink:
                let span = Self.span(node)
                emit(.open(span))
                renderChildren(
                    of: child,
                    inLink: inLink
                        || node.kind != .emphasis && node.kind != .strong
                            && node.kind != .strikethrough,
                    emit
                )
                emit(.close(span))
            }
            child = node.next
        }
        flush(&pending, inLink: inLink, emit)
    }

    private func flush(_ pending: inout [UInt8], inLink: Bool, _ emit: (MarkdownInline) -> Void) {
        guard !pending.isEmpty else { return }
        if inLink || !extensions.contains(.autolinks) {
            emit(.text(String(decoding: pending, as: UTF8.self)))
        } else {
            ExtendedAutolinks.split(pending, emit: emit)
        }
        pending.removeAll()
    }

    private static func span(_ node: Node) -> MarkdownSpan {
        switch node.kind {
        case .emphasis: .emphasis
        case .strong: .strong
        case .strikethrough: .strikethrough
        case .image: .image(source: node.destination, title: node.title)
        case .autolink: .autolink(destination: node.destination)
        default: .link(destination: node.destination, title: node.title)
        }
    }
}
