import ChatWire
import Foundation
import Testing

@Suite("Gemini request building")
struct GeminiRequestTests {
    private let format = GeminiWireFormat()
    private let conversation = [
        ChatMessage(role: .system, content: "Be brief."),
        ChatMessage(role: .system, content: "Answer in French."),
        ChatMessage(role: .user, content: "Say \"hi\"\n\ttwice ✨"),
        ChatMessage(role: .assistant, content: "Salut, salut."),
        ChatMessage(role: .user, content: ""),
        ChatMessage(role: .user, content: "Again"),
    ]

    private func request(
        _ base: String,
        key: String? = "AIza-test-123",
        model: String? = "gemini-2.5-flash",
        maxTokens: Int? = nil,
        extraBody: [JSONValue.Member] = []
    ) throws -> ChatHTTPRequest {
        let url = try #require(URL(string: base))
        return try format.makeRequest(
            ChatRequestParameters(
                baseURL: url,
                model: model,
                messages: conversation,
                apiKey: key,
                maxTokens: maxTokens,
                extraHeaders: [ChatHTTPHeader(name: "X-Trace", value: "1")],
                extraBody: extraBody
            )
        )
    }

    private func body(_ request: ChatHTTPRequest) throws -> String {
        String(decoding: try #require(request.body), as: UTF8.self)
    }

    @Test(
        "URL: the model in the path, alt=sse in the query",
        arguments: [
            (
                "https://generativelanguage.googleapis.com/v1beta",
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
            ),
            (
                "https://generativelanguage.googleapis.com/v1beta/",
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
            ),
            (
                "http://127.0.0.1:8080",
                "http://127.0.0.1:8080/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
            ),
            (
                "http://127.0.0.1:8080/v1beta/models/gemini-2.5-flash:streamGenerateContent",
                "http://127.0.0.1:8080/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
            ),
            (
                "http://127.0.0.1:8080/proxy/v1?tenant=a",
                "http://127.0.0.1:8080/proxy/v1/models/gemini-2.5-flash:streamGenerateContent?tenant=a&alt=sse"
            ),
            (
                "http://127.0.0.1:8080/v1beta?alt=sse",
                "http://127.0.0.1:8080/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
            ),
        ]
    )
    func url(base: String, expected: String) throws {
        #expect(try request(base).url.absoluteString == expected)
    }

    @Test("A model named models/… loses the prefix; other characters are percent-encoded")
    func modelNames() throws {
        let listed = try request("http://127.0.0.1:1/v1beta", model: "models/gemini-2.5-pro")
        #expect(listed.url.path.hasSuffix("/models/gemini-2.5-pro:streamGenerateContent"))
        let odd = try request("http://127.0.0.1:1/v1beta", model: "my model/x")
        #expect(odd.url.absoluteString.contains("/models/my%20model%2Fx:streamGenerateContent"))
    }

    @Test("No model is refused; a model-less request is never sent")
    func modelRequired() {
        #expect(throws: ChatWireError.invalidRequest("the Gemini API needs a model name (--model)")) {
            try request("http://127.0.0.1:1/v1beta", model: nil)
        }
    }

    @Test("Headers: content type, x-goog-api-key (secret), the extra headers; no Authorization")
    func headers() throws {
        let request = try request("http://127.0.0.1:1/v1beta")
        #expect(request.method == "POST")
        #expect(
            request.headers == [
                ChatHTTPHeader(name: "content-type", value: "application/json"),
                ChatHTTPHeader(name: "x-goog-api-key", value: "AIza-test-123"),
                ChatHTTPHeader(name: "X-Trace", value: "1"),
            ]
        )
        #expect(request.headers[1].isSecret)
        #expect(!request.description.contains("AIza-test-123"))
        let keyless = try self.request("http://127.0.0.1:1/v1beta", key: nil)
        #expect(keyless.value(forHeader: "x-goog-api-key") == nil)
    }

    @Test("Body: contents with user/model roles (empty turns dropped), systemInstruction, no generationConfig")
    func bodyShape() throws {
        #expect(
            try body(request("http://127.0.0.1:1/v1beta"))
                == #"{"contents":[{"role":"user","parts":[{"text":"Say \"hi\"\n\ttwice ✨"}]},"#
                + #"{"role":"model","parts":[{"text":"Salut, salut."}]},{"role":"user","parts":[{"text":"Again"}]}],"#
                + #""systemInstruction":{"parts":[{"text":"Be brief.\n\nAnswer in French."}]}}"#
        )
    }

    @Test("maxOutputTokens and the sampling parameters go into generationConfig under Gemini's names")
    func generationConfig() throws {
        let text = try body(
            request(
                "http://127.0.0.1:1/v1beta",
                maxTokens: 256,
                extraBody: [
                    .init("temperature", .double(0.25)), .init("top_p", .double(0.9)), .init("top_k", .int(40)),
                    .init("seed", .int(7)), .init("stop", .string("END")), .init("presence_penalty", .double(0.5)),
                    .init("frequency_penalty", .double(0.1)), .init("reasoning_effort", .string("low")),
                    .init("max_tokens", .int(9)),
                    .init(
                        "safety_settings",
                        .array([.object([.init("category", .string("HARM_CATEGORY_HATE_SPEECH"))])])
                    ),
                    .init("generationConfig", .object([.init("responseMimeType", .string("text/plain"))])),
                    .init("thinkingConfig", .object([.init("includeThoughts", .bool(true))])),
                    .init("contents", .string("ignored")),
                ]
            )
        )
        #expect(
            text.hasSuffix(
                #""generationConfig":{"maxOutputTokens":256,"temperature":0.25,"topP":0.9,"topK":40,"seed":7,"#
                    + #""stopSequences":["END"],"presencePenalty":0.5,"frequencyPenalty":0.1,"#
                    + #""thinkingConfig":{"thinkingLevel":"low"},"responseMimeType":"text/plain"},"#
                    + #""safetySettings":[{"category":"HARM_CATEGORY_HATE_SPEECH"}]}"#
            ),
            "\(text)"
        )
        #expect(!text.contains("ignored"))
    }

    @Test("stop as a list stays a list")
    func stopList() throws {
        let text = try body(
            request("http://127.0.0.1:1/v1beta", extraBody: [.init("stop", .array([.string("a"), .string("b")]))])
        )
        #expect(text.hasSuffix(#""generationConfig":{"stopSequences":["a","b"]}}"#))
    }

    @Test("A conversation with nothing to send is refused")
    func nothingToSend() throws {
        let url = try #require(URL(string: "http://127.0.0.1:1/v1beta"))
        #expect(throws: ChatWireError.invalidRequest("no message to send")) {
            try format.makeRequest(
                ChatRequestParameters(
                    baseURL: url,
                    model: "m",
                    messages: [ChatMessage(role: .system, content: "s")]
                )
            )
        }
    }

    @Test(
        "Provider inference from the URL",
        arguments: [
            ("https://generativelanguage.googleapis.com/v1beta", ChatProviderKind.gemini),
            ("https://GENERATIVELANGUAGE.googleapis.com", .gemini),
            ("https://api.anthropic.com", .anthropic),
            ("http://127.0.0.1:8080/v1", .openai),
        ]
    )
    func inference(url: String, expected: ChatProviderKind) {
        #expect(ChatProviderKind.inferred(fromURL: url) == expected)
    }
}
