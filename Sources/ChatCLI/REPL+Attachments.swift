/// The files attached to the REPL's next message (`-f` at the start, `/file` at the prompt); the next message
/// typed takes them all.
final class PendingAttachments {
    /// The files, in the order attached.
    private(set) var files: [FileAttachment]

    /// Starts with `files`.
    init(_ files: [FileAttachment]) {
        self.files = files
    }

    /// Adds a file; one of the same name attached earlier is replaced (the file was read again).
    /// - Returns: Whether it replaced one.
    @discardableResult
    func add(_ file: FileAttachment) -> Bool {
        let count = files.count
        files.removeAll { $0.name == file.name }
        files.append(file)
        return files.count == count
    }

    /// Takes every file, leaving none.
    func take() -> [FileAttachment] {
        defer { files = [] }
        return files
    }

    /// Puts files back in front of any attached since (their message was not sent).
    func restore(_ taken: [FileAttachment]) {
        files = taken + files.filter { file in !taken.contains { $0.name == file.name } }
    }
}

extension REPL {
    /// `/file PATH` attaches a file to the next message; `/file` lists the attached ones; `/file --clear` drops
    /// them. A file that cannot be attached gets one line and changes nothing.
    func attach(_ argument: String?) {
        guard let argument else {
            if pending.files.isEmpty { note("no files attached (/file PATH attaches one to the next message)") }
            notePending()
            return
        }
        if argument == "--clear" {
            note(pending.take().isEmpty ? "no files attached" : "attached files dropped")
            return
        }
        guard argument != "-" else {
            error("/file -: standard input is the terminal here; give a file's path")
            return
        }
        do throws(CLIFailure) {
            let file = try FileAttachment.load(Self.expand(argument), name: argument)
            let verb = pending.add(file) ? "attached again" : "attached"
            note("\(verb) \(file.name) (\(FileAttachment.describe(byteCount: file.byteCount))) to the next message")
        } catch {
            self.error(error.message)
        }
    }

    /// One dim line per attached file.
    func notePending() {
        for file in pending.files {
            note("attached \(file.name) (\(FileAttachment.describe(byteCount: file.byteCount))) to the next message")
        }
    }
}
