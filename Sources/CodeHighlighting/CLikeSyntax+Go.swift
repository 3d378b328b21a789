extension CLikeSyntax {
    /// Go: `"…"`, runes `'…'`, raw multi-line `` `…` `` without escapes.
    static let go = CLikeSyntax {
        $0.keywords = words(
            """
            break case chan const continue default defer else fallthrough false for func go goto if import
            interface iota map nil package range return select struct switch true type var
            """
        )
        $0.types = words(
            """
            any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune
            string uint uint8 uint16 uint32 uint64 uintptr
            """
        )
        $0.lineComment = .doubleSlash
        $0.blockComment = true
        $0.quotes = [
            ASCII.quote: Quote(),
            ASCII.apostrophe: Quote(),
            ASCII.backtick: Quote(escapes: false, multiline: true),
        ]
    }
}
