/// What the Tab key does, given the text before the cursor and the candidates for it. Pure.
///
/// The word being completed is the text after the last space, tab or newline before the cursor, and completion
/// replaces that word (as readline does):
/// - one candidate: the word becomes the candidate followed by a space (none after a folder's trailing `/`, so the
///   path can go on);
/// - several sharing a prefix longer than the word: the word becomes that prefix;
/// - several with nothing more in common: they are listed below the line;
/// - none: the terminal bell.
enum TabCompletion: Equatable {
    /// Replace the last `length` unicode scalars before the cursor with `text`.
    case replace(length: Int, with: String)
    /// Show these candidates below the line, then redraw it.
    case list([String])
    /// Nothing to complete.
    case none

    /// Decides what Tab does.
    /// - Parameters:
    ///   - prefix: The line from its start to the cursor.
    ///   - candidates: What the completion source offered for `prefix`.
    /// - Returns: The action to carry out.
    static func resolve(prefix: String, candidates: [String]) -> TabCompletion {
        let word = currentWord(in: prefix)
        var seen = Set<String>()
        let unique = candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard let first = unique.first else { return .none }
        let length = word.unicodeScalars.count
        if unique.count == 1 {
            return .replace(length: length, with: first.hasSuffix("/") ? first : first + " ")
        }
        let common = unique.dropFirst().reduce(Substring(first)) { common, candidate in
            common.commonPrefix(with: candidate)
        }
        if common.count > word.count && common.hasPrefix(word) {
            return .replace(length: length, with: String(common))
        }
        return .list(unique.sorted())
    }

    /// The word Tab completes: the text after the last space, tab or newline of `prefix`.
    /// - Parameter prefix: The line from its start to the cursor.
    /// - Returns: The word, possibly empty.
    static func currentWord(in prefix: String) -> Substring {
        guard let space = prefix.lastIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
            return Substring(prefix)
        }
        return prefix[prefix.index(after: space)...]
    }
}

extension Substring {
    fileprivate func commonPrefix(with other: String) -> Substring {
        var end = startIndex
        var otherIndex = other.startIndex
        while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
            end = index(after: end)
            otherIndex = other.index(after: otherIndex)
        }
        return self[startIndex..<end]
    }
}
