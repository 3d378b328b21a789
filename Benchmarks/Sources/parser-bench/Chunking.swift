import BenchSupport

/// How a stream is cut into the chunks a parser is fed: what the network would deliver.
struct Chunking: Sendable, CustomStringConvertible {
    private let range: ClosedRange<Int>
    /// For varying sizes, a precomputed cycle of sizes, so drawing one costs an array read inside the timed loop.
    private let cycle: [Int]

    private static let cycleLength = 4096

    /// Chunks of one size (the last may be shorter).
    /// - Parameter size: The chunk size in bytes.
    /// - Returns: The chunking.
    static func fixed(_ size: Int) -> Chunking {
        Chunking(range: size...size, cycle: [])
    }

    /// Chunks of pseudo-random sizes in `sizes`, the same sequence every run.
    /// - Parameters:
    ///   - sizes: The smallest and largest chunk size in bytes.
    ///   - seed: The seed of the size sequence.
    /// - Returns: The chunking.
    static func varying(_ sizes: ClosedRange<Int>, seed: UInt64 = 7) -> Chunking {
        var random = SplitMix64(seed: seed)
        return Chunking(range: sizes, cycle: (0..<cycleLength).map { _ in random.next(in: sizes) })
    }

    var description: String {
        if cycle.isEmpty {
            return range.lowerBound % 1024 == 0 ? "\(range.lowerBound / 1024) KiB" : "\(range.lowerBound) B"
        }
        return "\(range.lowerBound)–\(range.upperBound) B"
    }

    /// Calls `body` with each chunk of `buffer`, in order.
    /// - Parameters:
    ///   - buffer: The whole stream.
    ///   - body: Called with each chunk.
    /// - Throws: Rethrows `body`'s errors.
    func forEachChunk<Failure: Error>(
        of buffer: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(Failure) {
        var offset = 0
        var index = 0
        while offset < buffer.count {
            let size = cycle.isEmpty ? range.lowerBound : cycle[index & (Self.cycleLength - 1)]
            index += 1
            let end = min(offset + size, buffer.count)
            try body(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
            offset = end
        }
    }
}
