import BenchSupport
import Foundation

// parser-bench: issue 2's SSE parser benchmark and issue 5's reply-decoding benchmark, in memory.
//
//   parser-bench [--megabytes 100] [--runs 7] [--baseline-megabytes 4] [--baseline-runs 5]
//       prints the Markdown sections for docs/PERFORMANCE.md on stdout, progress on stderr.
//   parser-bench probe [--mode parse|decode] [--chunks 16k|tiny] [--megabytes 2] [--passes 1]
//       generates the corpus, then parses (or parses and decodes) it `passes` times, untimed: for valgrind. Run
//       under memcheck with two pass counts, the difference in "total heap usage" is the passes' allocations; under
//       callgrind, `--toggle-collect='*probeWorkload*'` profiles just the passes.

let arguments = BenchArguments(Array(CommandLine.arguments.dropFirst()))

do {
    guard AllocationCounter.isActive else {
        throw ParserReport.VerificationFailure(description: "the malloc counter is not in effect")
    }
    if arguments.positional.first == "probe" {
        let probe = Probe(
            mode: Probe.Mode(rawValue: arguments.string("mode") ?? "parse") ?? .parse,
            chunking: arguments.string("chunks") == "tiny" ? .varying(7...64) : .fixed(16 * 1024),
            corpusBytes: arguments.int("megabytes", default: 2) * 1_000_000,
            passes: arguments.int("passes", default: 1)
        )
        print(try probe.run())
    } else {
        let report = ParserReport(
            corpusBytes: arguments.int("megabytes", default: 100) * 1_000_000,
            baselineBytes: arguments.int("baseline-megabytes", default: 4) * 1_000_000,
            sampler: Sampler(runs: arguments.int("runs", default: 7)),
            baselineSampler: Sampler(runs: arguments.int("baseline-runs", default: 5))
        )
        print(try report.run(), terminator: "")
    }
} catch {
    StandardError.write("parser-bench: error: \(error)\n")
    exit(1)
}
