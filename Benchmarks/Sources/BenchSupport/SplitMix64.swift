/// A small, fast, deterministic random number generator (SplitMix64), so generated corpora are identical run to run.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator.
    /// - Parameter seed: The seed; the same seed gives the same sequence.
    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    /// - Returns: A pseudo-random value.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `range`, with the small modulo bias a benchmark can ignore.
    /// - Parameter range: The closed range to draw from.
    /// - Returns: A value in `range`.
    package mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
