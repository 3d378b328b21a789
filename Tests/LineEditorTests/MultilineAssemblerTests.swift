import LineEditor
import Testing

@Suite("MultilineAssembler")
struct MultilineAssemblerTests {
    /// Feeds lines and collects every complete message.
    private static func messages(_ lines: [String]) -> (messages: [String], continuing: Bool) {
        var assembler = MultilineAssembler()
        let messages = lines.compactMap { assembler.feed($0) }
        return (messages, assembler.isContinuing)
    }

    @Test(
        "Lines become messages",
        arguments: [
            (["hello"], ["hello"]),
            ([""], [""]),
            (["one", "two"], ["one", "two"]),
            (["first \\", "second"], ["first \nsecond"]),
            (["a\\", "b\\", "c"], ["a\nb\nc"]),
            (["a\\", ""], ["a\n"]),
            (["\"\"\"", "  verbatim \\", "", "\"\"\"\"", "\"\"\""], ["  verbatim \\\n\n\"\"\"\""]),
            (["\"\"\"", "\"\"\""], [""]),
            (["  \"\"\"\t", "x", "\"\"\"  "], ["x"]),
            (["intro \\", "\"\"\"", "block", "\"\"\"", "after"], ["intro \nblock", "after"]),
            (["pasted\nlines \\", "more"], ["pasted\nlines \nmore"]),
            (["\"\"\"\n\"\"\""], ["\"\"\"\n\"\"\""]),
            (["not a \"\"\" delimiter"], ["not a \"\"\" delimiter"]),
        ]
    )
    func assembles(lines: [String], expected: [String]) {
        let result = Self.messages(lines)
        #expect(result.messages == expected)
        #expect(!result.continuing)
    }

    @Test("It reports continuation while a message is incomplete")
    func continuation() {
        var assembler = MultilineAssembler()
        #expect(!assembler.isContinuing)
        #expect(assembler.feed("a \\") == nil)
        #expect(assembler.isContinuing && !assembler.isInBlock)
        #expect(assembler.feed("\"\"\"") == nil)
        #expect(assembler.isContinuing && assembler.isInBlock)
        #expect(assembler.feed("text \\") == nil)
        #expect(assembler.isInBlock)
        #expect(assembler.feed("\"\"\"") == "a \ntext \\")
        #expect(!assembler.isContinuing && !assembler.isInBlock)
    }

    @Test("reset() drops a partial message")
    func reset() {
        var assembler = MultilineAssembler()
        _ = assembler.feed("\"\"\"")
        _ = assembler.feed("lost")
        assembler.reset()
        #expect(!assembler.isContinuing)
        #expect(assembler.feed("fresh") == "fresh")
    }

    @Test(
        "finish() returns what was pending at the end of the input",
        arguments: [
            (["a \\"], "a "),
            (["\"\"\"", "x", "y"], "x\ny"),
            (["done"], nil),
            ([], nil),
            (["\"\"\""], nil),
        ] as [([String], String?)]
    )
    func finish(lines: [String], expected: String?) {
        var assembler = MultilineAssembler()
        for line in lines {
            _ = assembler.feed(line)
        }
        #expect(assembler.finish() == expected)
        #expect(!assembler.isContinuing)
    }
}
