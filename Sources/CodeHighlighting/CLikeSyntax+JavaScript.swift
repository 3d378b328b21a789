extension CLikeSyntax {
    /// JavaScript and TypeScript: `'…'`, `"…"`, template literals with `${ … }`, `@decorators`.
    ///
    /// Regular expression literals are not recognised: `/` is an operator.
    static let javaScript = CLikeSyntax {
        $0.keywords = words(
            """
            abstract as async await break case catch class const constructor continue debugger declare default
            delete do else enum export extends false finally for from function if implements import in infer
            instanceof interface keyof let namespace new null of override private protected public readonly return
            satisfies static super switch this throw true try typeof undefined var void while with yield
            """
        )
        $0.types = words("any bigint boolean never number object string symbol unknown")
        $0.capitalizedIsType = true
        $0.lineComment = .doubleSlash
        $0.blockComment = true
        $0.quotes = [
            ASCII.quote: Quote(),
            ASCII.apostrophe: Quote(),
            ASCII.backtick: Quote(multiline: true, interpolation: .dollarBrace),
        ]
        $0.attributeSigil = true
        $0.identifierStart = ASCIISet.identifierStart.union(ASCIISet("$"))
        $0.identifierContinue = ASCIISet.identifierContinue.union(ASCIISet("$"))
    }
}
