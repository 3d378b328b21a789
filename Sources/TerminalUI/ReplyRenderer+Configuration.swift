extension ReplyRenderer {
    /// How the reply is shown, chosen once.
    package struct Configuration: Sendable, Equatable {
        /// What stdout is: a terminal (styled), a pipe (plain) or raw.
        package var mode: Typewriter.Mode
        /// Whether stdout gets SGR styles.
        package var color: Bool
        /// Whether stderr is a terminal (spinner, status lines).
        package var stderrIsTerminal: Bool
        /// Whether stderr gets SGR styles.
        package var stderrColor: Bool
        /// Characters per second for `--pace`, or `nil`.
        package var pace: Double?
        /// Whether status lines and notices go to stderr even when it is not a terminal.
        package var verbose: Bool
        /// The terminal width in cells.
        package var columns: Int
        /// Whether the answer is rendered as Markdown (terminal mode only).
        package var markdown: Bool
        /// Whether stdout is a live terminal, where a held table may show a status on the current row.
        package var showsProgress: Bool

        /// Creates a configuration.
        package init(
            mode: Typewriter.Mode,
            color: Bool = false,
            stderrIsTerminal: Bool = false,
            stderrColor: Bool = false,
            pace: Double? = nil,
            verbose: Bool = false,
            columns: Int = 80,
            markdown: Bool = false,
            showsProgress: Bool = true
        ) {
            self.mode = mode
            self.color = color
            self.stderrIsTerminal = stderrIsTerminal
            self.stderrColor = stderrColor
            self.pace = pace
            self.verbose = verbose
            self.columns = columns
            self.markdown = markdown
            self.showsProgress = showsProgress
        }
    }
}
