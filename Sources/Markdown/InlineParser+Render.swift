/// Walking the finished inline tree into events.
extension InlineParser {
    /// Reports the parsed inlines in order; adjacent text is merged into one `.text` and, outside links, searched
    /// for GFM extended autolinks.
    func render(_ emit: (MarkdownInline) -> Void) {
        var pending: [UInt8] = []
        renderChildren(of: 0, inLink: false, pending: &pending, emit)
    }

    private func renderChildren(
        of parent: Int,
        inLink: Bool,
        pending: inout [UInt8],
        _ emit: (MarkdownInline) -> Void
    ) {
        var child = nodes[parent].first
        while child >= 0 {
            let node = nodes[child]
            if node.kind == .text {
                appendBytes(of: node, to: &pending)
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
                var code: [UInt8] = []
                appendBytes(of: node, to: &code)
                emit(.code(String(decoding: code, as: UTF8.self)))
            case .emphasis, .strong, .strikethrough, .link, .image, .autolink:
                let span = span(node)
                emit(.open(span))
                renderChildren(of: child, inLink: inLink || !Self.isStyle(node.kind), pending: &pending, emit)
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
        pending.removeAll(keepingCapacity: true)
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
