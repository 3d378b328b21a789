import SSE

/// Issue 2's parser benchmark: `SSEParser` over the corpus, counting events and their data bytes.
enum ParserBenchmark {
    /// What a parse produced, checked against the corpus.
    struct Tally: Equatable {
        /// Events dispatched.
        var events = 0
        /// Total data bytes of those events.
        var dataBytes = 0
    }

    /// Parses the whole stream once.
    /// - Parameters:
    ///   - stream: The stream's bytes.
    ///   - chunking: How to cut it into chunks.
    /// - Returns: The events and data bytes seen.
    /// - Throws: `SSEParserError` if the parser rejects the stream.
    static func parse(_ stream: UnsafeRawBufferPointer, chunking: Chunking) throws -> Tally {
        var parser = SSEParser()
        var tally = Tally()
        try chunking.forEachChunk(of: stream) { chunk throws(any Error) in
            try parser.parse(chunk) { event in
                tally.events += 1
                tally.dataBytes += event.data.utf8.count
            }
        }
        parser.finishStream()
        return tally
    }
}
