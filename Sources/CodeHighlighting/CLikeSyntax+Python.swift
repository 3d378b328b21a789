extension CLikeSyntax {
    /// Python: `#` comments, `'…'`/`"…"` and their triple-quoted forms, string prefixes, `@decorators`.
    static let python = CLikeSyntax {
        $0.keywords = words(
            """
            False None True and as assert async await break case class continue def del elif else except finally
            for from global if import in is lambda match nonlocal not or pass raise return try while with yield
            """
        )
        $0.types = words("bool bytearray bytes complex dict float frozenset int list object set str tuple type")
        $0.capitalizedIsType = true
        $0.lineComment = .hash
        $0.quotes = [ASCII.quote: Quote(triple: true), ASCII.apostrophe: Quote(triple: true)]
        $0.stringPrefixes = words("r u f b br rb fr rf t tr rt R U F B Br bR BR Rb rB RB Fr fR FR Rf rF RF T")
        $0.attributeSigil = true
    }
}
