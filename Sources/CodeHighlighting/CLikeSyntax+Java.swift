extension CLikeSyntax {
    /// Java: `"…"`, text blocks `"""…"""`, `'…'`, `@Annotations`.
    static let java = CLikeSyntax {
        $0.keywords = words(
            """
            abstract assert break case catch class const continue default do else enum extends false final finally
            for goto if implements import instanceof interface native new non-sealed null package permits private
            protected public record return sealed static strictfp super switch synchronized this throw throws
            transient true try var volatile when while yield
            """
        )
        $0.types = words("boolean byte char double float int long short void")
        $0.capitalizedIsType = true
        $0.lineComment = .doubleSlash
        $0.blockComment = true
        $0.quotes = [ASCII.quote: Quote(triple: true), ASCII.apostrophe: Quote()]
        $0.attributeSigil = true
    }
}
