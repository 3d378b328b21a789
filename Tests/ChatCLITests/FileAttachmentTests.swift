import Testing

@testable import ChatCLI

/// The pure parts of attaching files: the fence, the heading, the language, the message, text or not.
@Suite("FileAttachment")
struct FileAttachmentTests {
    @Test(
        "the fence is longer than the longest backtick run, and at least three",
        arguments: [
            ("plain text", "```"), ("a `code` span", "```"), ("``", "```"), ("```swift\nx\n```\n", "````"),
            ("inline ```` four", "`````"), ("~~~\nfence\n~~~", "```"), ("", "```"),
        ]
    )
    func fence(text: String, expected: String) {
        #expect(FileAttachment.fence(for: text) == expected)
    }

    @Test(
        "the language is the extension when the highlighter knows it, lower-cased",
        arguments: [
            ("main.swift", "swift"), ("src/app.TS", "ts"), ("./a/b/lib.rs", "rs"), ("x.py", "py"),
            ("include/x.hpp", "hpp"), ("data.yml", "yml"), ("fix.patch", "patch"), ("page.html", "html"),
        ]
    )
    func knownLanguage(name: String, expected: String) {
        #expect(FileAttachment.language(forName: name) == expected)
    }

    @Test(
        "no language for unknown or missing extensions, dot files and stdin",
        arguments: ["notes.txt", "README.md", "Makefile", ".bashrc", "stdin", "dir.swift/file", "x.", "a.sw ift"]
    )
    func noLanguage(name: String) {
        #expect(FileAttachment.language(forName: name) == nil)
    }

    @Test("a block: the name as a code span and a colon, the fence with the language, the text, the fence")
    func block() {
        let file = FileAttachment(name: "Sources/main.swift", text: "let a = 1\n")
        #expect(file.block == "`Sources/main.swift`:\n```swift\nlet a = 1\n```")
        let unterminated = FileAttachment(name: "notes", text: "no final newline")
        #expect(unterminated.block == "`notes`:\n```\nno final newline\n```")
        #expect(FileAttachment(name: "empty.json", text: "").block == "`empty.json`:\n```json\n```")
    }

    @Test("a name with backticks or a line break keeps the heading one code span on one line")
    func awkwardNames() {
        #expect(FileAttachment(name: "a`b", text: "x\n").block.hasPrefix("``a`b``:\n"))
        #expect(FileAttachment(name: "`edge`", text: "x\n").block.hasPrefix("`` `edge` ``:\n"))
        #expect(FileAttachment(name: "two\nlines", text: "x\n").block.hasPrefix("`two lines`:\n```\n"))
    }

    @Test("the message: the files in order, then the prompt, blank lines between; no files: the prompt as it is")
    func compose() {
        let first = FileAttachment(name: "a.c", text: "int a;\n")
        let second = FileAttachment(name: "b.txt", text: "b\n")
        #expect(
            FileAttachment.compose(prompt: "compare", attachments: [first, second])
                == "`a.c`:\n```c\nint a;\n```\n\n`b.txt`:\n```\nb\n```\n\ncompare"
        )
        #expect(FileAttachment.compose(prompt: "", attachments: [second]) == "`b.txt`:\n```\nb\n```")
        #expect(FileAttachment.compose(prompt: "just this\n", attachments: []) == "just this\n")
    }

    @Test(
        "text is valid UTF-8 without NUL bytes; anything else is refused with its reason",
        arguments: [
            (Array("héllo 日本 🦊\r\n".utf8), FileAttachment.Content.text("héllo 日本 🦊\r\n")),
            ([0xEF, 0xBB, 0xBF, 0x61], .text("\u{FEFF}a")), ([], .text("")),
            ([0x61, 0x00, 0x62], .notText(reason: "binary")), ([0xFF, 0xFE, 0x61, 0x00], .notText(reason: "binary")),
            ([0x63, 0x61, 0x66, 0xE9], .notText(reason: "not UTF-8")), ([0xE6, 0x97], .notText(reason: "not UTF-8")),
            ([0xED, 0xA0, 0x80], .notText(reason: "not UTF-8")),
        ] as [([UInt8], FileAttachment.Content)]
    )
    func classify(bytes: [UInt8], expected: FileAttachment.Content) {
        #expect(FileAttachment.classify(bytes) == expected)
    }

    @Test(
        "sizes for people",
        arguments: [
            (0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"), (1024, "1.0 KiB"), (1229, "1.2 KiB"),
            (4 << 20, "4.0 MiB"),
        ]
    )
    func sizes(count: Int, expected: String) {
        #expect(FileAttachment.describe(byteCount: count) == expected)
    }

    @Test("a kept conversation is titled by the prompt after the files, or by the files' names without one")
    func titleText() {
        let swift = FileAttachment(name: "Sources/main.swift", text: "let a = 1\n```\nnot a fence end\n")
        let odd = FileAttachment(name: "`odd` name", text: "x")
        #expect(
            FileAttachment.titleText(of: FileAttachment.compose(prompt: "explain this", attachments: [swift, odd]))
                == "explain this"
        )
        #expect(
            FileAttachment.titleText(of: FileAttachment.compose(prompt: "", attachments: [swift, odd]))
                == "Sources/main.swift, `odd` name"
        )
        for message in ["plain prompt", "`code`: not a file\nmore", "```swift\nx\n```\nafter", ""] {
            #expect(FileAttachment.titleText(of: message) == message)
        }
    }
}
