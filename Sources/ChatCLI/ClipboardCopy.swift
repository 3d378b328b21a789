import Foundation
import Markdown

/// What `/copy` puts on the clipboard, and the OSC 52 sequence that asks the terminal to put it there.
///
/// ```
///  /copy            the last reply, as the model wrote it (Markdown)
///  /copy code       the last code block of the last reply, exactly its lines
///  /copy code N     its N-th code block (1 is the first)
///  ESC ] 52 ; c ; BASE64 BEL      set the clipboard: terminals honour it locally, through SSH, and in tmux with
///                                 set-clipboard on
/// ```
enum ClipboardCopy {
    /// What was chosen to copy, and how to say so.
    struct Selection: Equatable {
        var text: String
        var description: String
    }

    /// Picks what `/copy ARGUMENT` copies from the last reply.
    /// - Returns: The selection, or the line to show when there is nothing to copy.
    static func select(reply: String?, argument: String?) -> Result<Selection, CopyRefusal> {
        guard let reply, !reply.isEmpty else { return .failure(CopyRefusal("no reply to copy yet")) }
        let words = (argument ?? "").split(separator: " ").map(String.init)
        guard let first = words.first else {
            return .success(Selection(text: reply, description: "the last reply (\(reply.count) characters)"))
        }
        guard first == "code", words.count <= 2 else { return .failure(CopyRefusal("usage: /copy [code [N]]")) }
        let blocks = codeBlocks(in: reply)
        guard !blocks.isEmpty else { return .failure(CopyRefusal("the last reply has no code block")) }
        let index: Int
        if words.count == 2 {
            guard let number = Int(words[1]), (1...blocks.count).contains(number) else {
                return .failure(
                    CopyRefusal("the last reply has \(blocks.count) code block\(blocks.count == 1 ? "" : "s")")
                )
            }
            index = number - 1
        } else {
            index = blocks.count - 1
        }
        let block = blocks[index]
        let language = block.info.split(separator: " ").first.map { "\($0), " } ?? ""
        let lines = block.lines.count
        return .success(
            Selection(
                text: block.lines.joined(separator: "\n") + (block.lines.isEmpty ? "" : "\n"),
                description:
                    "code block \(index + 1) of \(blocks.count) (\(language)\(lines) line\(lines == 1 ? "" : "s"))"
            )
        )
    }

    /// The sequence that sets the clipboard to `text`.
    static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}".utf8)
    }

    /// The fenced and indented code blocks of a Markdown text, with their info strings.
    static func codeBlocks(in markdown: String) -> [(info: String, lines: [String])] {
        var parser = MarkdownParser()
        var events: [MarkdownEvent] = []
        parser.feed(markdown, into: &events)
        parser.finish(into: &events)
        var blocks: [(info: String, lines: [String])] = []
        for event in events {
            switch event {
            case .open(.codeBlock(let info, _)): blocks.append((info, []))
            case .codeLine(let line): blocks[blocks.count - 1].lines.append(line)
            default: break
            }
        }
        return blocks
    }
}

/// Why `/copy` copied nothing: one line for the user.
struct CopyRefusal: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
