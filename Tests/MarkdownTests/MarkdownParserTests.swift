import Markdown
import Testing

@Suite("MarkdownParser")
struct MarkdownParserTests {
    private static func feed(_ parser: inout MarkdownParser, _ text: String) -> [MarkdownEvent] {
        var events: [MarkdownEvent] = []
        parser.feed(text, into: &events)
        return events
    }

    @Test("blocks are reported at the line that decides them, leaves when they are exact")
    func eventsArriveEarly() throws {
        var parser = MarkdownParser()
        #expect(Self.feed(&parser, "# Ti").isEmpty)
        #expect(
            Self.feed(&parser, "tle\n")
                == [.open(.heading(level: 1)), .inline(.text("Title")), .close(.heading(level: 1))]
        )
        #expect(
            Self.feed(&parser, "```swift\nlet x = 1\n") == [
                .open(.codeBlock(info: "swift", fenced: true)), .codeLine("let x = 1"),
            ]
        )
        #expect(
            Self.feed(&parser, "```\n> - a\n") == [
                .close(.codeBlock(info: "swift", fenced: true)), .open(.blockQuote),
                .open(.list(MarkdownList(marker: .bullet("-"), tight: true))), .open(.listItem(task: nil)),
            ]
        )
        #expect(Self.feed(&parser, "  b\n").isEmpty)
        // A blank line does not continue the block quote: it closes the paragraph, the item, the list and the quote.
        #expect(
            Self.feed(&parser, "\n") == [
                .open(.paragraph), .inline(.text("a")), .inline(.softBreak), .inline(.text("b")), .close(.paragraph),
                .close(.listItem(task: nil)), .close(.list(MarkdownList(marker: .bullet("-"), tight: true))),
                .close(.blockQuote),
            ]
        )
        var events: [MarkdownEvent] = []
        parser.finish(into: &events)
        #expect(events.isEmpty)
    }

    @Test("the example in MarkdownEvent's documentation")
    func documentedExample() {
        var parser = MarkdownParser()
        let list = MarkdownList(marker: .bullet("-"), tight: true)
        let swift = MarkdownBlock.codeBlock(info: "swift", fenced: true)
        let expected: [(String, [MarkdownEvent])] = [
            ("> - [ ] buy *milk*\n", [.open(.blockQuote), .open(.list(list)), .open(.listItem(task: false))]),
            (
                "> - eggs\n",
                [
                    .open(.paragraph), .inline(.text("buy ")), .inline(.open(.emphasis)), .inline(.text("milk")),
                    .inline(.close(.emphasis)), .close(.paragraph), .close(.listItem(task: false)),
                    .open(.listItem(task: nil)),
                ]
            ),
            (
                "\n",
                [
                    .open(.paragraph), .inline(.text("eggs")), .close(.paragraph), .close(.listItem(task: nil)),
                    .close(.list(list)), .close(.blockQuote),
                ]
            ),
            ("```swift\n", [.open(swift)]),
            ("let x = 1\n", [.codeLine("let x = 1")]),
            ("```\n", [.close(swift)]),
            ("# Title\n", [.open(.heading(level: 1)), .inline(.text("Title")), .close(.heading(level: 1))]),
            ("***\n", [.thematicBreak]),
            (
                "| a |\n|---|\n| 1 |\n\n",
                [.table(MarkdownTable(alignments: [.none], header: [[.text("a")]], rows: [[[.text("1")]]]))]
            ),
        ]
        for (line, events) in expected {
            #expect(Self.feed(&parser, line) == events, "\(line)")
        }
        var rest: [MarkdownEvent] = []
        parser.finish(into: &rest)
        #expect(rest.isEmpty)
    }

    @Test("a blank line between items makes the list loose at its close")
    func looseList() {
        var parser = MarkdownParser()
        var events: [MarkdownEvent] = []
        parser.feed("1. a\n\n2. b\n", into: &events)
        parser.finish(into: &events)
        #expect(events.first == .open(.list(MarkdownList(marker: .ordered(start: 1, delimiter: "."), tight: true))))
        #expect(events.last == .close(.list(MarkdownList(marker: .ordered(start: 1, delimiter: "."), tight: false))))
    }

    @Test("task list items")
    func taskItems() {
        var parser = MarkdownParser()
        var events: [MarkdownEvent] = []
        parser.feed("- [ ] todo\n- [x] done\n- [y] no\n", into: &events)
        parser.finish(into: &events)
        let html = MarkdownHTML.render(events)
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" /> todo</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"))
        #expect(html.contains("<li>[y] no</li>"))
    }

    @Test("CR, LF and CRLF end lines the same way, split anywhere")
    func lineEndings() {
        let expected = MarkdownHTML.render(SpecExample.events(["a\nb\n\nc\n"], extensions: .gfm))
        for text in ["a\r\nb\r\n\r\nc\r\n", "a\rb\r\rc\r", "a\r\nb\n\rc"] {
            let pieces = text.unicodeScalars.indices.map { text[$0..<text.unicodeScalars.index(after: $0)] }
            #expect(MarkdownHTML.render(SpecExample.events(pieces, extensions: .gfm)) == expected)
        }
    }
}
