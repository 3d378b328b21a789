import SSE
import Testing

/// Streams shaped like the providers' documented examples, run through the parser at every split.
@Suite("SSEParser on realistic provider transcripts")
struct SSETranscriptTests {
    static let openAI = """
        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}

        : OPENROUTER PROCESSING

        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":{"content":" 世界 👋"},"logprobs":null,"finish_reason":null}]}

        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}

        data: [DONE]


        """

    static let anthropic = """
        event: message_start
        data: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-sonnet-4-5", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}

        event: content_block_start
        data: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}

        event: ping
        data: {"type": "ping"}

        event: content_block_delta
        data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}

        event: content_block_delta
        data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "!"}}

        event: content_block_stop
        data: {"type": "content_block_stop", "index": 0}

        event: message_delta
        data: {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence":null}, "usage": {"output_tokens": 15}}

        event: message_stop
        data: {"type": "message_stop"}


        """

    @Test("an OpenAI chat completion stream: six data events, the keep-alive comment dropped")
    func openAIStream() throws {
        for crlf in [false, true] {
            let text = crlf ? Self.openAI.replacingOccurrences(of: "\n", with: "\r\n") : Self.openAI
            let input = Array(text.utf8)
            for chunks in splits(of: input).prefix(200) {
                let (events, _) = try parseAll(chunks)
                #expect(events.count == 6)
                #expect(events.allSatisfy { $0.type == "message" })
                #expect(events[2].data.contains(#""content":" 世界 👋""#))
                #expect(events.last?.data == "[DONE]")
            }
        }
    }

    @Test("an Anthropic Messages stream: typed events in order")
    func anthropicStream() throws {
        let input = Array(Self.anthropic.utf8)
        for chunks in splits(of: input).prefix(200) {
            let (events, _) = try parseAll(chunks)
            #expect(
                events.map(\.type) == [
                    "message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta",
                    "content_block_stop", "message_delta", "message_stop",
                ]
            )
            #expect(events[3].data.contains(#""text": "Hello""#))
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
