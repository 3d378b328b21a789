import Markdown
import TestSupport
import Testing

@testable import TerminalUI

/// Markdown through the reply renderer, checked on a model of the screen.
@Suite("Markdown on the terminal: append-only, split-invariant, code that copies back")
struct MarkdownRenderingTests {
    static let widths = [20, 40, 80, 200]

    /// Renders `pieces` through a Markdown renderer; with `ticks`, time passes between pieces so held words are
    /// shown early (and may move), as on a stalling stream.
    static func render(_ pieces: [String], width: Int, color: Bool = true, ticks: Bool = false) -> [UInt8] {
        let renderer = ReplyRenderer(.init(mode: .terminal, color: color, columns: width, markdown: true))
        var playback = RendererPlayback(renderer, ticks: ticks)
        for piece in pieces { playback.text(piece) }
        return playback.finish()
    }

    @Test("only printable text, CR, LF, SGR, OSC 8 and same-row sequences are written", arguments: widths)
    func whitelist(width: Int) throws {
        for (name, text) in MarkdownFixtures.all {
            let bytes = Self.render(Split.random(text, seed: 7), width: width, ticks: true)
            #expect(
                EscapeWhitelist.violations(in: bytes).isEmpty,
                "\(name) at \(width): \(EscapeWhitelist.violations(in: bytes))"
            )
        }
    }

    @Test(
        "the final screen is the same whole, one scalar at a time, and in random pieces with stalls",
        arguments: widths
    )
    func splitInvariance(width: Int) {
        for (name, text) in MarkdownFixtures.all {
            let whole = ScreenModel.screen(Self.render([text], width: width), width: width, autowrap: true)
            for (label, pieces, ticks) in [
                ("scalars", Split.scalars(text), false), ("random", Split.random(text, seed: 3), true),
                ("random with stalls", Split.random(text, seed: 11, maxPiece: 3), true),
            ] {
                let split = ScreenModel.screen(
                    Self.render(pieces, width: width, ticks: ticks),
                    width: width,
                    autowrap: true
                )
                #expect(split.lines == whole.lines, "\(name), \(label), width \(width)")
            }
        }
    }

    @Test("no prose row is wider than the terminal (code rows are left to the terminal to wrap)", arguments: widths)
    func proseFits(width: Int) {
        for (name, text) in MarkdownFixtures.all where !text.contains("```") {
            let screen = ScreenModel.screen(
                Self.render(Split.random(text, seed: 5), width: width, ticks: true),
                width: width
            )
            #expect(screen.violations.isEmpty, "\(name) at \(width): \(screen.violations)")
        }
    }

    @Test(
        "code rows copy back exactly: the screen's lines (joined where the terminal wrapped) are the code",
        arguments: widths
    )
    func codeCopiesBack(width: Int) {
        for (name, text) in MarkdownFixtures.all {
            var parser = MarkdownParser()
            var events: [MarkdownEvent] = []
            parser.feed(text, into: &events)
            parser.finish(into: &events)
            var blocks: [[String]] = []
            for event in events {
                switch event {
                case .open(.codeBlock): blocks.append([])
                case .codeLine(let line): blocks[blocks.count - 1].append(Self.expandTabs(line))
                default: break
                }
            }
            let screen = ScreenModel.screen(
                Self.render(Split.random(text, seed: 9), width: width, ticks: true),
                width: width,
                autowrap: true
            )
            let lines = screen.joinedLines
            for block in blocks {
                let found = lines.indices.contains { start in
                    start + block.count <= lines.count
                        && Array(lines[start..<(start + block.count)]) == block.map(Self.trimmingTrailingSpaces)
                }
                #expect(found, "\(name) at \(width): \(block) not in \(lines)")
            }
        }
    }

    @Test("what the constructs look like, colour off")
    func constructs() {
        let text = MarkdownFixtures.mixed
        let screen = ScreenModel.screen(Self.render([text], width: 60, color: false), width: 60)
        #expect(
            screen.lines.prefix(16) == [
                "Checklist",
                "",
                "• ☑ parser",
                "• ☐ renderer with bugs fewer bugs",
                "• plain item & an entity © *not emphasis*",
                "",
                String(repeating: "─", count: 60),
                "",
                "Text with https://example.com and a hard break",
                "on the next row, and code with **stars** inside.",
                "",
                "Setext heading",
                String(repeating: "─", count: 60),
                "",
                "Both at once, and an unclosed **opener that never closes.",
                "",
            ]
        )
    }

    @Test(
        "an opener its paragraph never closes is shown literally when it is on the current row",
        arguments: [
            ("see **this and that\n\nnext\n", "see **this and that"), ("a `code span never\n\n", "a `code span never"),
            ("# Title _with\n", "Title _with"), ("two ~~lines\nof text\n\n", "two ~~lines of text"),
            ("*a* then **b\n\n", "a then **b"),
            // More than one unclosed opener on the row: every one is shown (the replay goes again until none is open).
            ("a snake_*word end\n\n", "a snake_*word end"), ("a **b *c d\n\n", "a **b *c d"),
            ("a `b *c ~~d\n\n", "a `b *c ~~d"),
        ]
    )
    func unclosedOpenerRepainted(text: String, expected: String) {
        for (label, pieces, ticks) in [
            ("whole", [text], false), ("scalars", Split.scalars(text), false),
            ("random with stalls", Split.random(text, seed: 2, maxPiece: 2), true),
        ] {
            let bytes = Self.render(pieces, width: 40, ticks: ticks)
            let screen = ScreenModel.screen(bytes, width: 40)
            #expect(screen.lines.first == expected, "\(label): \(screen.lines)")
            #expect(EscapeWhitelist.violations(in: bytes).isEmpty)
            // Nothing after the repaint is bold, italic, struck or code-coloured.
            let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\r", omittingEmptySubsequences: false)
            let tail = rows.last ?? ""
            for sgr in ["\u{1B}[0;1m", "\u{1B}[0;3m", "\u{1B}[0;9m", "\u{1B}[0;36m"] {
                #expect(!tail.contains(sgr), "\(label): \(tail.debugDescription)")
            }
        }
    }

    @Test("a fence closes only at a run at least as long as its opening run (a Markdown sample inside ````)")
    func longerFenceHoldsShorterOnes() {
        let text = "````markdown\n```swift\nlet x = 1\n```\n````\n\nafter\n"
        for (label, pieces) in [
            ("whole", [text]), ("scalars", Split.scalars(text)), ("random", Split.random(text, seed: 5, maxPiece: 3)),
        ] {
            let lines = ScreenModel.screen(Self.render(pieces, width: 40, color: false), width: 40).lines
            #expect(lines.contains("```swift") && lines.contains("```"), "\(label): \(lines)")
            #expect(lines.contains("let x = 1") && lines.contains("after"), "\(label): \(lines)")
            #expect(!lines.contains { $0.contains("````") }, "\(label): \(lines)")
        }
    }

    @Test("_ _ _ is a rule and _ x text, however the line streams (\"_ \" was decided as text at its space)")
    func underscoreRuleStreams() {
        let text = "Text\n\n_ _ _\n\n_ x\n"
        for (label, pieces) in [
            ("whole", [text]), ("scalars", Split.scalars(text)), ("random", Split.random(text, seed: 9, maxPiece: 3)),
        ] {
            let lines = ScreenModel.screen(Self.render(pieces, width: 20, color: false), width: 20).lines
            #expect(lines.contains(String(repeating: "\u{2500}", count: 20)), "\(label): \(lines)")
            #expect(!lines.contains("_ _ _") && lines.contains("_ x"), "\(label): \(lines)")
        }
    }

    @Test("an unclosed opener on a row above stays hidden (rows above are final); its style still ends")
    func unclosedOpenerAbove() {
        let text = "start **bold words that wrap onto the next row\n\nafter\n"
        let bytes = Self.render([text], width: 20)
        let screen = ScreenModel.screen(bytes, width: 20)
        #expect(!screen.lines.joined().contains("**"), "\(screen.lines)")
        #expect(screen.lines.contains("after"))
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("after\n"))
    }

    @Test("a long table flows: at 50 body rows it is laid out, later rows appear as they arrive, widths fixed")
    func longTableFlows() {
        let head = "| n | name |\n|--:|:--|\n"
        let rows = (1...99).map { "| \($0) | \($0 == 70 ? "a much longer name" : "row\($0)") |\n" }
        // Before the table ends, the first 50 rows and the ones after them are on the screen already.
        let early = ScreenModel.screen(Self.render([head] + rows.prefix(60), width: 40, color: false), width: 40)
        #expect(early.lines.prefix(3) == [" n │ name", "───┼──────", " 1 │ row1"])
        #expect(early.lines.contains("60 │ row60"))
        // Row 70's long name wraps inside its column: the widths fixed at row 50 (2 and 5 cells) hold.
        let bytes = Self.render([head] + rows + ["\nafter\n"], width: 40, color: false)
        let lines = ScreenModel.screen(bytes, width: 40).lines
        let seventy = lines.firstIndex(of: "70 │ a")
        #expect(seventy.map { lines[$0 + 1] } == "   │ much", "\(lines)")
        #expect(lines.filter { $0.contains("│") }.allSatisfy { DisplayWidth.of($0) <= 2 + 3 + 5 })
        #expect(lines.contains("99 │ row99"))
        #expect(lines.filter { $0.contains("│") }.count > 100)
        #expect(lines.contains("after"))
        let split = Self.render(Split.random(head + rows.joined(), seed: 4), width: 40)
        #expect(EscapeWhitelist.violations(in: split).isEmpty)
    }

    @Test(
        "found by fuzzing: a tab in an info string, a reference to a control, a style in a hard-broken word",
        arguments: [
            (["```sw\tift\n", "x\n```\n"], 40), (["&#x8A; &#27; &#0; ok\n"], 40),
            (["- a\n  - b\n    xx~~yyyyyyyy\n"], 2), (["| a |\n|:-|\n| b\t\u{8}c |\n"], 40),
            (["swift\nlet x =\n\t\t\tk\t\tthink>\n"], 80),
        ]
    )
    func fuzzRegressions(pieces: [String], width: Int) {
        for split in [pieces, Split.scalars(pieces.joined())] {
            let bytes = Self.render(split, width: width, ticks: true)
            #expect(EscapeWhitelist.violations(in: bytes).isEmpty, "\(EscapeWhitelist.violations(in: bytes))")
        }
    }

    @Test("<think> at the start of a reply is reasoning: dimmed, set apart from the answer")
    func thinking() {
        let bytes = Self.render(Split.random(MarkdownFixtures.thinking, seed: 1), width: 40)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}[2mThe user wants a list."))
        #expect(!text.contains("think>"))
        #expect(ScreenModel.screen(bytes, width: 40).lines.suffix(4) == ["", "• one", "• two", ""])
    }

    static func expandTabs(_ line: String) -> String {
        var out = ""
        for character in line {
            if character == "\t" {
                out += String(repeating: " ", count: 8 - out.count % 8)
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}

/// Checks a terminal byte stream against the sequences Markdown rendering may write.
enum EscapeWhitelist {
    /// Everything not allowed: C0 controls other than LF and CR, DEL, C1, and escapes other than SGR, OSC 8 and the
    /// sequences that stay on the current row (`ESC[K`, `ESC[2K`, `ESC[nD`, `ESC[nC`, `ESC[nG`).
    static func violations(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar.value {
            case 0x0A, 0x0D: continue
            case 0x1B:
                guard index < scalars.count else {
                    found.append("lone ESC")
                    continue
                }
                let introducer = scalars[index]
                index += 1
                if introducer == "[" {
                    var parameters = ""
                    while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                        parameters.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    let final = index < scalars.count ? scalars[index] : "?"
                    index += 1
                    let allowed: Bool
                    switch final {
                    case "m": allowed = parameters.allSatisfy { $0.isNumber || $0 == ";" }
                    case "K": allowed = parameters.isEmpty || parameters == "0" || parameters == "2"
                    case "D", "C", "G": allowed = parameters.allSatisfy(\.isNumber)
                    default: allowed = false
                    }
                    if !allowed { found.append("CSI \(parameters)\(final)") }
                } else if introducer == "]" {
                    var body = ""
                    while index < scalars.count, scalars[index] != "\u{1B}", scalars[index] != "\u{07}" {
                        body.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    index += scalars.indices.contains(index) && scalars[index] == "\u{1B}" ? 2 : 1
                    if !body.hasPrefix("8;") { found.append("OSC \(body.prefix(3))") }
                } else {
                    found.append("ESC \(introducer)")
                }
            case 0..<0x20, 0x7F, 0x80..<0xA0: found.append("control U+\(String(scalar.value, radix: 16))")
            default: continue
            }
        }
        return found
    }
}
