extension LineWrapper {
    /// Adds printable ASCII text (no tab, no LF) as `append` would byte by byte, but a word at a time: a word
    /// followed by a space here at once when it fits on the row, else its first byte and then the rest as a run.
    mutating func append(ascii bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] != 0x20 else {
                append(" ", to: &output)
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
            if end == bytes.count || !appendWholeWordASCII(word, to: &output) {
                appendVisible(Unicode.Scalar(bytes[index]), to: &output)
                if end > index + 1 { appendWordASCII(UnsafeBufferPointer(rebasing: word.dropFirst()), to: &output) }
            }
            index = end
        }
    }

    /// Adds a whole word of printable ASCII bytes other than the space, to be followed by a space: what `append`
    /// does with each byte and then `endWord` at that space, at once, when the word fits on the row (the common
    /// case of prose). Otherwise does nothing and returns `false`.
    /// - Returns: Whether the word was added.
    private mutating func appendWholeWordASCII(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        guard !inWord, !bytes.isEmpty else { return false }
        let count = bytes.count
        if column == lineStart {
            // At the start of a row the word is written as it comes, after the spaces that fit (see `startWord`).
            let spaces = min(pendingSpaces, max(0, width - column - 1))
            guard column + spaces + count < width else { return false }
            for _ in 0..<spaces { output.append(0x20) }
            column += spaces
            if !edgeCluster.isEmpty { edgeCluster.removeAll(keepingCapacity: true) }
        } else {
            // Mid-row it would be held, then written with its spaces when the space ends it.
            guard column + pendingSpaces + count <= width else { return false }
            heldWords &+= 1
            for _ in 0..<pendingSpaces { output.append(0x20) }
            column += pendingSpaces
        }
        pendingSpaces = 0
        if !pendingControl.isEmpty {
            output += pendingControl
            pendingControl.removeAll(keepingCapacity: true)
        }
        output.append(contentsOf: bytes)
        column += count
        if column == width { edgeCluster = [bytes[count - 1]] }  // as `endWord` keeps a word's last cluster
        _ = tracker.measure("a")  // the state one ASCII character leaves
        return true
    }

    /// Adds more of the word being typed: printable ASCII bytes other than the space, each one cell, as `append`
    /// would one by one, but a whole run at a time while it fits (the common case of prose); else byte by byte.
    private mutating func appendWordASCII(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let count = bytes.count
        if inWord, !wordIsWide, !wordIsShown, !wordIsWritten, column + pendingSpaces + heldWidth + count <= width {
            held.append(contentsOf: bytes)
            heldWidth += count
        } else if inWord, !wordIsWide, wordIsWritten, column + count < width {
            if !edgeCluster.isEmpty { edgeCluster.removeAll(keepingCapacity: true) }
            output.append(contentsOf: bytes)
            column += count
        } else {
            for byte in bytes { appendVisible(Unicode.Scalar(byte), to: &output) }
            return
        }
        _ = tracker.measure("a")  // the state one ASCII character leaves
    }
}
