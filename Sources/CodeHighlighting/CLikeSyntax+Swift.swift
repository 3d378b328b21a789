extension CLikeSyntax {
    /// Swift: nested block comments, `"…"` with `\( … )`, `"""…"""`, raw `#"…"#`, `@attributes`, `#if`.
    static let swift = CLikeSyntax {
        $0.keywords = words(
            """
            actor any as associatedtype async await borrowing break case catch class consuming continue convenience
            default defer deinit didSet do dynamic else enum extension fallthrough false fileprivate final for func
            guard if import in indirect init inout internal is isolated lazy let macro mutating nil nonisolated
            nonmutating operator override package precedencegroup private protocol public repeat required rethrows
            return self Self sending some static struct subscript super switch throw throws true try typealias
            unowned var weak where while willSet
            """
        )
        $0.capitalizedIsType = true
        $0.lineComment = .doubleSlash
        $0.blockComment = true
        $0.nestedBlockComments = true
        $0.quotes = [ASCII.quote: Quote(triple: true, interpolation: .backslashParenthesis)]
        $0.hashRawStrings = true
        $0.attributeSigil = true
        $0.hashDirectives = true
    }
}
