extension CLikeSyntax {
    /// CSS: `/* */` comments, `'…'`/`"…"`, `@media`-style at-rules and `#id`/`#fff` as attributes, `10px` as numbers.
    ///
    /// Property names and selectors are plain; names run over `-` (`font-size`, `-webkit-box`).
    static let css = CLikeSyntax {
        $0.keywords = words("important inherit initial revert unset auto none")
        $0.blockComment = true
        $0.quotes = [ASCII.quote: Quote(), ASCII.apostrophe: Quote()]
        $0.attributeSigil = true
        $0.hashDirectives = true
        $0.identifierStart = ASCIISet.identifierStart.union(ASCIISet("-"))
        $0.identifierContinue = ASCIISet.identifierContinue.union(ASCIISet("-"))
    }
}
