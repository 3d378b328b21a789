import ChatWire
import Foundation
import Testing

@Suite("Anthropic request building")
struct AnthropicRequestTests {
    private let format = AnthropicWireFormat()

    private func parameters(
        _ base: String = "https://api.anthropic.com",
        messages: [ChatMessage] = [ChatMessage(role: .user, content: "Hello")],
        model: String? = "claude-sonnet-4-5",
        key: String? = "sk-ant-test",
        maxTokens: Int? = nil
    ) throws -> ChatRequestParameters {
        ChatRequestParameters(
            baseURL: try #require(URL(string: base)),
            model: model,
            messages: messages,
            apiKey: key,
            maxTokens: maxTokens
        )
    }

    @Test(
        "URL joining",
        arguments: [
            ("https://api.anthropic.com", "https://api.anthropic.com/v1/messages"),
            ("https://api.anthropic.com/", "https://api.anthropic.com/v1/messages"),
            ("https://api.anthropic.com/v1", "https://api.anthropic.com/v1/messages"),
            ("https://api.anthropic.com/v1/", "https://api.anthropic.com/v1/messages"),
            ("https://api.anthropic.com/v1/messages", "https://api.anthropic.com/v1/messages"),
            ("http://127.0.0.1:9000/proxy", "http://127.0.0.1:9000/proxy/v1/messages"),
        ]
    )
    func urlJoining(base: String, expected: String) throws {
        #expect(try format.makeRequest(parameters(base)).url.absoluteString == expected)
    }

    @Test("Headers and body: system joined, only user/assistant turns, default max_tokens")
    func requestShape() throws {
        let messages = [
            ChatMessage(role: .system, content: "You are terse."),
            ChatMessage(role: .user, content: "Hi"),
            ChatMessage(role: .assistant, content: "Hello."),
            ChatMessage(role: .system, content: "Answer in French."),
            ChatMessage(role: .user, content: "Weather?"),
        ]
        let request = try format.makeRequest(parameters(messages: messages))
        #expect(request.method == "POST")
        #expect(
            request.headers == [
                ChatHTTPHeader(name: "content-type", value: "application/json"),
                ChatHTTPHeader(name: "anthropic-version", value: "2023-06-01"),
                ChatHTTPHeader(name: "x-api-key", value: "sk-ant-test"),
            ]
        )
        let body = try JSONBody.object(request)
        #expect(body["model"] as? String == "claude-sonnet-4-5")
        #expect(body["max_tokens"] as? Int == 4096)
        #expect(body["stream"] as? Bool == true)
        #expect(body["system"] as? String == "You are terse.\n\nAnswer in French.")
        #expect(
            try JSONBody.messages(request) == [
                ["role": "user", "content": "Hi"], ["role": "assistant", "content": "Hello."],
                ["role": "user", "content": "Weather?"],
            ]
        )
    }

    @Test("No system message: no system field; no key: no x-api-key; max_tokens as given")
    func optionalFields() throws {
        let request = try format.makeRequest(parameters(key: nil, maxTokens: 100))
        let body = try JSONBody.object(request)
        #expect(body["system"] == nil)
        #expect(body["max_tokens"] as? Int == 100)
        #expect(request.value(forHeader: "x-api-key") == nil)
        #expect(request.headers.allSatisfy { !$0.isSecret })
    }

    @Test("A final assistant prefill loses its trailing whitespace; empty messages are dropped")
    func prefill() throws {
        let messages = [
            ChatMessage(role: .user, content: "Write a haiku"),
            ChatMessage(role: .assistant, content: ""),
            ChatMessage(role: .user, content: "about rain"),
            ChatMessage(role: .assistant, content: "Soft rain on the roof \n"),
        ]
        let request = try format.makeRequest(parameters(messages: messages))
        #expect(
            try JSONBody.messages(request) == [
                ["role": "user", "content": "Write a haiku"], ["role": "user", "content": "about rain"],
                ["role": "assistant", "content": "Soft rain on the roof"],
            ]
        )
    }

    @Test("No model, or nothing to send, is a clear error")
    func missingParts() throws {
        let noModel = try #require(throws: ChatWireError.self) { try format.makeRequest(parameters(model: nil)) }
        #expect(noModel.code == .invalidRequest)
        #expect(noModel.description.contains("model"))
        let onlySystem = [ChatMessage(role: .system, content: "x")]
        let nothing = try #require(throws: ChatWireError.self) {
            try format.makeRequest(parameters(messages: onlySystem))
        }
        #expect(nothing.code == .invalidRequest)
    }
}
