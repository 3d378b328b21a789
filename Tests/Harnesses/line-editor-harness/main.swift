// Test harness for LineEditorTests: reads lines with LibEditLineReader in a pseudo-terminal and reports each
// result on a line of its own: `LINE:<JSON string>`, `INTERRUPTED`, `EDIT:<JSON string>` (Ctrl-X Ctrl-E; the next
// read starts with that line again) or `EOF`, then `CLOSED` after `close()`.
// Prompts are numbered (`h1> `, `h2> ` …) so a test can wait for a given one.
// Environment: LINE_EDITOR_HARNESS_HISTORY (history file path; none when unset), LINE_EDITOR_HARNESS_LIMIT,
// LINE_EDITOR_HARNESS_BOLD (any value: the prompt is bold, its escapes marked invisible with \u{01}).
import Foundation
import LineEditor

let environment = ProcessInfo.processInfo.environment
let commands = ["/help", "/history", "/exit"]
let reader = try LibEditLineReader(
    programName: "line-editor-harness",
    historyFile: environment["LINE_EDITOR_HARNESS_HISTORY"],
    historyLimit: environment["LINE_EDITOR_HARNESS_LIMIT"].flatMap { Int($0) } ?? 1000,
    completions: { prefix in commands.filter { $0.hasPrefix(prefix) } }
)

func json(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    let data = (try? encoder.encode(text)) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

var number = 1
var initialText = ""
reading: while true {
    var prompt = "h\(number)> "
    if environment["LINE_EDITOR_HARNESS_BOLD"] != nil {
        prompt = "\u{01}\u{1B}[1m\u{01}h\(number)>\u{01}\u{1B}[0m\u{01} "
    }
    let result = await reader.readLine(prompt: prompt, initialText: initialText)
    initialText = ""
    switch result {
    case .editRequested(let line):
        print("EDIT:" + json(line))
        initialText = line
    case .line(let line):
        print("LINE:" + json(line))
        reader.addHistory(line)
    case .interrupted:
        print("INTERRUPTED")
    case .endOfInput:
        print("EOF")
        break reading
    }
    fflush(nil)
    number += 1
}
reader.close()
print("CLOSED")
