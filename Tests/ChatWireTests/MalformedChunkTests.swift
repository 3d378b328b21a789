import ChatWire
import SSE
import Testing

@Suite("Malformed chunks and server errors")
struct MalformedChunkTests {
    @Test(
        "OpenAI chunks that cannot be read throw malformedChunk",
        arguments: [
            (#"{"choices":[{"delta":{"content":"Hi"}}]"#, "not valid JSON"),
            ("not json at all", "not valid JSON"),
            (#"{"choices":[{"delta":{"content":5}}]}"#, "unexpected type at choices[0].delta.content"),
            (#"{"choices":{"delta":{}}}"#, "unexpected type at choices"),
            ("[1,2]", "not a JSON object"),
        ]
    )
    func openAIMalformed(data: String, reason: String) throws {
        var decoder = OpenAIWireFormat().makeDecoder()
        let error = try #require(throws: ChatWireError.self) { try decoder.decode(ServerSentEvent(data: data)) }
        #expect(error.code == .malformedChunk)
        #expect(error.description.hasPrefix("malformed chunk in the reply stream (\(reason)): "))
    }

    @Test("The preview is the chunk's first 60 characters as sent (sanitising is the display's job)")
    func preview() throws {
        let start = "{\"choices\":\u{1B}[31m\n\u{7}"
        let data = start + String(repeating: "x", count: 500)
        let error = ChatWireError.malformedChunk(data)
        #expect(error.description.hasSuffix(": " + start + String(repeating: "x", count: 60 - start.count) + "…"))
        #expect(ChatWireError.malformedChunk("short").description.hasSuffix(": short"))
    }

    @Test("Anthropic events that cannot be read throw malformedChunk")
    func anthropicMalformed() throws {
        var decoder = AnthropicWireFormat().makeDecoder()
        let event = ServerSentEvent(type: "content_block_delta", data: #"{"type":"content_block_delta","delta":{"#)
        let error = try #require(throws: ChatWireError.self) { try decoder.decode(event) }
        #expect(error.code == .malformedChunk)
    }

    @Test(
        "OpenAI error shapes become serverError with the server's own message",
        arguments: [
            (
                ServerSentEvent(
                    data:
                        #"{"error":{"message":"Rate limit reached for gpt-4o","type":"requests","param":null,"#
                        + #""code":"rate_limit_exceeded"}}"#
                ),
                ChatWireError.serverError(
                    message: "Rate limit reached for gpt-4o",
                    type: "requests",
                    code: "rate_limit_exceeded"
                )
            ),
            (
                ServerSentEvent(data: #"{"error":"model not loaded"}"#),
                .serverError(message: "model not loaded")
            ),
            (
                ServerSentEvent(
                    data:
                        #"{"object":"error","message":"context too long","type":"BadRequestError","#
                        + #""param":null,"code":400}"#
                ),
                .serverError(message: "context too long", type: "BadRequestError", code: "400")
            ),
            (
                ServerSentEvent(type: "error", data: #"{"error":{"message":"upstream timeout","code":504}}"#),
                .serverError(message: "upstream timeout", code: "504")
            ),
            (ServerSentEvent(type: "error", data: "plain text failure"), .serverError(message: "plain text failure")),
        ]
    )
    func openAIErrors(event: ServerSentEvent, expected: ChatWireError) {
        #expect(Transcript.decode(event, with: OpenAIWireFormat()) == .failure(expected))
    }

    @Test("Error descriptions quote the server's message as sent (the display sanitises it)")
    func descriptions() {
        let rate = ChatWireError.serverError(
            message: "Rate limit reached",
            type: "requests",
            code: "rate_limit_exceeded"
        )
        #expect(rate.description == "server error: Rate limit reached (requests, code rate_limit_exceeded)")
        #expect(rate.isRateLimit)
        #expect(!rate.isAuthentication)
        let auth = ChatWireError.serverError(message: "invalid x-api-key", type: "authentication_error")
        #expect(auth.isAuthentication)
        let hostile = ChatWireError.serverError(message: "bad\u{1B}]52;c;AAAA\u{7}\nthing")
        #expect(hostile.description == "server error: bad\u{1B}]52;c;AAAA\u{7}\nthing")
        #expect(hostile.serverMessage == "bad\u{1B}]52;c;AAAA\u{7}\nthing")
    }

    @Test(
        "OpenAI decoder ignores what is not a chunk",
        arguments: [
            ServerSentEvent(data: ""), ServerSentEvent(data: "  "), ServerSentEvent(type: "ping", data: "{}"),
            ServerSentEvent(data: "{}"),
            ServerSentEvent(data: #"{"choices":[{"index":1,"delta":{"content":"other"}}]}"#),
        ]
    )
    func ignored(event: ServerSentEvent) {
        #expect(Transcript.decode(event, with: OpenAIWireFormat()) == .success([]))
    }

    @Test("[DONE] with surrounding blanks is the end marker")
    func doneMarker() {
        #expect(Transcript.decode(ServerSentEvent(data: " [DONE] "), with: OpenAIWireFormat()) == .success([.done]))
    }
}
