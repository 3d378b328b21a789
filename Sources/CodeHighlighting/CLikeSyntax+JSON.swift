extension CLikeSyntax {
    /// JSON (and JSON with comments): keys are attributes, other strings strings, `true`/`false`/`null` keywords.
    static let json = CLikeSyntax {
        $0.keywords = words("true false null")
        $0.lineComment = .doubleSlash
        $0.blockComment = true
        $0.quotes = [ASCII.quote: Quote()]
        $0.marksObjectKeys = true
    }
}
