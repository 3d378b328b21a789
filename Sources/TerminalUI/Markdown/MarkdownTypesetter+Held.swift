/// The held line: a line's start until `LineStart` decides it, or a whole fence, rule or table row, as sanitised
/// UTF-8 in `pending`.
extension MarkdownTypesetter {
    /// Adds a scalar to the held line, as UTF-8.
    @inline(__always)
    mutating func hold(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            pending.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { pending.append($0) }
        }
    }

    /// Inside a fenced block a line is code unless it is the closing fence (held only while it may be one).
    mutating func decideInsideFence(_ fence: Fence, complete: Bool, into output: inout [UInt8]) {
        switch pending.withUnsafeBufferPointer({ fence.decide($0, complete: complete) }) {
        case .undecided:
            return
        case .closing(let run):
            mode = .held(.fence(fence.marker, run))
        case .code(let skip):
            mode = .code
            replayPending(from: skip, asCode: true, into: &output)
        }
    }

    /// Feeds the held bytes again from `offset` on (`replay`), then empties `pending`: it is taken out with `swap`
    /// (feeding may hold a new line there) and read in place.
    mutating func replayPending(from offset: Int, asCode: Bool, into output: inout [UInt8]) {
        var text: [UInt8] = []
        swap(&text, &pending)
        text.withUnsafeBufferPointer { bytes in
            replay(UnsafeBufferPointer(rebasing: bytes[min(offset, bytes.count)...]), asCode: asCode, into: &output)
        }
        restorePending(&text)
    }

    /// Feeds held bytes again: as code (`writeCode`) or through `feed`, printable ASCII as runs (with `usesRuns`).
    mutating func replay(_ bytes: UnsafeBufferPointer<UInt8>, asCode: Bool, into output: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            if usesRuns, bytes[index].isPrintableASCII {
                let end = bytes.printableASCIIEnd(from: index + 1)
                let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
                if asCode { code.write(ascii: run, into: &output) } else { feed(ascii: run, into: &output) }
                index = end
                continue
            }
            let (scalar, length) = bytes.scalar(at: index)
            index += length
            if asCode { code.write(scalar, into: &output) } else { feed(scalar, into: &output) }
        }
    }

    /// Gives back the buffer of held bytes taken out of `pending` (with `swap`, so that feeding them does not copy
    /// them), emptied with its capacity kept, unless `pending` holds a new line by now.
    mutating func restorePending(_ buffer: inout [UInt8]) {
        if !buffer.isEmpty { buffer.removeAll(keepingCapacity: true) }
        if pending.isEmpty { swap(&buffer, &pending) }
    }
}
