/// What a span of code is, for choosing its colour.
///
/// The lexers never decide colours; the renderer maps each kind to a style (or to none) for its terminal.
package enum CodeTokenKind: Sendable, Hashable, CaseIterable {
    /// Identifiers, whitespace, line ends, and anything the lexer does not classify.
    case plain
    /// Reserved words (`func`, `for`, `SELECT`), literals such as `true`/`nil`, Rust lifetimes, HTML tag names.
    case keyword
    /// Built-in type names (`Int`, `u8`, `VARCHAR`) and, where the language's convention makes it safe, any
    /// capitalised identifier (`Swift`, Rust, Java, JavaScript, Python); YAML tags (`!!str`).
    case type
    /// String and character literals, quotes and prefixes included (`r"…"`, `f'…'`, `#"…"#`).
    case string
    /// Line and block comments, markers included.
    case comment
    /// Numeric literals: integers, floats, hex, octal and binary, digit separators, exponents, suffixes.
    case number
    /// Operators and brackets.
    case punctuation
    /// Annotations and directives (`@MainActor`, `#if`, `#include`, `#[derive(…)]`, Python decorators), shell
    /// variables (`$HOME`), JSON and YAML keys, HTML attribute names, YAML anchors and aliases.
    case attribute
    /// A diff's added line (`+…`), without its line end.
    case added
    /// A diff's removed line (`-…`), without its line end.
    case removed
    /// A diff's file headers (`--- a/x`, `+++ b/x`), hunk headers (`@@ … @@`) and metadata lines (`diff --git …`).
    case heading
}
