import BenchSupport
import ChatWire

extension ParserReport {
    /// Issue 11's section: the Responses decoder (`SSEParser` + `ResponsesStreamDecoder`, whose fast path reads
    /// `response.output_text.delta`) on a corpus of the same size, against `JSONDecoder` per event on a prefix.
    func responsesSection() throws -> String {
        progress("generating a \(Format.number(Double(corpusBytes) / 1e6)) MB Responses corpus")
        let corpus = ResponsesCorpus(targetBytes: corpusBytes)
        let chunking = Chunking.fixed(16 * 1024)
        let format = ResponsesWireFormat()
        return try corpus.bytes.withUnsafeBytes { stream throws(any Error) in
            progress("JSONDecoder baseline on the first \(Format.number(Double(baselineBytes) / 1e6)) MB (Responses)")
            let prefix = UnsafeRawBufferPointer(rebasing: stream[0..<min(baselineBytes, stream.count)])
            let slow = try baselineSampler.measure { () throws(any Error) in
                try JSONDecoderBaseline.decodeResponses(prefix, chunking: chunking)
            }
            let baselineRate = Double(prefix.count) / slow.medianSeconds
            let prefixFast = try baselineSampler.measure { () throws(any Error) in
                try DecodeBenchmark.decode(prefix, chunking: chunking, format: format)
            }
            var fastText = ""
            var slowText = ""
            _ = try DecodeBenchmark.decode(prefix, chunking: chunking, format: format) { fastText += $0 }
            _ = try JSONDecoderBaseline.decodeResponses(prefix, chunking: chunking) { slowText += $0 }
            try check(!fastText.isEmpty && fastText == slowText, "ChatWire and JSONDecoder disagree on the prefix")

            progress("SSEParser + Responses decoder")
            let summary = try sampler.measure { () throws(any Error) in
                try DecodeBenchmark.decode(stream, chunking: chunking, format: format)
            }
            try check(summary.result.done, "no response.completed decoded")
            try check(summary.result.textEvents == corpus.tokenCount, "\(summary.result.textEvents) text deltas")
            var text = ""
            text.reserveCapacity(corpus.text.utf8.count)
            _ = try DecodeBenchmark.decode(stream, chunking: chunking, format: format) { text += $0 }
            try check(text == corpus.text, "decoded text differs from the generated reply")

            var table = MarkdownTable(headers: [
                "Pipeline", "Input", "Median", "Min – max", "Throughput", "Throughput (CPU time)", "Deltas/s",
                "vs JSONDecoder", "Allocations/event",
            ])
            let megabytes = "\(Format.number(Double(stream.count) / 1e6)) MB, raw UTF-8"
            let prefixLabel = "first \(Format.number(Double(prefix.count) / 1e6)) MB, raw UTF-8"
            let prefixEvents = prefixFast.result.textEvents + 4
            table.append(
                ["`SSEParser` + ChatWire `ResponsesStreamDecoder`", megabytes]
                    + figures(
                        summary,
                        bytes: stream.count,
                        items: summary.result.textEvents,
                        baselineRate: baselineRate,
                        events: corpus.eventCount
                    )
            )
            table.append(
                ["`SSEParser` + ChatWire `ResponsesStreamDecoder`", prefixLabel]
                    + figures(
                        prefixFast,
                        bytes: prefix.count,
                        items: prefixFast.result.textEvents,
                        baselineRate: baselineRate,
                        events: prefixEvents
                    )
            )
            table.append(
                ["`SSEParser` + `JSONDecoder` per event (baseline)", prefixLabel]
                    + figures(
                        slow,
                        bytes: prefix.count,
                        items: slow.result.textEvents,
                        baselineRate: baselineRate,
                        events: prefixEvents
                    )
            )
            let verdict = Self.verdict("Target ≥ 300 MB/s", summary, bytes: stream.count, 3e8)
            return """
                ### Responses reply decoding (issue 11)

                SSE parse + Responses decode → text deltas, 16 KiB chunks: \(Format.number(Double(stream.count))) \
                bytes, \(Format.number(Double(corpus.eventCount))) named events (one \
                `response.output_text.delta` per token, ~\(stream.count / max(1, corpus.eventCount)) bytes per \
                event, the reply text from the same generator and seed as above), ending with \
                `response.completed`. \(runsNote(sampler)) The \
                `JSONDecoder` baseline (a `Decodable` struct for `type` and `delta`, one `decode` per event) and the \
                decoder beside it run on a prefix, median of \(baselineSampler.runs) runs. Every run's text is \
                checked against the generated reply, and on the prefix against `JSONDecoder`'s.

                \(table.rendered)
                \(verdict)

                """
        }
    }
}
