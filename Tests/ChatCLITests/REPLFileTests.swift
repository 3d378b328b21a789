import Foundation
import TestSupport
import Testing

/// Files attached in the REPL (`/file`, `-f`) on a real pseudo-terminal, checked by what the server received.
@Suite("REPL: /file and -f", .timeLimit(.minutes(1)))
struct REPLFileTests {
    /// Writes a file in the session's folder and returns its path.
    private func file(_ session: REPLSession, _ name: String, _ contents: Data) throws -> String {
        let path = session.home.file(name)
        try contents.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("/file PATH confirms in one line; the next message carries the block, the one after does not")
    func attachToNextMessage() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        let path = try file(session, "main.swift", Data("print(\"hi\")\n".utf8))
        let screen = try await session.enter("/file \(path)\r", expecting: "to the next message")
        #expect(screen.contains("attached \(path) (12 bytes) to the next message"))
        #expect(server.requests.isEmpty)
        try await session.enter("explain\r", expecting: "Reply number 1.")
        try await session.enter("and then?\r", expecting: "Reply number 2.")
        let requests = try await server.waitForRequests(2)
        let block = "`\(path)`:\n```swift\nprint(\"hi\")\n```"
        #expect(requests[0].lastUserText == block + "\n\nexplain")
        #expect(requests[1].lastUserText == "and then?")
        #expect(requests[1].messages.first?.content == block + "\n\nexplain")
    }

    @Test("/file errors are one line each, nothing is attached, and the REPL goes on")
    func errors() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        let binary = try file(session, "image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D]))
        let missing = session.home.file("missing.txt")
        var screen = try await session.enter("/file \(missing)\r", expecting: "no such file or directory")
        #expect(screen.contains("ssechat: \(missing): no such file or directory\n"))
        screen = try await session.enter("/file \(binary)\r", expecting: "not a text file")
        #expect(screen.contains("ssechat: \(binary): not a text file (binary)\n"))
        screen = try await session.enter("/file \(session.home.path)\r", expecting: "is a directory")
        #expect(screen.contains("ssechat: \(session.home.path): is a directory\n"))
        try await session.enter("/file -\r", expecting: "standard input is the terminal")
        try await session.enter("/file\r", expecting: "no files attached")
        try await session.enter("hello\r", expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1)[0].lastUserText == "hello")
    }

    @Test("a request that fails before any reply keeps the files attached for the next message")
    func keptAfterFailure() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(
            server: server,
            environment: ["OPENAI_BASE_URL": "http://127.0.0.1:\(try refusedPort())/v1"]
        )
        let path = try file(session, "kept.txt", Data("keep\n".utf8))
        try await session.enter("/file \(path)\r", expecting: "to the next message")
        try await session.enter("hello\r", expecting: "ssechat: ")
        let screen = try await session.enter("/file\r", expecting: "to the next message")
        #expect(screen.contains("attached \(path) (5 bytes) to the next message"))
    }

    @Test("Tab completes the path after /file, into folders")
    func tabCompletion() async throws {
        let server = try REPLChatServer()
        let session = try REPLSession(server: server)
        try FileManager.default.createDirectory(atPath: session.home.file("src"), withIntermediateDirectories: true)
        let path = try file(session, "src/main.swift", Data("let x = 1\n".utf8))
        // Keys are read in order: Tab completes the folder before "ma" arrives, then the file.
        let screen = try await session.enter("/file \(session.home.path)/sr\tma\t\r", expecting: "next message")
        #expect(screen.contains("attached \(path) (10 bytes) to the next message"))
        try await session.enter("look\r", expecting: "Reply number 1.")
        #expect(try await server.waitForRequests(1)[0].lastUserText == "`\(path)`:\n```swift\nlet x = 1\n```\n\nlook")
    }

    @Test("-f attaches to the first message, noted at the start; /file lists, replaces and --clear drops")
    func optionListReplaceClear() async throws {
        let server = try REPLChatServer()
        let home = try PTYTemporaryDirectory()
        let notes = home.file("notes.txt")
        try Data("first version\n".utf8).write(to: URL(fileURLWithPath: notes))
        let session = try REPLSession(server: server, arguments: ["-f", notes], home: home)
        _ = try await session.terminal.waitForOutput(containing: "attached \(notes) (14 bytes) to the next message")
        try await session.enter("read it\r", expecting: "Reply number 1.")

        let other = try file(session, "other.md", Data("# Title\n".utf8))
        try await session.enter("/file \(other)\r", expecting: "to the next message")
        try Data("second version\n".utf8).write(to: URL(fileURLWithPath: notes))
        try await session.enter("/file \(notes)\r", expecting: "to the next message")
        try Data("third version\n".utf8).write(to: URL(fileURLWithPath: notes))
        var screen = try await session.enter("/file \(notes)\r", expecting: "to the next message")
        #expect(screen.contains("attached again \(notes) (14 bytes)"))
        screen = try await session.enter("/file\r", expecting: "(14 bytes) to the next message")
        #expect(screen.contains("attached \(other) (8 bytes) to the next message"))
        try await session.enter("compare\r", expecting: "Reply number 2.")

        try await session.enter("/file \(other)\r", expecting: "to the next message")
        try await session.enter("/file --clear\r", expecting: "attached files dropped")
        try await session.enter("nothing attached\r", expecting: "Reply number 3.")

        let requests = try await server.waitForRequests(3)
        #expect(requests[0].lastUserText == "`\(notes)`:\n```\nfirst version\n```\n\nread it")
        #expect(
            requests[1].lastUserText
                == "`\(other)`:\n```\n# Title\n```\n\n`\(notes)`:\n```\nthird version\n```\n\ncompare"
        )
        #expect(requests[2].lastUserText == "nothing attached")
    }
}
