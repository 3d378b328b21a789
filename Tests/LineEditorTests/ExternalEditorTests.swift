import Foundation
import LineEditor
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// ExternalEditor running scripted editors (small shell scripts written by each test) on real temporary files.
///
/// The scripts run as `/bin/sh SCRIPT`, never executed directly: a script just written may still be open for
/// writing in a child another test is forking at that moment, and executing it would fail with ETXTBSY.
@Suite("ExternalEditor with scripted editors", .timeLimit(.minutes(1)))
struct ExternalEditorTests {
    /// A folder with an editor script that records what it was given in `seen/` and then runs `body`.
    final class ScriptedEditor {
        let folder: TemporaryFolder
        let script: String
        /// The command that runs the script.
        var command: String { "/bin/sh " + script }
        let temporaryDirectory: String

        init(_ body: String) throws {
            folder = try TemporaryFolder()
            temporaryDirectory = folder.path + "/tmp"
            try FileManager.default.createDirectory(atPath: temporaryDirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: folder.path + "/seen", withIntermediateDirectories: true)
            script = folder.path + "/editor.sh"
            let text = """
                #!/bin/sh
                seen='\(folder.path)/seen'
                for last; do :; done
                printf '%s\\n' "$@" > "$seen/arguments"
                cp "$last" "$seen/content"
                stat -c %a "$last" > "$seen/mode"
                \(body)

                """
            try text.write(toFile: script, atomically: true, encoding: .utf8)
        }

        func editor(_ command: String? = nil) -> ExternalEditor {
            ExternalEditor(environment: ["EDITOR": command ?? self.command, "TMPDIR": temporaryDirectory])
        }

        func seen(_ name: String) throws -> String {
            try String(contentsOfFile: folder.path + "/seen/" + name, encoding: .utf8)
        }
    }

    @Test("the editor gets a new 0600 .md file in TMPDIR holding the text; what it saves comes back; the file goes")
    func edits() async throws {
        let scripted = try ScriptedEditor(#"printf 'rewritten\nover two lines\n\n' > "$last""#)
        let saved = try await scripted.editor().edit("the typed line")
        #expect(saved == "rewritten\nover two lines\n\n")
        #expect(try scripted.seen("content") == "the typed line\n")
        #expect(try scripted.seen("mode") == "600\n")
        let path = try scripted.seen("arguments").trimmingCharacters(in: .newlines)
        #expect(path.hasPrefix(scripted.temporaryDirectory + "/ssechat-"))
        #expect(path.hasSuffix(".md"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scripted.temporaryDirectory).isEmpty)
    }

    @Test("an editor that replaces the file (write elsewhere, rename) is read after it ends")
    func replacedFile() async throws {
        let scripted = try ScriptedEditor(#"printf 'new inode' > "$last.new" && mv "$last.new" "$last""#)
        #expect(try await scripted.editor().edit("") == "new inode")
        #expect(try scripted.seen("content") == "")
    }

    @Test("EDITOR with arguments, plain and through the shell, reaches the program with the file last")
    func arguments() async throws {
        let scripted = try ScriptedEditor(":")
        _ = try await scripted.editor(scripted.command + " --wait -n").edit("x")
        var lines = try scripted.seen("arguments").split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["--wait", "-n"])
        #expect(lines.count == 3)
        _ = try await scripted.editor("/bin/sh '\(scripted.script)' -c 'set tw=72'").edit("x")
        lines = try scripted.seen("arguments").split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["-c", "set tw=72"])
        #expect(lines.count == 3)
    }

    @Test("a non-zero exit is an error naming the editor and the status; the file is removed")
    func failing() async throws {
        let scripted = try ScriptedEditor("exit 3")
        await #expect(throws: LineEditorError(code: .editorFailed("/bin/sh", status: 3))) {
            try await scripted.editor().edit("x")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scripted.temporaryDirectory).isEmpty)
    }

    @Test("an editor killed by a signal is an error naming the signal")
    func killed() async throws {
        let scripted = try ScriptedEditor("kill -KILL $$")
        await #expect(throws: LineEditorError(code: .editorKilled("/bin/sh", signal: SIGKILL))) {
            try await scripted.editor().edit("x")
        }
    }

    @Test("an editor that is not found, plain or through the shell")
    func notFound() async throws {
        let scripted = try ScriptedEditor(":")
        let plain = "ssechat-no-such-editor --wait"
        await #expect(throws: LineEditorError(code: .editorNotFound("ssechat-no-such-editor"))) {
            try await scripted.editor(plain).edit("x")
        }
        let shell = "ssechat-no-such-editor 'quoted'"
        await #expect(throws: LineEditorError(code: .editorNotFound(shell))) {
            try await scripted.editor(shell).edit("x")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scripted.temporaryDirectory).isEmpty)
    }

    @Test("a TMPDIR that does not exist is one error naming the file")
    func missingTemporaryDirectory() async throws {
        let editor = ExternalEditor(environment: ["EDITOR": "true", "TMPDIR": "/nonexistent-ssechat-tmp"])
        let error = await #expect(throws: LineEditorError.self) { try await editor.edit("x") }
        #expect(error?.code == .temporaryFile)
        #expect(error?.description.hasPrefix("cannot use the temporary file /nonexistent-ssechat-tmp/") == true)
    }
}
