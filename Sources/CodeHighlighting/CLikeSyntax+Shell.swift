extension CLikeSyntax {
    /// POSIX shell and bash: `#` comments at a word start, `'…'` without escapes, `"…"`, `` `…` ``, `$variables`.
    ///
    /// Words run over `-`, `.` and `/` (`--in-place`, `./configure`), so only whole words are keywords and digits
    /// are part of words. Here-documents are read as shell.
    static let shell = CLikeSyntax {
        $0.keywords = words(
            """
            alias break case continue declare do done elif else esac eval exec exit export fi for function if in
            local readonly return select set shift source then time trap unset until while
            """
        )
        $0.lineComment = .hashAtWordStart
        $0.quotes = [
            ASCII.quote: Quote(multiline: true),
            ASCII.apostrophe: Quote(escapes: false, multiline: true),
            ASCII.backtick: Quote(multiline: true),
        ]
        $0.dollarVariables = true
        $0.numbers = false
        let word = ASCIISet.identifierContinue.union(ASCIISet("-./~%+"))
        $0.identifierStart = word
        $0.identifierContinue = word
    }
}
