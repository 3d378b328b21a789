import ArgumentParser
import ChatClient
import ChatWire
import Foundation
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ssechat render`: Markdown read from stdin rendered to stdout by the reply renderer, as it streams.
package struct RenderCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Markdown from stdin as ssechat shows replies on a terminal, as it streams.",
        discussion: """
            For example: llm "…" | ssechat render, or cat notes.md | ssechat render. It renders even when stdout \
            is not a terminal; colour follows --color (NO_COLOR is honoured in auto).
            """
    )

    @Option(help: "The width to wrap at, in cells (default: the terminal's, else 80).")
    var width: Int?

    @Option(help: "Colour: auto, always or never.")
    var color: ColorMode = .auto

    @Option(help: "Markdown: auto or always (rendered), or never (the text wrapped as it is).")
    var markdown: MarkdownMode = .auto

    package init() {}

    package func validate() throws {
        if let width, width < 2 { throw ValidationError("--width must be 2 or more") }
    }

    package func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let stdoutIsTerminal = isatty(1) == 1
        let style = ChatOutputStyle(
            kind: .terminal,
            color: color.isEnabled(
                isTerminal: stdoutIsTerminal,
                noColor: environment["NO_COLOR"],
                term: environment["TERM"]
            ),
            markdown: markdown != .never,
            stdoutIsTerminal: stdoutIsTerminal
        )
        let columns = width ?? (stdoutIsTerminal ? TerminalSize.current(fd: 1).columns : 80)
        let driver = ReplyDriver(style: style, columns: columns, keeping: .nothing)
        let input = StandardInputText()
        let task = Task {
            var pieces = input.pieces.makeAsyncIterator()
            return await driver.play(
                next: {
                    guard let piece = await pieces.next() else { return .finished(.complete) }
                    input.taken()
                    return .event(.text(piece))
                },
                nextBuffered: { nil }
            )
        }
        let trap = SignalTrap { _ in task.cancel() }
        defer { trap.cancel() }
        let result = await task.value
        if result.end == .interrupted { throw CLIFailure("", status: trap.exitStatus) }
    }
}
