extension CLikeSyntax {
    /// Rust: nested block comments, multi-line `"…"`, raw `r#"…"#`, byte strings, `'c'` versus `'a`, `#[…]`.
    static let rust = CLikeSyntax {
        $0.keywords = words(
            """
            as async await break const continue crate dyn else enum extern false fn for if impl in let loop match
            mod move mut pub ref return self Self static struct super trait true type union unsafe use where while
            """
        )
        $0.types = words("bool char f32 f64 i8 i16 i32 i64 i128 isize str u8 u16 u32 u64 u128 usize")
        $0.capitalizedIsType = true
        $0.lineComment = .doubleSlash
        $0.blockComment = true
        $0.nestedBlockComments = true
        $0.quotes = [ASCII.quote: Quote(multiline: true)]
        $0.stringPrefixes = words("b c")
        $0.rawStringPrefixes = words("r br cr")
        $0.rawStringHashes = true
        $0.hashAttributeGroups = true
        $0.characterOrLifetime = true
    }
}
