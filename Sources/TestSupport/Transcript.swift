import Foundation

/// Builds the event-stream text of provider replies for loopback transcript servers: each element of a returned
/// array is one event (ending in a blank line), so a server can send them one `send(2)` at a time.
package enum Transcript {
    /// A JSON string literal for `text` (quotes included).
    /// - Parameter text: Any text.
    /// - Returns: The literal.
    package static func jsonString(_ text: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]),
            let array = String(data: data, encoding: .utf8)
        else { return "\"\"" }
        return String(array.dropFirst().dropLast())
    }

    /// One OpenAI chat-completion chunk event carrying a content delta.
    /// - Parameters:
    ///   - content: The text delta.
    ///   - id: An SSE event id to put before the data, if any.
    /// - Returns: The event text.
    package static func openAIContent(_ content: String, id: String? = nil) -> String {
        openAIChunk(#"{"index":0,"delta":{"content":\#(jsonString(content))},"finish_reason":null}"#, id: id)
    }

    /// One OpenAI chunk event carrying a `reasoning_content` delta.
    /// - Parameter reasoning: The reasoning delta.
    /// - Returns: The event text.
    package static func openAIReasoning(_ reasoning: String) -> String {
        openAIChunk(
            #"{"index":0,"delta":{"content":null,"reasoning_content":\#(jsonString(reasoning))},"#
                + #""finish_reason":null}"#
        )
    }

    /// An OpenAI chunk event with the choice given as raw JSON.
    /// - Parameters:
    ///   - choice: The JSON of `choices[0]`.
    ///   - id: An SSE event id, if any.
    /// - Returns: The event text.
    package static func openAIChunk(_ choice: String, id: String? = nil) -> String {
        let prefix = id.map { "id: \($0)\n" } ?? ""
        return prefix + openAIData(#""choices":[\#(choice)]"#)
    }

    /// A `data:` line holding an OpenAI chunk object with the usual envelope and then `members`.
    private static func openAIData(_ members: String) -> String {
        #"data: {"id":"chatcmpl-test","object":"chat.completion.chunk","created":1,"model":"test-model","#
            + members + "}\n\n"
    }

    /// A complete OpenAI reply: a role chunk, one content chunk per token, the finish reason, usage and `[DONE]`.
    /// - Parameters:
    ///   - tokens: The text deltas.
    ///   - reasoning: Reasoning deltas sent before the text.
    ///   - finishReason: The finish reason.
    ///   - withIDs: Whether every event carries an id (`1`, `2`, …), as a resumable server's do.
    /// - Returns: The events.
    package static func openAI(
        _ tokens: [String],
        reasoning: [String] = [],
        finishReason: String = "stop",
        withIDs: Bool = false
    ) -> [String] {
        var events = [openAIChunk(#"{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}"#)]
        events += reasoning.map(openAIReasoning)
        events += tokens.map { openAIContent($0) }
        events.append(openAIChunk(#"{"index":0,"delta":{},"finish_reason":\#(jsonString(finishReason))}"#))
        let usage = #""prompt_tokens":5,"completion_tokens":\#(tokens.count),"total_tokens":\#(tokens.count + 5)"#
        events.append(openAIData(#""choices":[],"usage":{\#(usage)}"#))
        events.append("data: [DONE]\n\n")
        guard withIDs else { return events }
        return events.enumerated().map { index, event in "id: \(index + 1)\n" + event }
    }

    /// A complete Anthropic Messages reply: `message_start`, an optional thinking block, a text block, a `ping`,
    /// `message_delta` with the stop reason, `message_stop`.
    /// - Parameters:
    ///   - text: The text deltas.
    ///   - thinking: The thinking deltas, sent first.
    /// - Returns: The events.
    package static func anthropic(_ text: [String], thinking: [String] = []) -> [String] {
        func event(_ name: String, _ json: String) -> String { "event: \(name)\ndata: \(json)\n\n" }
        func block(_ kind: String, _ index: Int, _ members: String) -> String {
            #"{"type":"content_block_\#(kind)","index":\#(index),\#(members)}"#
        }
        let message =
            #"{"id":"msg_test","type":"message","role":"assistant","content":[],"model":"claude-test","#
            + #""stop_reason":null,"usage":{"input_tokens":7,"output_tokens":1}}"#
        var events = [event("message_start", #"{"type":"message_start","message":\#(message)}"#)]
        var index = 0
        if !thinking.isEmpty {
            let start = #""content_block":{"type":"thinking","thinking":""}"#
            events.append(event("content_block_start", block("start", 0, start)))
            for delta in thinking {
                let json = #""delta":{"type":"thinking_delta","thinking":\#(jsonString(delta))}"#
                events.append(event("content_block_delta", block("delta", 0, json)))
            }
            events.append(event("content_block_stop", #"{"type":"content_block_stop","index":0}"#))
            index = 1
        }
        events.append(event("ping", #"{"type":"ping"}"#))
        let start = #""content_block":{"type":"text","text":""}"#
        events.append(event("content_block_start", block("start", index, start)))
        for delta in text {
            let json = #""delta":{"type":"text_delta","text":\#(jsonString(delta))}"#
            events.append(event("content_block_delta", block("delta", index, json)))
        }
        events.append(event("content_block_stop", #"{"type":"content_block_stop","index":\#(index)}"#))
        let stop = #""delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":\#(text.count)}"#
        events.append(event("message_delta", #"{"type":"message_delta",\#(stop)}"#))
        events.append(event("message_stop", #"{"type":"message_stop"}"#))
        return events
    }

    /// A Gemini `streamGenerateContent?alt=sse` reply: a chunk per thought, then per text token, the last carrying
    /// the finish reason and the usage (CRLF line ends, as Google sends them).
    /// - Parameters:
    ///   - text: The text parts.
    ///   - thoughts: Thought parts, sent first.
    ///   - finishReason: The last chunk's finish reason; `nil` for a stream cut before it.
    /// - Returns: The events.
    package static func gemini(_ text: [String], thoughts: [String] = [], finishReason: String? = "STOP") -> [String] {
        func chunk(_ part: String, finish: String = "", usage: String = #""promptTokenCount":5,"totalTokenCount":5"#)
            -> String
        {
            #"data: {"candidates":[{"content":{"parts":[\#(part)],"role":"model"}\#(finish),"index":0}],"#
                + #""usageMetadata":{\#(usage)},"modelVersion":"gemini-test"}"# + "\r\n\r\n"
        }
        var events = thoughts.map { chunk(#"{"text":\#(jsonString($0)),"thought":true}"#) }
        events += text.map { chunk(#"{"text":\#(jsonString($0))}"#) }
        if let finishReason {
            let usage =
                #""promptTokenCount":5,"candidatesTokenCount":\#(text.count),"#
                + #""thoughtsTokenCount":\#(thoughts.count),"totalTokenCount":\#(5 + text.count + thoughts.count)"#
            events.append(chunk("", finish: #","finishReason":\#(jsonString(finishReason))"#, usage: usage))
        }
        return events
    }
}
