/// How replies are written, chosen once from the flags and the terminals.
package struct ChatOutputStyle: Sendable, Equatable {
    /// What stdout receives.
    package enum Kind: Sendable, Equatable {
        /// A terminal: sanitised, wrapped, styled typewriter output.
        case terminal
        /// A pipe or file: the text exactly as it arrives.
        case plain
        /// The model's bytes untouched, even on a terminal (`--raw`).
        case raw
        /// One JSON object per line per thing that happens (`--json`).
        case json
    }

    /// What stdout receives.
    package var kind: Kind
    /// Whether stdout gets SGR colours.
    package var color: Bool
    /// Whether stderr is a terminal (spinner, status lines).
    package var stderrIsTerminal: Bool
    /// Whether stderr gets SGR colours.
    package var stderrColor: Bool
    /// Characters per second for `--pace`, or `nil` to write tokens as they arrive.
    package var pace: Double?
    /// Whether to print stats after each reply.
    package var stats: Bool
    /// Whether to report connection events on stderr even when it is not a terminal.
    package var verbose: Bool
    /// Whether the answer is rendered as Markdown (terminal output only).
    package var markdown: Bool
    /// Whether stdout is a terminal (a held table shows a status row only there).
    package var stdoutIsTerminal: Bool

    /// Creates a style.
    package init(
        kind: Kind,
        color: Bool = false,
        stderrIsTerminal: Bool = false,
        stderrColor: Bool = false,
        pace: Double? = nil,
        stats: Bool = false,
        verbose: Bool = false,
        markdown: Bool = false,
        stdoutIsTerminal: Bool = false
    ) {
        self.kind = kind
        self.color = color
        self.stderrIsTerminal = stderrIsTerminal
        self.stderrColor = stderrColor
        self.pace = pace
        self.stats = stats
        self.verbose = verbose
        self.markdown = markdown
        self.stdoutIsTerminal = stdoutIsTerminal
    }
}
