/// The user's text editor, as `$VISUAL` or `$EDITOR` names it, and the command line that opens it on a file. Pure.
///
/// The value is a command, not just a program: `code --wait`, `emacs -nw`, `vim -c 'set tw=72'`. Like git, a value
/// made only of words (letters, digits, `-`, `_`, `.`, `/`, `+`, `,`, `:`, `@` and spaces) runs without a shell:
/// its words are the program and its first arguments, the file comes last, and a program that is not found is one
/// clear error. Anything else (quotes, `$`, `~`, `;` …) runs through the shell, exactly as written, with the file as
/// `"$@"`:
/// ```
/// EDITOR                 argv
/// ─────────────────────  ──────────────────────────────────────────────────────────────────
/// vi                     [vi, FILE]
/// code --wait            [code, --wait, FILE]
/// vim -c 'set tw=72'     [/bin/sh, -c, vim -c 'set tw=72' "$@", vim -c 'set tw=72', FILE]
/// ```
package struct EditorCommand: Sendable, Equatable {
    /// The command as configured.
    package let command: String

    /// The editor the environment names: `VISUAL`, else `EDITOR` (a value of only spaces counts as unset), else
    /// `vi`.
    /// - Parameter environment: The process's environment.
    package init(environment: [String: String]) {
        let named = [environment["VISUAL"], environment["EDITOR"]].lazy.compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) }
        self.init(named ?? "vi")
    }

    /// An editor command as written.
    /// - Parameter command: The command, e.g. `code --wait`.
    package init(_ command: String) {
        self.command = command
    }

    /// The program and arguments that open the editor on `file`; the first element is looked up in `PATH`.
    /// - Parameter file: The file's path.
    /// - Returns: The argument vector.
    package func arguments(file: String) -> [String] {
        guard let words = Self.words(command), !words.isEmpty else {
            return ["/bin/sh", "-c", command + " \"$@\"", command, file]
        }
        return words + [file]
    }

    /// Whether the command runs through `/bin/sh` (it is more than plain words).
    package var usesShell: Bool {
        Self.words(command)?.isEmpty ?? true
    }

    /// The editor's name for messages: its first word (the whole command when it needs a shell).
    package var name: String {
        Self.words(command)?.first ?? command.trimmingWhitespace
    }

    /// The command's words when it is made only of plain words and blanks, else `nil` (it needs a shell).
    private static func words(_ command: String) -> [String]? {
        let plain = command.unicodeScalars.allSatisfy { scalar in
            scalar == " " || scalar == "\t" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_./+,:@".unicodeScalars.contains(scalar)
        }
        guard plain else { return nil }
        return command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
