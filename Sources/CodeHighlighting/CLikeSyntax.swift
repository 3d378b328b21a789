/// How one language spells its tokens: the table that drives the shared `CLikeLexer`.
///
/// Each language is a `static let` in its own `CLikeSyntax+Language.swift` file, built with `init(_:)` from the
/// defaults below (no comments, no strings, C identifiers, decimal/hex numbers with `_` separators).
struct CLikeSyntax: Sendable {
    /// Which line comment the language has, if any.
    enum LineComment: Sendable {
        case none
        /// `// …`
        case doubleSlash
        /// `# …` anywhere.
        case hash
        /// `# …` only where a shell word starts (after whitespace, `;`, `&`, `|`, `(` or at the start).
        case hashAtWordStart
        /// `-- …`
        case doubleDash
    }

    /// What, inside a string, holds code rather than text (kept as string, but its quotes do not end the string).
    enum Interpolation: Sendable {
        case none
        /// Swift's `\( … )`.
        case backslashParenthesis
        /// JavaScript template literals' `${ … }`.
        case dollarBrace
    }

    /// The rules of one quote character.
    struct Quote: Sendable {
        /// Whether a backslash escapes the next character.
        var escapes = true
        /// Whether the string may run over line ends (otherwise an unescaped line end closes it).
        var multiline = false
        /// Whether three quotes open a string that only three quotes close (Python, Swift, Java).
        var triple = false
        var interpolation = Interpolation.none
    }

    var keywords: Set<String> = []
    var types: Set<String> = []
    /// Keywords and types are matched in lower case (the sets hold lower-case words).
    var caseInsensitive = false
    /// An identifier that starts with an upper-case letter and is not a keyword is a type.
    var capitalizedIsType = false
    var lineComment = LineComment.none
    /// `/* … */`.
    var blockComment = false
    /// `/* /* … */ */` closes only at the second `*/` (Swift, Rust).
    var nestedBlockComments = false
    var quotes: [UInt8: Quote] = [:]
    /// Identifiers that join a directly following quote into one string (`f"…"`, `b'…'`, `L"…"`).
    var stringPrefixes: Set<String> = []
    /// Identifiers that join a directly following quote into a string without escapes (Rust `r"…"`).
    var rawStringPrefixes: Set<String> = []
    /// A raw string prefix may be followed by `#`s that the closing quote must repeat (Rust `r#"…"#`).
    var rawStringHashes = false
    /// `#"…"#`, `##"…"##`, `#"""…"""#` (Swift).
    var hashRawStrings = false
    /// `@name` is an attribute (Swift, Java, Python, TypeScript); dots continue the name.
    var attributeSigil = false
    /// `#name` is a directive (C `#include`, Swift `#if`).
    var hashDirectives = false
    /// `#[…]` and `#![…]` are attributes (Rust).
    var hashAttributeGroups = false
    /// `$name`, `${…}`, `$1`, `$?` are variables (shell).
    var dollarVariables = false
    /// `'x'` is a character literal and `'a` a lifetime (Rust).
    var characterOrLifetime = false
    /// Digits start numbers (shell words contain digits instead).
    var numbers = true
    /// The byte allowed between digits (`1_000`, C++ `1'000`).
    var digitSeparator = UInt8(ascii: "_")
    var identifierStart = ASCIISet.identifierStart
    var identifierContinue = ASCIISet.identifierContinue
    /// In a JSON object, a string in key position is an attribute.
    var marksObjectKeys = false

    /// The longest word worth holding back: no keyword, type or prefix is longer.
    private(set) var longestWord = 0
    /// `keywords` and `types`, for looking words up by their bytes.
    private(set) var wordTable = WordTable([:], caseInsensitive: false)
    /// `quotes` by byte, for the 128 ASCII bytes.
    private var quoteTable: [Quote?] = []
    /// The whitespace, and the punctuation, that is only itself in code (`.plain`, `.punctuation`): neither starts
    /// a token nor changes the lexer's state, so the lexer takes a run of it at once.
    private(set) var whitespaceRun = ASCIISet("")
    private(set) var punctuationRun = ASCIISet("")

    /// Builds a syntax from the defaults and `configure`.
    init(_ configure: (inout CLikeSyntax) -> Void) {
        configure(&self)
        let words = keywords.union(types).union(stringPrefixes).union(rawStringPrefixes)
        longestWord = words.map(\.utf8.count).max() ?? 0
        var kinds: [String: CodeTokenKind] = [:]
        for type in types { kinds[type] = .type }
        for keyword in keywords { kinds[keyword] = .keyword }
        wordTable = WordTable(kinds, caseInsensitive: caseInsensitive)
        quoteTable = (0..<128).map { quotes[UInt8($0)] }
        let bytes = (0..<128).map(UInt8.init).filter(isOnlyItself)
        whitespaceRun = ASCIISet(String(decoding: bytes.filter(ASCII.isWhitespace), as: UTF8.self))
        punctuationRun = ASCIISet(String(decoding: bytes.filter(ASCII.isPunctuation), as: UTF8.self))
    }

    /// Whether `byte`, in code, is a token of its own that changes nothing (what `CLikeLexer` does with each byte).
    private func isOnlyItself(_ byte: UInt8) -> Bool {
        if identifierStart.contains(byte) || (numbers && ASCII.isDigit(byte)) || quote(byte) != nil { return false }
        switch byte {
        case ASCII.slash: return lineComment != .doubleSlash && !blockComment
        case ASCII.dash: return lineComment != .doubleDash
        case ASCII.hash: return false
        case ASCII.at: return !attributeSigil
        case ASCII.dollar: return !dollarVariables
        case ASCII.apostrophe: return !characterOrLifetime
        case ASCII.openBrace, ASCII.openBracket, ASCII.closeBrace, ASCII.closeBracket, ASCII.comma, ASCII.colon:
            return !marksObjectKeys
        default: return true
        }
    }

    /// The rules of `byte` as a quote, if it is one.
    @inline(__always)
    func quote(_ byte: UInt8) -> Quote? {
        byte < 128 ? quoteTable[Int(byte)] : nil
    }

    /// Splits a space-separated word list (the language files' tables).
    static func words(_ list: String) -> Set<String> {
        Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}

extension CLikeSyntax {
    /// A syntax held by reference (one per language, built once), so that a lexer made or reset with it retains
    /// one object rather than each of its tables.
    final class Shared: Sendable {
        let syntax: CLikeSyntax

        init(_ syntax: CLikeSyntax) {
            self.syntax = syntax
        }
    }
}
