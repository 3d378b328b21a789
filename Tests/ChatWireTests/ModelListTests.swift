import ChatWire
import Foundation
import Testing

@Suite("Model lists: requests and pages")
struct ModelListTests {
    private func listing(_ kind: ChatProviderKind) throws -> any ChatModelListing {
        try #require(kind.modelListing)
    }

    private func page(_ kind: ChatProviderKind, _ body: String) throws -> ChatModelPage {
        try listing(kind).decodeModelList(Data(body.utf8))
    }

    @Test("Plain SSE has no model list")
    func plainSSE() {
        #expect(ChatProviderKind.sse.modelListing == nil)
    }

    @Test(
        "Request URLs and headers",
        arguments: [
            (ChatProviderKind.openai, "http://127.0.0.1:1/v1", nil, "http://127.0.0.1:1/v1/models", "Authorization"),
            (.openai, "http://127.0.0.1:1", nil, "http://127.0.0.1:1/v1/models", "Authorization"),
            (.anthropic, "http://127.0.0.1:1", nil, "http://127.0.0.1:1/v1/models", "x-api-key"),
            (
                .anthropic, "http://127.0.0.1:1/v1", "m_1+/=", "http://127.0.0.1:1/v1/models?after_id=m_1%2B%2F%3D",
                "x-api-key"
            ),
            (.gemini, "http://127.0.0.1:1/v1beta", nil, "http://127.0.0.1:1/v1beta/models", "x-goog-api-key"),
            (.gemini, "http://127.0.0.1:1", "tok", "http://127.0.0.1:1/v1beta/models?pageToken=tok", "x-goog-api-key"),
        ] as [(ChatProviderKind, String, String?, String, String)]
    )
    func requests(kind: ChatProviderKind, base: String, token: String?, url: String, keyHeader: String) throws {
        let request = try listing(kind).makeModelListRequest(
            baseURL: try #require(URL(string: base)),
            apiKey: "k-123",
            pageToken: token
        )
        #expect(request.method == "GET")
        #expect(request.body == nil)
        #expect(request.url.absoluteString == url)
        let value = try #require(request.value(forHeader: keyHeader))
        #expect(value.hasSuffix("k-123"))
        if kind == .anthropic { #expect(request.value(forHeader: "anthropic-version") != nil) }
        let keyless = try listing(kind).makeModelListRequest(
            baseURL: try #require(URL(string: base)),
            apiKey: nil,
            pageToken: nil
        )
        #expect(keyless.value(forHeader: keyHeader) == nil)
    }

    @Test("OpenAI-compatible: data[].id in order, owned_by kept; one page")
    func openAI() throws {
        let page = try page(
            .openai,
            #"{"object":"list","data":[{"id":"gpt-4o","object":"model","created":1,"owned_by":"openai"},"#
                + #"{"id":"llama3.2:latest","object":"model"}]}"#
        )
        #expect(
            page == ChatModelPage(models: [.init(id: "gpt-4o", ownedBy: "openai"), .init(id: "llama3.2:latest")])
        )
    }

    @Test("Anthropic: display names; the next page after last_id only while has_more")
    func anthropic() throws {
        let first = try page(
            .anthropic,
            #"{"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5","#
                + #""created_at":"2025-09-29T00:00:00Z"}],"has_more":true,"first_id":"claude-sonnet-4-5","#
                + #""last_id":"claude-sonnet-4-5"}"#
        )
        #expect(first.models == [.init(id: "claude-sonnet-4-5", displayName: "Claude Sonnet 4.5")])
        #expect(first.nextPageToken == "claude-sonnet-4-5")
        let last = try page(.anthropic, #"{"data":[],"has_more":false,"last_id":"x"}"#)
        #expect(last == ChatModelPage(models: []))
    }

    @Test("Gemini: names without models/, token limits, nextPageToken")
    func gemini() throws {
        let page = try page(
            .gemini,
            #"{"models":[{"name":"models/gemini-2.5-flash","version":"001","displayName":"Gemini 2.5 Flash","#
                + #""inputTokenLimit":1048576,"outputTokenLimit":65536,"#
                + #""supportedGenerationMethods":["generateContent","countTokens"]},"#
                + #"{"name":"models/embedding-001"}],"nextPageToken":"Ch5tb2RlbHM="}"#
        )
        #expect(
            page
                == ChatModelPage(
                    models: [
                        .init(
                            id: "gemini-2.5-flash",
                            displayName: "Gemini 2.5 Flash",
                            inputTokenLimit: 1_048_576,
                            outputTokenLimit: 65536
                        ),
                        .init(id: "embedding-001"),
                    ],
                    nextPageToken: "Ch5tb2RlbHM="
                )
        )
        #expect(try self.page(.gemini, "{}") == ChatModelPage(models: []))
        #expect(try self.page(.gemini, #"{"models":[],"nextPageToken":""}"#).nextPageToken == nil)
    }

    @Test(
        "An error object is the server's error; anything else unreadable is malformed",
        arguments: ChatProviderKind.allCases.filter { $0 != .sse }
    )
    func errors(kind: ChatProviderKind) throws {
        #expect(throws: ChatWireError.serverError(message: "Invalid key", type: "UNAUTHENTICATED")) {
            try page(kind, #"{"error":{"code":401,"message":"Invalid key","status":"UNAUTHENTICATED"}}"#)
        }
        #expect(throws: ChatWireError.serverError(message: "bad", type: "authentication_error")) {
            try page(kind, #"{"type":"error","error":{"type":"authentication_error","message":"bad"}}"#)
        }
        let error = try #require(throws: ChatWireError.self) { try page(kind, "<html>oops</html>") }
        #expect(error.code == .malformedChunk)
    }
}
