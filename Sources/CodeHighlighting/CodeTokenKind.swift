/// What a span of code is, for choosing its colour.
///
/// The lexers never decide colours; the renderer maps each kind to a style (or to none) for its terminal.
package enum CodeTokenKind: UInt8, Sendable, Hashable, CaseIterable {
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

extension CodeTokenKind {
    /// Which kinds a renderer shows alike (`.plain` and `.punctuation` both uncoloured, say): neighbouring spans
    /// of one look may be joined into one span.
    package struct Looks: Sendable {
        /// Each kind's look, 4 bits a kind.
        private var bits: UInt64 = 0

        /// The looks `look` gives each kind (only its low 4 bits count).
        package init(_ look: (CodeTokenKind) -> Int) {
            for kind in CodeTokenKind.allCases { bits |= UInt64(look(kind) & 0xF) << (4 * UInt64(kind.rawValue)) }
        }

        /// Each kind its own look.
        static var distinct: Looks { Looks(bits: 0xA98_7654_3210) }

        private init(bits: UInt64) {
            self.bits = bits
        }

        /// The look of `kind`.
        @inline(__always)
        func of(_ kind: CodeTokenKind) -> UInt64 {
            (bits >> (4 * UInt64(kind.rawValue))) & 0xF
        }
    }
}
