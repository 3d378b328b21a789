/// What `StreamingInlines` is holding back, and why.
package enum ProvisionalHold: Equatable, Sendable {
    /// A run of `*`, `_` or `~`, until the character after it (whether it opens or closes depends on it).
    case delimiterRun
    /// A run of backticks, until the character after it.
    case backticks
    /// A backslash, until the character it escapes.
    case backslash
    /// `&…`, until its `;` (a character reference) or a character that cannot be in one.
    case characterReference
    /// `[…](…`, until its `)` or until it can no longer be a link.
    case link
    /// `<…`, until its `>` or until it can no longer be an autolink.
    case autolink
    /// Spaces, until the next character (two or more before a line ending make a hard break).
    case spaces
}
