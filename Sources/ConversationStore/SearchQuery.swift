/// Turns what a user typed into an FTS5 query that is never a syntax error.
///
/// Every whitespace-separated word becomes a quoted FTS5 string (a `"` inside doubled), and the strings are joined
/// by spaces, which FTS5 reads as AND. So operators (`AND`, `OR`, `NOT`, `NEAR`), column filters (`text:`),
/// prefixes (`*`), `^`, parentheses and stray quotes are all searched for as words:
///
/// | typed          | FTS5 query              | matches                               |
/// |----------------|-------------------------|---------------------------------------|
/// | `gpt-4o`       | `"gpt-4o"`              | the phrase `gpt 4o`                   |
/// | `C++ vectors`  | `"C++" "vectors"`       | `c` and `vectors`                     |
/// | `"unbalanced`  | `"""unbalanced"`        | `unbalanced`                          |
/// | `cats OR dogs` | `"cats" "OR" "dogs"`    | all three words                       |
///
/// Words with no letter or digit (`++`, `--`) are dropped: the tokenizer would see nothing in them.
package struct SearchQuery: Sendable, Equatable {
    /// The FTS5 `MATCH` expression.
    package let expression: String

    /// Builds the query; `nil` when `text` has no word to search for.
    /// - Parameter text: What the user typed.
    package init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).filter { word in
            word.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
        guard !words.isEmpty else { return nil }
        expression = words.map { word in
            "\"" + word.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
        }.joined(separator: " ")
    }
}
