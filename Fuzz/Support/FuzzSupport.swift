/// Helpers every fuzz target shares: a deterministic generator seeded from the input, chunk splitting, and the
/// oracle check that traps so libFuzzer records the input.
///
/// Compiled into each target's executable next to its harness; standard library only.

/// Stops the run when an oracle does not hold: libFuzzer sees the trap and writes the input to its crash file.
/// - Parameters:
///   - condition: The property the oracle requires.
///   - message: What went wrong, printed before the trap.
@inline(__always)
func fuzzRequire(
    _ condition: @autoclosure () -> Bool,
    _ message: @autoclosure () -> String,
    file: StaticString = #fileID,
    line: UInt = #line
) {
    if !condition() {
        fatalError("oracle failed: \(message())", file: file, line: line)
    }
}

/// SplitMix64: a tiny, deterministic generator, so a crash input replays the same splits and operations.
struct FuzzGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator whose sequence depends on `seed` only.
    init(seed: UInt64) {
        state = seed ^ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

/// Cutting a collection of `count` elements into consecutive pieces.
enum FuzzSplit {
    /// The pieces' ranges: one piece, one per element, or random lengths up to a maximum the generator picks.
    /// - Parameters:
    ///   - count: The number of elements to cover.
    ///   - mode: 0 whole, 1 one element per piece, anything else random pieces drawn from `generator`.
    ///   - generator: The source of piece lengths.
    /// - Returns: Ranges that cover `0..<count` in order; empty pieces are possible in random mode.
    static func ranges(count: Int, mode: Int, generator: inout FuzzGenerator) -> [Range<Int>] {
        switch mode {
        case 0:
            return [0..<count]
        case 1:
            return (0..<count).map { $0..<($0 + 1) }
        default:
            let maxPiece = 1 + generator.below(16)
            var ranges: [Range<Int>] = []
            var start = 0
            while start < count {
                // An empty piece now and then: a zero-length chunk must change nothing.
                let length = generator.below(8) == 0 ? 0 : 1 + generator.below(maxPiece)
                let end = min(start + length, count)
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
    }
}
