import Foundation

/// What Tab offers in the REPL: slash command names, and after `/file ` the files and folders that the path typed so
/// far can continue to. Pure apart from the folder listing it is given.
///
/// A path completes like the shell's: the folder part is kept as typed (`~/` is looked up in the home folder), names
/// starting with `.` are offered only when the typed name starts with one, and folders end in `/` so Tab can go on
/// into them (``TabCompletion`` adds no space after a `/`).
enum REPLCompletion {
    /// One entry of a folder.
    struct Entry: Equatable {
        var name: String
        var isDirectory: Bool
    }

    /// The candidates for the word before the cursor.
    /// - Parameters:
    ///   - prefix: The line from its start to the cursor.
    ///   - list: The entries of a folder (the path as it should be opened), or none when it cannot be read.
    /// - Returns: Whole replacements for the word before the cursor.
    static func candidates(for prefix: String, list: (String) -> [Entry]) -> [String] {
        guard prefix.hasPrefix("/file ") else {
            return prefix.hasPrefix("/") ? SlashCommand.names.filter { $0.hasPrefix(prefix) } : []
        }
        let path = prefix.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let typedName = String(path.dropFirst(folder.count))
        let entries = list(folder.isEmpty ? "." : NSString(string: folder).expandingTildeInPath)
        return
            entries
            .filter { $0.name.hasPrefix(typedName) && (typedName.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { folder + $0.name + ($0.isDirectory ? "/" : "") }
    }

    /// The entries of a folder on disk.
    /// - Parameter folder: The folder's path.
    /// - Returns: Its entries, or none when it cannot be read.
    static func entries(of folder: String) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
            return Entry(name: name, isDirectory: isDirectory.boolValue)
        }
    }
}
