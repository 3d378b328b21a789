import ChatWire
import Foundation
import Testing

@Suite("Responses request building")
struct ResponsesRequestTests {
    private let format = ResponsesWireFormat()

    private func parameters(
        _ base: String = "https://api.openai.com/v1",
        messages: [ChatMessage] = [ChatMessage(role: .user, content: "Hello")],
        model: String? = "gpt-4.1",
        key: String? = "sk-test",
        maxTokens: Int? = nil,
        extraHeaders: [ChatHTTPHeader] = [],
        extraBody: [JSONValue.Member] = [],
        background: Bool = false
    ) throws -> ChatRequestParameters {
        ChatRequestParameters(
            baseURL: try #require(URL(string: base)),
            model: model,
            messages: messages,
            apiKey: key,
            maxTokens: maxTokens,
            extraHeaders: extraHeaders,
            extraBody: extraBody,
            background: background
        )
    }

    @Test(
        "URL joining",
        arguments: [
            ("https://api.openai.com/v1", "https://api.openai.com/v1/responses"),
            ("https://api.openai.com/v1/", "https://api.openai.com/v1/responses"),
            ("https://api.openai.com", "https://api.openai.com/v1/responses"),
            ("https://api.openai.com/v1/responses", "https://api.openai.com/v1/responses"),
            ("http://127.0.0.1:9000/proxy?tenant=a", "http://127.0.0.1:9000/proxy/responses?tenant=a"),
        ]
    )
    func urlJoining(base: String, expected: String) throws {
        #expect(try format.makeRequest(parameters(base)).url.absoluteString == expected)
    }

    @Test("Body: model, input roles in order, instructions from system messages, stream, no background by default")
    func body() throws {
        let request = try format.makeRequest(
            parameters(
                messages: [
                    ChatMessage(role: .system, content: "Be brief."), ChatMessage(role: .user, content: "Hi"),
                    ChatMessage(role: .assistant, content: "Hello!"), ChatMessage(role: .system, content: "Be kind."),
                    ChatMessage(role: .user, content: "Bye"),
                ]
            )
        )
        #expect(request.method == "POST")
        #expect(request.value(forHeader: "content-type") == "application/json")
        #expect(request.value(forHeader: "authorization") == "Bearer sk-test")
        let body = try JSONBody.object(request)
        #expect(body["model"] as? String == "gpt-4.1")
        #expect(body["instructions"] as? String == "Be brief.\n\nBe kind.")
        #expect(body["stream"] as? Bool == true)
        let input = try #require(body["input"] as? [[String: String]])
        #expect(
            input == [
                ["role": "user", "content": "Hi"], ["role": "assistant", "content": "Hello!"],
                ["role": "user", "content": "Bye"],
            ]
        )
        for absent in ["background", "store", "max_output_tokens", "messages", "max_tokens"] {
            #expect(body[absent] == nil, "\(absent)")
        }
        // The format's own members come in a fixed order.
        let text = String(decoding: try #require(request.body), as: UTF8.self)
        #expect(text.hasPrefix(#"{"model":"gpt-4.1","input":[{"role":"user","content":"Hi"}"#))
    }

    @Test("Background and store, max_output_tokens, extra body after the format's own, no key, extra headers")
    func options() throws {
        let request = try format.makeRequest(
            parameters(
                model: nil,
                key: nil,
                maxTokens: 256,
                extraHeaders: [ChatHTTPHeader(name: "OpenAI-Organization", value: "org-1")],
                extraBody: [
                    .init("temperature", .double(0.5)), .init("stream", .bool(false)), .init("store", .bool(false)),
                ],
                background: true
            )
        )
        let body = try JSONBody.object(request)
        #expect(body["model"] == nil)
        #expect(body["background"] as? Bool == true)
        #expect(body["store"] as? Bool == true)
        #expect(body["stream"] as? Bool == true)
        #expect(body["max_output_tokens"] as? Int == 256)
        #expect(body["temperature"] as? Double == 0.5)
        #expect(request.value(forHeader: "authorization") == nil)
        #expect(request.value(forHeader: "OpenAI-Organization") == "org-1")
    }

    @Test("Resume: GET …/responses/{id}?stream=true&starting_after=N with the key; the same POST without a cursor")
    func resume() throws {
        let parameters = try parameters("http://127.0.0.1:9000/v1?tenant=a", background: true)
        let point = ChatResumePoint(cursor: ChatResumeCursor(replyID: "resp_a b", position: 41))
        let request = try format.makeResumeRequest(parameters, from: point)
        #expect(request.method == "GET")
        #expect(
            request.url.absoluteString
                == "http://127.0.0.1:9000/v1/responses/resp_a%20b?tenant=a&stream=true&starting_after=41"
        )
        #expect(request.value(forHeader: "authorization") == "Bearer sk-test")
        #expect(request.body == nil)
        let again = try format.makeResumeRequest(parameters, from: ChatResumePoint(lastEventID: "7"))
        #expect(again == (try format.makeRequest(parameters)))
    }

    @Test("Cancel: POST …/responses/{id}/cancel with the key; other formats have none")
    func cancel() throws {
        let request = try #require(try format.makeCancelRequest(parameters(), replyID: "resp_1"))
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://api.openai.com/v1/responses/resp_1/cancel")
        #expect(request.value(forHeader: "authorization") == "Bearer sk-test")
        #expect(try OpenAIWireFormat().makeCancelRequest(parameters(), replyID: "resp_1") == nil)
        #expect(!request.description.contains("sk-test"))
    }

    @Test(
        "Inference: only a URL that names the /responses endpoint; an OpenAI base URL stays chat completions",
        arguments: [
            ("https://api.openai.com/v1", ChatProviderKind.openai), ("https://api.openai.com", .openai),
            ("https://api.openai.com/v1/responses", .responses),
            ("http://127.0.0.1:8080/v1/responses/?a=b", .responses),
            ("https://api.openai.com/v1/chat/completions", .openai), ("http://h/responses-proxy/v1", .openai),
        ]
    )
    func inference(url: String, expected: ChatProviderKind) {
        #expect(ChatProviderKind.inferred(fromURL: url) == expected)
    }
}
