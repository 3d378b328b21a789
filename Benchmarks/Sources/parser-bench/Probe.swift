/// The `probe` command: one workload, no timing, for tools that observe the whole process (valgrind's heap summary,
/// callgrind).
///
/// The corpus is generated first; then `probeWorkload` (never inlined, so `--toggle-collect='*probeWorkload*'` selects
/// exactly the measured work) parses, or parses and decodes, it `passes` times.
struct Probe {
    /// What to run.
    enum Mode: String {
        case parse, decode
    }

    var mode: Mode
    var chunking: Chunking
    var corpusBytes: Int
    var passes: Int

    /// Generates the corpus and runs the workload.
    /// - Returns: A one-line summary: the events seen over all passes, the corpus's events per pass and its size.
    /// - Throws: Parser or decoder errors.
    func run() throws -> String {
        let corpus = ChunkCorpus(targetBytes: corpusBytes)
        let seen = try corpus.bytes.withUnsafeBytes { try probeWorkload($0) }
        return
            "mode \(mode.rawValue) chunks \(chunking) passes \(passes) events \(seen) per-pass \(corpus.eventCount) bytes \(corpus.bytes.count)"
    }

    @inline(never)
    private func probeWorkload(_ stream: UnsafeRawBufferPointer) throws -> Int {
        var seen = 0
        for _ in 0..<passes {
            switch mode {
            case .parse: seen += try ParserBenchmark.parse(stream, chunking: chunking).events
            case .decode: seen += try DecodeBenchmark.decode(stream, chunking: chunking).textEvents
            }
        }
        return seen
    }
}
