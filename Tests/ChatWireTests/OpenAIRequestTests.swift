import ChatWire
import Foundation
import Testing

@Suite("OpenAI request building")
struct OpenAIRequestTests {
    private let format = OpenAIWireFormat()
    private let conversation = [
        ChatMessage(role: .system, content: "Be brief."),
        ChatMessage(role: .user, content: "Say \"hi\"\n\ttwice ✨"),
    ]

    private func request(_ base: String, key: String? = "sk-test-123", model: String? = "gpt-4o-mini") throws
        -> ChatHTTPRequest
    {
        let url = try #require(URL(string: base))
        return try format.makeRequest(
            ChatRequestParameters(baseURL: url, model: model, messages: conversation, apiKey: key)
        )
    }

    @Test(
        "URL joining",
        arguments: [
            ("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1/chat/completions"),
            ("http://127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1/chat/completions"),
            ("http://127.0.0.1:8080/v1/chat/completions", "http://127.0.0.1:8080/v1/chat/completions"),
            ("http://127.0.0.1:8080/v1/chat/completions/", "http://127.0.0.1:8080/v1/chat/completions"),
            ("http://127.0.0.1:11434", "http://127.0.0.1:11434/v1/chat/completions"),
            ("http://127.0.0.1:11434/", "http://127.0.0.1:11434/v1/chat/completions"),
            ("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1/chat/completions"),
            ("https://api.deepseek.com", "https://api.deepseek.com/v1/chat/completions"),
            (
                "https://example.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21",
                "https://example.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"
            ),
        ]
    )
    func urlJoining(base: String, expected: String) throws {
        #expect(try request(base).url.absoluteString == expected)
    }

    @Test("Method, headers and body")
    func requestShape() throws {
        let request = try request("http://127.0.0.1:8080/v1")
        #expect(request.method == "POST")
        #expect(
            request.headers == [
                ChatHTTPHeader(name: "Content-Type", value: "application/json"),
                ChatHTTPHeader(name: "Authorization", value: "Bearer sk-test-123"),
            ]
        )
        let body = try #require(request.body)
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},"#
                + #"{"role":"user","content":"Say \"hi\"\n\ttwice ✨"}],"stream":true,"#
                + #""stream_options":{"include_usage":true}}"#
        )
        #expect(
            try JSONBody.messages(request) == conversation.map { ["role": $0.role.rawValue, "content": $0.content] }
        )
    }

    @Test("No key, or an empty one: no Authorization header", arguments: [nil, ""] as [String?])
    func noKey(key: String?) throws {
        let request = try request("http://127.0.0.1:8080/v1", key: key)
        #expect(request.value(forHeader: "authorization") == nil)
        #expect(request.headers.count == 1)
    }

    @Test("No model: the field is left out; options add max_tokens, drop stream_options, add headers")
    func optionalFields() throws {
        let url = try #require(URL(string: "http://127.0.0.1:8080/v1"))
        let parameters = ChatRequestParameters(
            baseURL: url,
            messages: conversation,
            maxTokens: 256,
            includeUsage: false,
            extraHeaders: [ChatHTTPHeader(name: "HTTP-Referer", value: "https://example.com")]
        )
        let request = try format.makeRequest(parameters)
        let body = try JSONBody.object(request)
        #expect(body["model"] == nil)
        #expect(body["stream_options"] == nil)
        #expect(body["max_tokens"] as? Int == 256)
        #expect(body["stream"] as? Bool == true)
        #expect(request.value(forHeader: "http-referer") == "https://example.com")
    }

    @Test(
        "Unusable URLs are refused without echoing them",
        arguments: ["ftp://user:secret@127.0.0.1/v1", "secret-host:8080/v1", "/v1/secret", "http:///secret"]
    )
    func invalidURL(base: String) throws {
        let error = try #require(throws: ChatWireError.self) { try request(base) }
        #expect(error.code == .invalidURL)
        #expect(!error.description.contains("secret"))
    }

    @Test("The API key never shows in descriptions or dumps")
    func keyRedacted() throws {
        let key = "sk-very-secret-value"
        let url = try #require(URL(string: "http://127.0.0.1:8080/v1"))
        let parameters = ChatRequestParameters(baseURL: url, messages: conversation, apiKey: key)
        let request = try format.makeRequest(parameters)
        #expect(request.value(forHeader: "Authorization") == "Bearer \(key)")
        var dumped = ""
        dump(request, to: &dumped)
        dump(parameters, to: &dumped)
        for text in [request.description, String(reflecting: request), parameters.description, dumped] {
            #expect(!text.contains(key))
        }
        #expect(request.description.contains("<redacted>"))
    }
}
