extension LineWrapper {
    /// Adds printable ASCII text (no tab, no LF) as `append` would byte by byte, but a row's worth at a time: mid-row,
    /// the words here that are followed by a space and fit on the row go out at once (`appendWordsASCII`); a word at
    /// the row's start or that does not fit, and one the run ends in, as a run of its own.
    mutating func append(ascii bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            var end = index
            guard bytes[index] != 0x20 else {
                // A run of spaces: the word before ends at the first, and each is pending.
                while end < bytes.count, bytes[end] == 0x20 { end += 1 }
                endWord(to: &output)
                pendingSpaces += end - index
                tracker.reset()
                index = end
                continue
            }
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            if end < bytes.count, !inWord, column > lineStart, pendingControl.isEmpty {
                let rest = UnsafeBufferPointer(rebasing: bytes[index...])
                let written = appendWordsASCII(rest, firstEnd: end - index, to: &output)
                if written > 0 {
                    index += written
                    continue
                }
            }
            let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
            if inWord {
                appendWordASCII(word, to: &output)  // more of the word the piece before began
            } else if end == bytes.count || !appendWholeWordASCII(word, to: &output) {
                // What `appendVisible` does with a word's first one-cell character, then the word as a run.
                startWord(cells: 1, to: &output)
                wordIsWide = false
                appendWordASCII(word, to: &output)
            }
            index = end
        }
    }

    /// Mid-row, between words, nothing pending but spaces: writes the words at the start of `bytes` that are each
    /// followed by a space there and all fit on the row, with the spaces before and between them, as `append`
    /// would byte by byte (each word held, then written when its space comes). The column only grows, so they all
    /// fit when the last does.
    /// - Parameter firstEnd: Where the first word ends (a space follows it).
    /// - Returns: How many bytes were written (up to the last such word's end; 0 when the first does not fit).
    private mutating func appendWordsASCII(
        _ bytes: UnsafeBufferPointer<UInt8>,
        firstEnd: Int,
        to output: inout [UInt8]
    ) -> Int {
        let room = width - column - pendingSpaces  // the bytes from `bytes`' start that may still fit
        guard firstEnd <= room else { return 0 }
        var fitted = firstEnd
        var words = 1
        var index = firstEnd + 1
        while index < bytes.count {
            guard bytes[index] != 0x20 else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            guard end < bytes.count, end <= room else { break }  // the run ends in the word, or it does not fit
            fitted = end
            words += 1
            index = end + 1
        }
        for _ in 0..<pendingSpaces { output.append(0x20) }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<fitted]))
        column += pendingSpaces + fitted
        pendingSpaces = 0
        heldWords &+= words  // each was held once, as a word typed mid-row is
        if column == width { edgeCluster = [bytes[fitted - 1]] }  // as `endWord` keeps a word's last cluster
        _ = tracker.measure("a")  // the state one ASCII character leaves
        return fitted
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
            pendingControl.write(after: 0, to: &output)
            pendingControl.removeAll()
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
        } else if inWord, !wordIsWide, !wordIsShown, !wordIsWritten {
            // A held word that outgrows the row here (a held word always fits: `appendVisible` moves it the moment
            // it does not): the bytes that still fit are held at once, the first that does not goes through
            // `appendVisible`, which moves the word to the next row, and the rest goes on from there.
            let fits = max(0, width - (column + pendingSpaces + heldWidth))  // fewer than `count` (see above)
            if fits > 0 {
                held.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<fits]))
                heldWidth += fits
                _ = tracker.measure("a")  // the state one ASCII character leaves
            }
            appendVisible(Unicode.Scalar(bytes[fits]), to: &output)
            if fits + 1 < count { appendWordASCII(UnsafeBufferPointer(rebasing: bytes[(fits + 1)...]), to: &output) }
            return
        } else {
            for byte in bytes { appendVisible(Unicode.Scalar(byte), to: &output) }
            return
        }
        _ = tracker.measure("a")  // the state one ASCII character leaves
    }
}
