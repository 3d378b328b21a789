/// Clusters: a wide character written at once, and the one-cell cluster a word may end in.
extension LineWrapper {
    /// Adds a visible scalar (UTF-8 `bytes`, lent) as `append` would, when the caller knows that the character
    /// after it starts a cluster of its own. A wide character (a word of its own) mid-row that fits, no style
    /// waiting, then goes out at once with the spaces before it, where `append` holds it until that character
    /// ends its word; the word before ends at it, as in `append`.
    mutating func appendEndingWord(
        _ scalar: Unicode.Scalar,
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        to output: inout [UInt8]
    ) {
        let measure = tracker.measure(scalar)
        guard measure.cells == 2, !measure.extendsCluster else {
            appendVisible(scalar, measured: measure, to: &output)
            return
        }
        endWord(to: &output)
        guard column != lineStart, pendingControl.isEmpty, column + pendingSpaces + 2 <= width else {
            appendVisible(scalar, measured: measure, to: &output)
            return
        }
        // Never held, so it needs no `heldWords` value; `edgeCluster` is empty (it is kept only while the row is
        // full), and a wide word keeps none.
        for _ in 0..<pendingSpaces { output.append(0x20) }
        output.append(contentsOf: bytes)
        column += pendingSpaces + 2
        pendingSpaces = 0
    }

    /// The bytes of the last cluster of `bytes` when it is one cell wide, else none (internal for
    /// `LineWrapper.swift`).
    static func lastOneCellCluster(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var measure = GraphemeWidthTracker()
        var cluster: [UInt8] = []
        var cells = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let next = measure.measure(scalar)
            if !next.extendsCluster {
                cluster.removeAll(keepingCapacity: true)
                cells = 0
            }
            UTF8.encode(scalar) { cluster.append($0) }
            cells += next.cells
        }
        return cells == 1 ? cluster : []
    }
}
