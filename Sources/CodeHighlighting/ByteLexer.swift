/// A lexer for one family of languages, driven one piece at a time over the piece's UTF-8 bytes.
///
/// `CodeLexer` owns the bytes carried between pieces and hands each lexer a `SpanOutput`; a lexer only decides
/// kinds. Every byte of every piece must end up in exactly one `put` or `release`, in order.
protocol ByteLexer: Sendable {
    /// Classifies the bytes of one piece.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout SpanOutput)

    /// Resolves every hold as if the block ended here, and returns to the state of a new block.
    mutating func scanEnd(into output: inout SpanOutput)
}
