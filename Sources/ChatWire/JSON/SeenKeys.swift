/// The known keys met so far in one object, to give up on duplicates (decoders disagree on which one wins).
struct SeenKeys {
    enum Key: UInt32 {
        case choices = 1
        case usage = 2
        case object = 4
        case delta = 8
        case index = 16
        case finishReason = 32
        case content = 64
        case reasoningContent = 128
        case reasoning = 256
        case type = 512
        case text = 1024
        case thinking = 2048
        case candidates = 4096
        case usageMetadata = 8192
        case parts = 16384
        case thought = 32768
        case promptTokenCount = 65536
        case candidatesTokenCount = 131072
        case thoughtsTokenCount = 262144
        case totalTokenCount = 524288
        case sequenceNumber = 1_048_576
        case logprobs = 2_097_152
    }

    private var bits: UInt32 = 0

    /// Records `key`; returns `false` when it was already there.
    @inline(__always)
    mutating func insert(_ key: Key) -> Bool {
        guard bits & key.rawValue == 0 else { return false }
        bits |= key.rawValue
        return true
    }
}
