import Testing

@testable import ChatCLI

/// What Tab offers in the REPL, with a fake folder listing.
@Suite("REPLCompletion")
struct REPLCompletionTests {
    typealias Entry = REPLCompletion.Entry

    /// A listing of two folders; records which folders were asked for.
    final class Listing {
        var asked: [String] = []
        let folders: [String: [Entry]] = [
            ".": [
                Entry(name: "src", isDirectory: true), Entry(name: "setup.py", isDirectory: false),
                Entry(name: ".env", isDirectory: false),
            ],
            "src/": [Entry(name: "main.swift", isDirectory: false), Entry(name: "models", isDirectory: true)],
        ]

        func list(_ folder: String) -> [Entry] {
            asked.append(folder)
            return folders[folder] ?? []
        }
    }

    @Test(
        "after /file: the folder part kept, matching names, folders with a /, dot files only when asked for",
        arguments: [
            ("/file s", ["src/", "setup.py"]), ("/file src/m", ["src/main.swift", "src/models/"]),
            ("/file src/ma", ["src/main.swift"]), ("/file ", ["src/", "setup.py"]), ("/file .", [".env"]),
            ("/file nowhere/x", []),
        ]
    )
    func paths(prefix: String, expected: [String]) {
        let listing = Listing()
        #expect(REPLCompletion.candidates(for: prefix, list: listing.list) == expected)
    }

    @Test("the folder listed is the typed one, ~ expanded; a bare name lists the working folder")
    func folderAsked() {
        let listing = Listing()
        _ = REPLCompletion.candidates(for: "/file ~/notes/x", list: listing.list)
        _ = REPLCompletion.candidates(for: "/file x", list: listing.list)
        #expect(listing.asked.count == 2)
        #expect(listing.asked[0].hasSuffix("/notes") && !listing.asked[0].hasPrefix("~"))
        #expect(listing.asked[1] == ".")
    }

    @Test(
        "command names for a line starting with /; nothing for other commands' arguments or plain text",
        arguments: [
            ("/he", ["/help"]), ("/fi", ["/file"]), ("/e", ["/exit", "/edit"]), ("/model gp", []), ("hello", []),
        ]
    )
    func commands(prefix: String, expected: [String]) {
        let listing = Listing()
        #expect(REPLCompletion.candidates(for: prefix, list: listing.list) == expected)
        #expect(listing.asked.isEmpty)
    }
}
