import Foundation
import LineEditor
import Testing

@Suite("HistoryFile")
struct HistoryFileTests {
    @Test(
        "Default path: XDG_STATE_HOME when absolute, else ~/.local/state",
        arguments: [
            (["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"], "/x/state/ssechat/history"),
            (["XDG_STATE_HOME": "/x/state/", "HOME": "/home/u"], "/x/state/ssechat/history"),
            (["XDG_STATE_HOME": "relative", "HOME": "/home/u"], "/home/u/.local/state/ssechat/history"),
            (["XDG_STATE_HOME": "", "HOME": "/home/u"], "/home/u/.local/state/ssechat/history"),
            (["HOME": "/home/u"], "/home/u/.local/state/ssechat/history"),
            ([:], nil),
        ] as [([String: String], String?)]
    )
    func defaultPath(environment: [String: String], expected: String?) {
        #expect(HistoryFile.defaultPath(environment: environment) == expected)
    }

    @Test(
        "Which lines are recorded",
        arguments: [
            ("hello", nil, true),
            ("hello", "other", true),
            ("hello", "hello", false),
            (" private", nil, false),
            ("", nil, false),
            ("   ", nil, false),
            ("\t\n", nil, false),
            ("\tindented", nil, true),
            ("multi\nline", "multi", true),
        ] as [(String, String?, Bool)]
    )
    func shouldRecord(line: String, previous: String?, expected: Bool) {
        #expect(HistoryFile.shouldRecord(line, previous: previous) == expected)
    }

    @Test(
        "Entries round-trip through one line each",
        arguments: ["plain", "two\nlines", "back\\slash", "\\n literal", "cr\r\nlf", "trailing\\", "ünï 🙂", ""]
    )
    func encoding(entry: String) {
        let line = HistoryFile.encode(entry)
        #expect(!line.contains("\n") && !line.contains("\r"))
        #expect(HistoryFile.decode(line) == entry)
    }

    @Test("Lines written by hand decode leniently")
    func lenientDecoding() {
        #expect(HistoryFile.decode(#"unknown \q escape"#) == #"unknown \q escape"#)
        #expect(HistoryFile.decode(#"ends with \"#) == #"ends with \"#)
    }

    @Test("load() creates folders 0700 and the file 0600, and tightens an existing file")
    func modes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/a/b/history"
        let file = HistoryFile(path: path)
        #expect(try file.load() == [])
        #expect(permissions(of: folder.path + "/a") == 0o700)
        #expect(permissions(of: folder.path + "/a/b") == 0o700)
        #expect(permissions(of: path) == 0o600)

        #expect(chmod(path, 0o666) == 0)
        #expect(try file.load() == [])
        #expect(permissions(of: path) == 0o600)
    }

    @Test("append() adds entries and keeps the file capped")
    func appendAndCap() throws {
        let folder = try TemporaryFolder()
        let file = HistoryFile(path: folder.path + "/history", limit: 3)
        for entry in ["1", "2", "3"] {
            try file.append(entry)
        }
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "1\n2\n3\n")
        try file.append("four\nlines")
        #expect(try file.load() == ["2", "3", "four\nlines"])
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "2\n3\nfour\\nlines\n")
        #expect(permissions(of: file.path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["history"])
    }

    @Test("A file longer than the cap loads its newest entries; a rewrite keeps them")
    func longFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/history"
        try Data((1...10).map { "\($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
        let file = HistoryFile(path: path, limit: 4)
        #expect(try file.load() == ["7", "8", "9", "10"])
        try file.append("11")
        #expect(try HistoryFile(path: path, limit: 100).load() == ["8", "9", "10", "11"])
    }

    @Test("Two writers both keep their entries")
    func twoSessions() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/history"
        let one = HistoryFile(path: path)
        let two = HistoryFile(path: path)
        try one.append("from one")
        try two.append("from two")
        try one.append("one again")
        #expect(try one.load() == ["from one", "from two", "one again"])
    }

    @Test("Errors name the file")
    func errors() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.path + "/not-a-folder"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        let error = #expect(throws: LineEditorError.self) {
            try HistoryFile(path: blocker + "/history").load()
        }
        #expect(error?.code == .historyFile)
        #expect(error?.description.contains("not-a-folder") == true)
    }
}
