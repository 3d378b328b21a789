import DemoServerKit
import Foundation
import SSE
import SSEClient
import Testing

@testable import DemoServerKit

@Suite("GET /chat, bad requests and the API key", .timeLimit(.minutes(1)))
struct PlainAndErrorTests {
    @Test("GET /chat streams `event: thinking`, raw token data, then `event: end`")
    func plainEndpoint() async throws {
        try await withDemoServer(testConfiguration()) { server in
            var events: [ServerSentEvent] = []
            for try await event in plainSource(server, prompt: "hand written servers").events() {
                events.append(event)
                if event.type == "end" { break }
            }
            #expect(events.first?.type == "thinking")
            #expect(events.first?.data.contains("hand written servers") == true)
            #expect(events.last?.type == "end")
            let tokens = events.dropFirst().dropLast()
            #expect(tokens.allSatisfy { $0.type == "message" })
            let expected = DemoReply(prompt: "hand written servers", replyTokens: nil, maxTokens: nil)
            #expect(tokens.map(\.data) == expected.baseTokens)
            #expect(tokens.map(\.data).joined() == expected.text)
            try expectSequentialIDs(events)
        }
    }

    @Test("the raw stream has the SSE headers and a retry: field first")
    func rawHeaders() async throws {
        var configuration = testConfiguration(replyTokens: 3)
        configuration.retryMilliseconds = 2500
        try await withDemoServer(configuration) { server in
            let exchange = try await RawHTTPExchange.get("/chat?q=hi", port: UInt16(server.baseURL.port ?? 0))
            #expect(exchange.status == 200)
            #expect(exchange.headers["content-type"] == "text/event-stream")
            #expect(exchange.headers["cache-control"] == "no-cache")
            #expect(exchange.headers["x-accel-buffering"] == "no")
            #expect(exchange.complete)
            #expect(String(decoding: exchange.body, as: UTF8.self).hasPrefix("retry: 2500\n"))
        }
    }

    @Test(
        "malformed chat requests get a 400 with an OpenAI-style error",
        arguments: [
            ("{not json", "not valid JSON"),
            ("", "empty"),
            (#"{"model":"x"}"#, "'messages'"),
            (#"{"messages":[]}"#, "at least one message"),
            (#"{"messages":"hi"}"#, "'messages'"),
            (#"{"messages":[{"role":"user","content":"hi"}],"stream":"yes"}"#, "'stream'"),
            (#"{"messages":[{"content":"hi"}]}"#, "'messages[0].role'"),
            (#"{"messages":[{"role":"user","content":"hi"}],"max_tokens":"ten"}"#, "'max_tokens'"),
            (#"[1,2,3]"#, "JSON object"),
        ]
    )
    func malformed(body: String, fragment: String) async throws {
        try await withDemoServer(testConfiguration()) { server in
            let url = server.baseURL.appendingPathComponent("v1/chat/completions")
            let response = try await httpRequest(url, method: "POST", body: Data(body.utf8))
            #expect(response.status == 400)
            let message = try errorFields(response.body).message
            #expect(message.contains(fragment), "\(message)")
        }
    }

    @Test("an array of content parts is read as the prompt")
    func contentParts() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let body = #"{"stream":false,"messages":[{"role":"user","content":[{"type":"text","text":"parts work"}]}]}"#
            let url = server.baseURL.appendingPathComponent("v1/chat/completions")
            let response = try await httpRequest(url, method: "POST", body: Data(body.utf8))
            #expect(response.status == 200)
            #expect(response.body.contains("parts work"))
        }
    }

    @Test("unknown paths are 404, wrong methods 405, /chat without q 400, all with JSON errors")
    func routing() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let missing = try await httpRequest(server.baseURL.appendingPathComponent("nope"))
            #expect(missing.status == 404)
            let modelsURL = server.baseURL.appendingPathComponent("v1/models")
            let wrongMethod = try await httpRequest(modelsURL, method: "DELETE")
            #expect(wrongMethod.status == 405)
            let getCompletions = try await httpRequest(server.baseURL.appendingPathComponent("v1/chat/completions"))
            #expect(getCompletions.status == 405)
            let noQuery = try await httpRequest(server.baseURL.appendingPathComponent("chat"))
            #expect(noQuery.status == 400)
            for response in [missing, wrongMethod, getCompletions, noQuery] {
                #expect(try !errorFields(response.body).message.isEmpty)
            }
        }
    }

    @Test("with an API key, a missing or wrong bearer token gets 401 and the right one streams")
    func apiKey() async throws {
        var configuration = testConfiguration(replyTokens: 5)
        configuration.apiKey = "s3cret-key"
        try await withDemoServer(configuration) { server in
            for headers in [[:], ["Authorization": "Bearer wrong-key"], ["Authorization": "s3cret-key"]] {
                let error = await #expect(throws: EventSourceError.self) {
                    _ = try await readOpenAIReply(chatSource(server, prompt: "hi", headers: headers))
                }
                #expect(error?.status == 401)
                #expect(error?.responseBody?.contains("invalid_api_key") == true)
                #expect(error?.responseBody?.contains("s3cret") == false)
            }
            let reply = try await readOpenAIReply(
                chatSource(server, prompt: "hi", headers: ["Authorization": "Bearer s3cret-key"])
            )
            #expect(reply.done)
            let models = try await httpRequest(server.baseURL.appendingPathComponent("v1/models"))
            #expect(models.status == 401)
        }
    }
}
