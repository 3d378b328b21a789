import ChatWire
import Foundation
import Testing

@Suite("Plain SSE templates")
struct PlainSSERequestTests {
    private let format = PlainSSEWireFormat()

    private func request(
        _ template: String,
        prompt: String = "hello world",
        method: String? = nil,
        body: String? = nil,
        key: String? = nil
    ) throws -> ChatHTTPRequest {
        let url = try #require(URL(string: template))
        let messages = [
            ChatMessage(role: .user, content: "an earlier question"),
            ChatMessage(role: .assistant, content: "an answer"),
            ChatMessage(role: .user, content: prompt),
        ]
        let parameters = ChatRequestParameters(
            baseURL: url,
            messages: messages,
            apiKey: key,
            method: method,
            bodyTemplate: body
        )
        return try format.makeRequest(parameters)
    }

    @Test(
        "The last user message is percent-encoded into the URL (RFC 3986 unreserved kept)",
        arguments: [
            ("hello world", "hello%20world"),
            ("a-b.c_d~e", "a-b.c_d~e"),
            ("1+1=2 & 3/4? #x %", "1%2B1%3D2%20%26%203%2F4%3F%20%23x%20%25"),
            ("café 😀 中", "caf%C3%A9%20%F0%9F%98%80%20%E4%B8%AD"),
            ("line\nbreak", "line%0Abreak"),
            ("{prompt} %7Bprompt%7D", "%7Bprompt%7D%20%257Bprompt%257D"),
        ]
    )
    func percentEncoding(prompt: String, encoded: String) throws {
        let request = try request("http://127.0.0.1:8000/stream?q={prompt}&model=x", prompt: prompt)
        #expect(request.url.absoluteString == "http://127.0.0.1:8000/stream?q=\(encoded)&model=x")
        #expect(request.method == "GET")
        #expect(request.body == nil)
        #expect(request.headers.isEmpty)
    }

    @Test("The placeholder works in the path and in any letter case")
    func placeholderPlaces() throws {
        #expect(
            try request("http://127.0.0.1:8000/ask/{prompt}").url.absoluteString
                == "http://127.0.0.1:8000/ask/hello%20world"
        )
        #expect(
            try request("http://127.0.0.1:8000/?q={PROMPT}").url.absoluteString
                == "http://127.0.0.1:8000/?q=hello%20world"
        )
    }

    @Test("A JSON body template gets the prompt JSON-escaped; POST by default")
    func jsonBody() throws {
        let prompt = "say \"hi\"\n\t\\ {prompt} \u{1}"
        let request = try request(
            "http://127.0.0.1:8000/chat",
            prompt: prompt,
            body: #"{"message": "{prompt}", "stream": true}"#
        )
        #expect(request.method == "POST")
        #expect(request.value(forHeader: "Content-Type") == "application/json")
        let body = try JSONBody.object(request)
        #expect(body["message"] as? String == prompt)
        #expect(body["stream"] as? Bool == true)
    }

    @Test("A non-JSON body template gets the prompt percent-encoded")
    func formBody() throws {
        let request = try request("http://127.0.0.1:8000/chat", prompt: "a b&c", body: "q={prompt}&lang=en")
        #expect(request.method == "POST")
        #expect(request.value(forHeader: "Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.body == Data("q=a%20b%26c&lang=en".utf8))
    }

    @Test("A body made only of the placeholder is not JSON")
    func bareBody() throws {
        let request = try request("http://127.0.0.1:8000/chat", prompt: "{x}", body: "{prompt}")
        #expect(request.body == Data("%7Bx%7D".utf8))
    }

    @Test("An explicit method wins; a key is sent as a bearer token")
    func methodAndKey() throws {
        let request = try request("http://127.0.0.1:8000/?q={prompt}", method: "post", key: "k-123")
        #expect(request.method == "POST")
        #expect(request.value(forHeader: "Authorization") == "Bearer k-123")
    }

    @Test("No placeholder anywhere is a clear error")
    func noPlaceholder() throws {
        let error = try #require(throws: ChatWireError.self) { try request("http://127.0.0.1:8000/stream") }
        #expect(error.code == .invalidTemplate)
        #expect(error.description.contains("{prompt}"))
    }

    @Test("No user message is a clear error")
    func noUserMessage() throws {
        let url = try #require(URL(string: "http://127.0.0.1:8000/?q={prompt}"))
        let parameters = ChatRequestParameters(baseURL: url, messages: [ChatMessage(role: .system, content: "x")])
        let error = try #require(throws: ChatWireError.self) { try format.makeRequest(parameters) }
        #expect(error.code == .invalidRequest)
    }

    @Test("Provider inference from the URL")
    func inference() {
        #expect(ChatProviderKind.inferred(fromURL: "http://127.0.0.1:8000/?q={prompt}") == .sse)
        #expect(ChatProviderKind.inferred(fromURL: "http://127.0.0.1:8000/?q=%7Bprompt%7D") == .sse)
        #expect(ChatProviderKind.inferred(fromURL: "http://127.0.0.1:8000/v1") == .openai)
        #expect(ChatProviderKind.inferred(fromURL: "https://api.Anthropic.com") == .anthropic)
        #expect(ChatProviderKind.sse.wireFormat is PlainSSEWireFormat)
    }
}
