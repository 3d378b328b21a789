import BenchSupport
import CBaseline
import ChatWire

/// Runs issue 2's parser benchmark and issue 5's reply-decoding benchmark and writes their Markdown sections.
struct ParserReport {
    /// The corpus size in bytes.
    var corpusBytes: Int
    /// The prefix, in bytes, the slow `JSONDecoder` baseline decodes.
    var baselineBytes: Int
    /// How runs are repeated.
    var sampler: Sampler
    /// How many runs the slow baseline gets.
    var baselineSampler: Sampler

    /// A result that did not match the corpus.
    struct VerificationFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs everything and returns the Markdown.
    /// - Returns: The sections, ready to paste into docs/PERFORMANCE.md.
    /// - Throws: `VerificationFailure` when a run's output disagrees with the corpus; parser or decoder errors.
    func run() throws -> String {
        progress("generating a \(Format.number(Double(corpusBytes) / 1e6)) MB corpus")
        let corpus = ChunkCorpus(targetBytes: corpusBytes)
        return try corpus.bytes.withUnsafeBytes { stream in
            try parserSection(corpus, stream) + "\n" + decodingSection(corpus, stream) + "\n" + responsesSection()
        } + "\n" + geminiSection()
    }

    private func parserSection(_ corpus: ChunkCorpus, _ stream: UnsafeRawBufferPointer) throws -> String {
        progress("memchr baseline")
        let memchr = sampler.measure { cbaseline_count_lines(stream.baseAddress, stream.count) }
        try check(memchr.result == corpus.lineFeedCount, "memchr counted \(memchr.result) LFs")
        let memchrRate = Double(stream.count) / memchr.medianSeconds

        var table = MarkdownTable(headers: [
            "Benchmark", "Chunks", "Median", "Min – max", "Throughput", "Throughput (CPU time)", "Events/s",
            "vs memchr", "Allocations/event",
        ])
        table.append(
            ["C `memchr` line count (baseline)", "whole buffer"]
                + figures(memchr, bytes: stream.count, items: nil, baselineRate: memchrRate, events: corpus.eventCount)
        )
        var verdict = ""
        for chunking in [Chunking.fixed(16 * 1024), .varying(7...64)] {
            progress("SSEParser, \(chunking) chunks")
            let summary = try sampler.measure { () throws(any Error) in
                try ParserBenchmark.parse(stream, chunking: chunking)
            }
            let expected = ParserBenchmark.Tally(events: corpus.eventCount, dataBytes: corpus.dataByteCount)
            try check(summary.result == expected, "parser tally \(summary.result), expected \(expected)")
            table.append(
                ["`SSEParser.parse`", chunking.description]
                    + figures(
                        summary,
                        bytes: stream.count,
                        items: corpus.eventCount,
                        baselineRate: memchrRate,
                        events: corpus.eventCount
                    )
            )
            if verdict.isEmpty {
                verdict = Self.verdict("Target ≥ 1,000 MB/s with 16 KiB chunks", summary, bytes: stream.count, 1e9)
            }
        }
        return """
            ### Parser throughput (issue 2)

            Corpus: \(describe(corpus)). \(runsNote(sampler))

            \(table.rendered)
            \(verdict) Allocations are counted by a malloc interposer linked into the benchmark (every malloc, \
            calloc, realloc and aligned allocation of the process during the timed run), divided by the events.

            """
    }

    private func decodingSection(_ corpus: ChunkCorpus, _ stream: UnsafeRawBufferPointer) throws -> String {
        var table = MarkdownTable(headers: [
            "Pipeline", "Input", "Median", "Min – max", "Throughput", "Throughput (CPU time)", "Deltas/s",
            "vs JSONDecoder", "Allocations/event",
        ])
        let chunking = Chunking.fixed(16 * 1024)

        progress("JSONDecoder baseline on the first \(Format.number(Double(baselineBytes) / 1e6)) MB")
        let prefix = UnsafeRawBufferPointer(rebasing: stream[0..<min(baselineBytes, stream.count)])
        let slow = try baselineSampler.measure { () throws(any Error) in
            try JSONDecoderBaseline.decode(prefix, chunking: chunking)
        }
        let baselineRate = Double(prefix.count) / slow.medianSeconds
        let prefixFast = try baselineSampler.measure { () throws(any Error) in
            try DecodeBenchmark.decode(prefix, chunking: chunking)
        }
        try verifyPrefix(prefix, chunking: chunking)
        let prefixEvents = prefixFast.result.textEvents + 1

        let escaped = ChunkCorpus(targetBytes: corpusBytes, nonASCII: .escaped)
        var verdict = ""
        for variant in [corpus, escaped] {
            progress("SSEParser + OpenAI decoder, \(variant.nonASCII.rawValue) non-ASCII")
            let summary = try variant.bytes.withUnsafeBytes { bytes throws(any Error) in
                try sampler.measure { () throws(any Error) in try DecodeBenchmark.decode(bytes, chunking: chunking) }
            }
            try verifyFull(variant, summary.result, chunking: chunking)
            table.append(
                [
                    "`SSEParser` + ChatWire `OpenAIStreamDecoder`",
                    "\(Format.number(Double(variant.bytes.count) / 1e6)) MB, \(label(variant.nonASCII))",
                ]
                    + figures(
                        summary,
                        bytes: variant.bytes.count,
                        items: summary.result.textEvents,
                        baselineRate: baselineRate,
                        events: variant.eventCount
                    )
            )
            if verdict.isEmpty {
                verdict = Self.verdict("Target ≥ 300 MB/s", summary, bytes: variant.bytes.count, 3e8)
            }
        }
        let prefixLabel = "first \(Format.number(Double(prefix.count) / 1e6)) MB, \(label(.raw))"
        table.append(
            ["`SSEParser` + ChatWire `OpenAIStreamDecoder`", prefixLabel]
                + figures(
                    prefixFast,
                    bytes: prefix.count,
                    items: prefixFast.result.textEvents,
                    baselineRate: baselineRate,
                    events: prefixEvents
                )
        )
        table.append(
            ["`SSEParser` + `JSONDecoder` per chunk (baseline)", prefixLabel]
                + figures(
                    slow,
                    bytes: prefix.count,
                    items: slow.result.textEvents,
                    baselineRate: baselineRate,
                    events: prefixEvents
                )
        )
        return """
            ### Reply decoding (issue 5, item 2)

            SSE parse + OpenAI chunk decode → text deltas, 16 KiB chunks, the same corpus; a second corpus of the \
            same size writes every non-ASCII character as `\\uXXXX` (surrogate pairs for emoji), as Python's \
            `json.dumps` does by default. \(runsNote(sampler)) The `JSONDecoder` baseline (a `Decodable` struct \
            for `choices[0].delta.content`, one `decode` per event) and the decoder beside it run on a prefix of \
            the corpus, median of \(baselineSampler.runs) runs. Every run's text is checked: its concatenation \
            equals the generated reply byte for byte, and on the prefix it equals `JSONDecoder`'s.

            \(table.rendered)
            \(verdict)

            """
    }

    /// Issue 11's Gemini workload: the same reply text as Gemini `streamGenerateContent?alt=sse` chunks.
    private func geminiSection() throws -> String {
        var table = MarkdownTable(headers: [
            "Pipeline", "Input", "Median", "Min – max", "Throughput", "Throughput (CPU time)", "Deltas/s",
            "vs JSONDecoder", "Allocations/event",
        ])
        let chunking = Chunking.fixed(16 * 1024)
        let format = GeminiWireFormat()
        let corpus = ChunkCorpus(targetBytes: corpusBytes, shape: .gemini)
        let prefixCorpus = ChunkCorpus(targetBytes: baselineBytes, shape: .gemini)
        progress("Gemini: JSONDecoder baseline on \(Format.number(Double(prefixCorpus.bytes.count) / 1e6)) MB")
        let (slow, prefixFast) = try prefixCorpus.bytes.withUnsafeBytes { prefix throws(any Error) in
            let slow = try baselineSampler.measure { () throws(any Error) in
                try JSONDecoderBaseline.decode(prefix, chunking: chunking, shape: .gemini)
            }
            let fast = try baselineSampler.measure { () throws(any Error) in
                try DecodeBenchmark.decode(prefix, chunking: chunking, format: format)
            }
            return (slow, fast)
        }
        try verifyFull(prefixCorpus, prefixFast.result, chunking: chunking)
        try verifyFull(prefixCorpus, slow.result, chunking: chunking, baseline: true)
        let baselineRate = Double(prefixCorpus.bytes.count) / slow.medianSeconds
        var verdict = ""
        for variant in [corpus, ChunkCorpus(targetBytes: corpusBytes, nonASCII: .escaped, shape: .gemini)] {
            progress("SSEParser + Gemini decoder, \(variant.nonASCII.rawValue) non-ASCII")
            let summary = try variant.bytes.withUnsafeBytes { bytes throws(any Error) in
                try sampler.measure { () throws(any Error) in
                    try DecodeBenchmark.decode(bytes, chunking: chunking, format: format)
                }
            }
            try verifyFull(variant, summary.result, chunking: chunking)
            table.append(
                [
                    "`SSEParser` + ChatWire `GeminiStreamDecoder`",
                    "\(Format.number(Double(variant.bytes.count) / 1e6)) MB, \(label(variant.nonASCII))",
                ]
                    + figures(
                        summary,
                        bytes: variant.bytes.count,
                        items: summary.result.textEvents,
                        baselineRate: baselineRate,
                        events: variant.eventCount
                    )
            )
            if verdict.isEmpty {
                verdict = Self.verdict("Target ≥ 300 MB/s", summary, bytes: variant.bytes.count, 3e8)
            }
        }
        let prefixLabel = "\(Format.number(Double(prefixCorpus.bytes.count) / 1e6)) MB, \(label(.raw))"
        for (name, summary) in [
            ("`SSEParser` + ChatWire `GeminiStreamDecoder`", prefixFast),
            ("`SSEParser` + `JSONDecoder` per chunk (baseline)", slow),
        ] {
            table.append(
                [name, prefixLabel]
                    + figures(
                        summary,
                        bytes: prefixCorpus.bytes.count,
                        items: summary.result.textEvents,
                        baselineRate: baselineRate,
                        events: prefixCorpus.eventCount
                    )
            )
        }
        return """
            ### Reply decoding, Gemini (issue 11)

            SSE parse + Gemini chunk decode → text deltas, 16 KiB chunks: the same reply text as Gemini \
            `streamGenerateContent?alt=sse` chunks (one text part each, `usageMetadata` and `modelVersion` in every \
            chunk, CRLF line ends, ~\(corpus.bytes.count / max(1, corpus.eventCount)) bytes per event), raw and \
            `\\u`-escaped. \(runsNote(sampler)) The `JSONDecoder` baseline (a `Decodable` struct for \
            `candidates[0].content.parts[0].text`) and the decoder beside it run on a smaller stream, median of \
            \(baselineSampler.runs) runs. Every run's text is checked against the generated reply.

            \(table.rendered)
            \(verdict)

            """
    }

    private func verifyFull(
        _ corpus: ChunkCorpus,
        _ tally: DecodeBenchmark.Tally,
        chunking: Chunking,
        baseline: Bool = false
    ) throws {
        try check(tally.done, "no end marker decoded")
        try check(tally.textEvents == corpus.tokenCount, "\(tally.textEvents) text deltas for \(corpus.tokenCount)")
        var text = ""
        text.reserveCapacity(corpus.text.utf8.count)
        let format: any ChatWireFormat = corpus.shape == .gemini ? GeminiWireFormat() : OpenAIWireFormat()
        _ = try corpus.bytes.withUnsafeBytes { bytes in
            if baseline {
                try JSONDecoderBaseline.decode(bytes, chunking: chunking, shape: corpus.shape) { text += $0 }
            } else {
                try DecodeBenchmark.decode(bytes, chunking: chunking, format: format) { text += $0 }
            }
        }
        try check(text == corpus.text, "decoded text differs from the generated reply")
    }

    private func verifyPrefix(_ prefix: UnsafeRawBufferPointer, chunking: Chunking) throws {
        var fast = ""
        var slow = ""
        _ = try DecodeBenchmark.decode(prefix, chunking: chunking) { fast += $0 }
        _ = try JSONDecoderBaseline.decode(prefix, chunking: chunking) { slow += $0 }
        try check(!fast.isEmpty && fast == slow, "ChatWire and JSONDecoder disagree on the prefix")
    }

    private func describe(_ corpus: ChunkCorpus) -> String {
        "\(Format.number(Double(corpus.bytes.count))) bytes, \(Format.number(Double(corpus.eventCount))) events "
            + "(`chat.completion.chunk`, one token each, ~\(corpus.bytes.count / max(1, corpus.eventCount)) bytes "
            + "per event); reply text \(Format.number(Double(corpus.text.utf8.count) / 1e6, decimals: 1)) MB, "
            + "\(Format.number(corpus.nonASCIITextShare * 100))% of its bytes non-ASCII (CJK, emoji)"
    }

    func runsNote(_ sampler: Sampler) -> String {
        "Median of \(sampler.runs) runs after \(sampler.warmUpRuns) warm-up; MB = 10⁶ bytes."
    }

    private func label(_ nonASCII: JSONStringWriter.NonASCII) -> String {
        nonASCII == .raw ? "raw UTF-8" : "`\\u`-escaped"
    }

    /// The timing cells of a row: median, spread, wall and CPU throughput, items/s, ratio, allocations per event.
    func figures<Result>(
        _ summary: Summary<Result>,
        bytes: Int,
        items: Int?,
        baselineRate: Double,
        events: Int
    ) -> [String] {
        [
            Format.milliseconds(summary.medianSeconds), spread(summary),
            Format.megabytesPerSecond(bytes, seconds: summary.medianSeconds),
            Format.megabytesPerSecond(bytes, seconds: summary.medianCPUSeconds),
            items.map { Format.perSecond($0, seconds: summary.medianSeconds) } ?? "—",
            Format.ratio(Double(bytes) / summary.medianSeconds / baselineRate),
            Format.number(summary.medianAllocations / Double(max(1, events)), decimals: 3),
        ]
    }

    /// "Target …: **met** (…)", judged on the wall-time median; says so when only the CPU time meets it.
    static func verdict<Result>(
        _ target: String,
        _ summary: Summary<Result>,
        bytes: Int,
        _ bytesPerSecond: Double
    ) -> String {
        let wall = Double(bytes) / summary.medianSeconds
        let cpu = Double(bytes) / summary.medianCPUSeconds
        let outcome = wall >= bytesPerSecond ? "met" : (cpu >= bytesPerSecond ? "met on CPU time only" : "not met")
        return "\(target): **\(outcome)** (median \(Format.megabytesPerSecond(bytes, seconds: summary.medianSeconds)) "
            + "wall, \(Format.megabytesPerSecond(bytes, seconds: summary.medianCPUSeconds)) CPU time)."
    }

    private func spread<Result>(_ summary: Summary<Result>) -> String {
        Format.number(summary.minSeconds * 1e3, decimals: 1) + " – " + Format.milliseconds(summary.maxSeconds)
    }

    func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw VerificationFailure(description: message()) }
    }
}

/// Writes a progress line to stderr (stdout carries only the report).
/// - Parameter message: The line.
func progress(_ message: String) {
    StandardError.write("parser-bench: \(message)\n")
}
